/**
 * Paths in a Milvus config are container paths. Relative ones resolve against the process working
 * directory, which the image sets to /milvus (`WORKDIR /milvus`, and `COPY … ./configs/
 * /milvus/configs/`: build/docker/milvus/ubuntu22.04/Dockerfile:28,54 on master).
 */
import path from 'node:path';

export const MILVUS_CONTAINER_WORKDIR = '/milvus';

/**
 * The certificates and keys the image ships in /milvus/configs/cert. They are test files: CN
 * localhost, valid 2022-05-01 to 2032-04-28, and the CA's private key (ca.key) is public.
 */
export const BUNDLED_TEST_CERTIFICATE_DIR = '/milvus/configs/cert';
/** The files the facts name (configs/cert/* on master); the folder may hold more. */
export const BUNDLED_TEST_CERTIFICATE_FILES: readonly string[] = ['server.pem', 'server.key', 'ca.pem', 'ca.key'];

/** `configs/cert/server.pem` → `/milvus/configs/cert/server.pem`; absolute paths are normalised. */
export function resolveConfigPath(value: string): string {
  const trimmed = value.trim();
  const absolute = trimmed.startsWith('/') ? trimmed : path.posix.join(MILVUS_CONTAINER_WORKDIR, trimmed);
  const normalised = path.posix.normalize(absolute);
  return normalised.length > 1 ? normalised.replace(/\/$/, '') : normalised;
}

/** Whether a config path points into the image's bundled test certificates (`configs/cert/…`). */
export function isBundledTestCertificatePath(value: string): boolean {
  return resolveConfigPath(value).startsWith(`${BUNDLED_TEST_CERTIFICATE_DIR}/`);
}

/** `/path/to/…` values are the shipped placeholders (etcd.ssl, minio.ssl), never real files. */
export function isPlaceholderPath(value: string): boolean {
  return value.trim().startsWith('/path/to/');
}
