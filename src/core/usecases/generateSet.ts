/**
 * Generate-or-reissue-and-write, once for every front (`milvus-tls generate`, Generate
 * Certificates…, Renew…): make the set in memory, then write it all or nothing, honouring an
 * AbortSignal up to the write. Also the defaults that depend on the workspace: the names Milvus is
 * reached by inside its compose network, from the deployment model.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deployment } from '../deployment';
import { CertificateAuthorityError } from '../pki/errors';
import { generateCertificateSet, reissueLeaves } from '../pki/generate';
import type { CertificateSetKeys } from '../pki/keyPregeneration';
import type { CertificateSetOptions, GeneratedFile } from '../pki/types';
import { validateSan } from '../pki/validate';
import { writeCertificateSet } from '../pki/writeSet';

/** 'create' into a folder without a set, 'reissue' keeping ca.pem and ca.key, 'overwrite' all nine. */
export type SetWriteMode = 'create' | 'reissue' | 'overwrite';

/** The CA files a reissue needs are not there (a usage problem, not a failure). */
export class MissingCaFilesError extends CertificateAuthorityError {
  override readonly name = 'MissingCaFilesError';
  constructor(readonly directory: string, readonly missing: readonly string[]) {
    super(`reissuing needs ca.pem and ca.key in ${directory}; missing: ${missing.join(', ')}`);
  }
}

export interface ExistingCa {
  certificatePem: string;
  privateKeyPem: string;
}

/** The CA of a set, for reissuing; names what is missing. */
export async function readExistingCa(outputDir: string): Promise<ExistingCa> {
  const read = (name: string): Promise<string | undefined> =>
    readFile(join(outputDir, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new CertificateAuthorityError(`cannot read ${join(outputDir, name)}: ${error.message}`);
    });
  const [certificatePem, privateKeyPem] = await Promise.all([read('ca.pem'), read('ca.key')]);
  if (certificatePem === undefined || privateKeyPem === undefined) {
    throw new MissingCaFilesError(outputDir, [certificatePem === undefined ? 'ca.pem' : '', privateKeyPem === undefined ? 'ca.key' : ''].filter(Boolean));
  }
  return { certificatePem, privateKeyPem };
}

export interface GenerateSetRequest {
  options: CertificateSetOptions;
  outputDir: string;
  mode: SetWriteMode;
  signal?: AbortSignal;
  onPhase?: (message: string) => void;
  /** Keys made in advance, e.g. while the user answered questions (KeyPregeneration); else made here. */
  keys?: Promise<CertificateSetKeys>;
}

export interface WrittenSet {
  /** Absolute paths, in the order of `files`. */
  paths: string[];
  files: GeneratedFile[];
}

/**
 * What was written, or undefined when `signal` was aborted before writing began. Once the files
 * exist in memory they are written as a whole: writeCertificateSet is all-or-nothing, and stopping
 * halfway is what it exists to prevent.
 */
export async function generateAndWriteSet(request: GenerateSetRequest): Promise<WrittenSet | undefined> {
  const { options, outputDir, mode, signal, onPhase = () => undefined, keys } = request;
  if (signal?.aborted) return undefined;
  try {
    onPhase(keys ? 'signing…' : `creating ${options.keyType} keys…`);
    const files = mode === 'reissue'
      ? await reissueLeaves(await readExistingCa(outputDir), options, { server: true, client: true }, signal, keys)
      : await generateCertificateSet(options, signal, keys);
    if (signal?.aborted) return undefined;
    onPhase('writing…');
    return { paths: await writeCertificateSet(outputDir, files, { overwrite: mode !== 'create' }), files };
  } catch (error) {
    if (signal?.aborted) return undefined;
    throw error;
  }
}

/**
 * The names other containers reach Milvus by (compose service and container names), for the
 * default server SANs: `standalone`, `milvus-standalone`. Names that are no valid DNS name are left
 * out so the defaults stay valid.
 */
export function milvusNamesOf(deployments: readonly Deployment[]): string[] {
  const names: string[] = [];
  for (const deployment of deployments) {
    const service = deployment.compose?.service;
    for (const name of [service?.name, service?.containerName]) {
      if (name !== undefined && validateSan(name) === undefined && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
