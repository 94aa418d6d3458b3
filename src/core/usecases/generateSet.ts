/**
 * Generate-or-reissue-and-write, once for every front (`milvus-tls generate`, Generate
 * Certificates…, Renew…): make the set in memory, then write it all or nothing, honouring an
 * AbortSignal up to the write. Also the defaults that depend on the workspace: the names Milvus is
 * reached by inside its compose network, from the deployment model.
 */
import { X509Certificate } from 'node:crypto';
import type { Deployment } from '../deployment';
import { withSecretManifest } from '../kubernetes/secretManifest';
import { CertificateAuthorityError, SetLockedError, throwIfAborted } from '../pki/errors';
import { capLeafNote, generateCertificateSet, reissueLeaves } from '../pki/generate';
import type { CertificateSetKeys } from '../pki/keyPregeneration';
import { readSetFiles } from '../pki/store/read';
import type { CertificateSetOptions, SetFile } from '../pki/types';
import { validateSan } from '../pki/validate';
import { writeCertificateSet } from '../pki/writeSet';

/** 'create' into a folder without a set, 'reissue' keeping ca.pem and ca.key, 'overwrite' all nine. */
export type SetWriteMode = 'create' | 'reissue' | 'overwrite';

/** The CA files a reissue needs are not there (a usage problem, not a failure). */
export class MissingCaFilesError extends CertificateAuthorityError {
  override readonly name = 'MissingCaFilesError';
  constructor(
    readonly directory: string,
    readonly missing: readonly string[],
  ) {
    super(`reissuing needs ca.pem and ca.key in ${directory}; missing: ${missing.join(', ')}`);
  }
}

export interface ExistingCa {
  certificatePem: string;
  privateKeyPem: string;
  /** The bytes read, so the write is refused if another run replaces them meanwhile. */
  read: Map<string, Buffer | undefined>;
}

/** ca.pem and ca.key, read under the folder's lock after recovering what a killed run left; names what is missing. */
export async function readExistingCa(outputDir: string, signal?: AbortSignal): Promise<ExistingCa> {
  let read: Map<string, Buffer | undefined>;
  try {
    read = await readSetFiles(outputDir, ['ca.pem', 'ca.key'], signal ? { signal } : {});
  } catch (error) {
    if (error instanceof SetLockedError || signal?.aborted) throw error;
    throw new CertificateAuthorityError(`cannot read the CA in ${outputDir}: ${(error as Error).message}`);
  }
  const [certificatePem, privateKeyPem] = [read.get('ca.pem')?.toString('utf8'), read.get('ca.key')?.toString('utf8')];
  if (certificatePem === undefined || privateKeyPem === undefined) {
    throw new MissingCaFilesError(
      outputDir,
      [certificatePem === undefined ? 'ca.pem' : '', privateKeyPem === undefined ? 'ca.key' : ''].filter(Boolean),
    );
  }
  return { certificatePem, privateKeyPem, read };
}

export interface GenerateSetRequest {
  options: CertificateSetOptions;
  outputDir: string;
  mode: SetWriteMode;
  signal?: AbortSignal;
  onPhase?: (message: string) => void;
  /** Also write `<name>.secret.yaml`, a Kubernetes Secret of server.pem, server.key and ca.pem, in the same all-or-nothing write. */
  kubernetesSecret?: { name: string; namespace?: string | undefined };
  /** Keys made in advance, e.g. while the user answered questions (KeyPregeneration); else made here. */
  keys?: Promise<CertificateSetKeys>;
}

export interface WrittenSet {
  /** Absolute paths, in the order of `files`. */
  paths: string[];
  files: SetFile[];
  /** Set when the leaves were capped to end with their CA: a sentence to show the user. */
  capNote?: string;
}

/**
 * What was written, or undefined when `signal` was aborted before writing began. Once the files
 * exist in memory they are written as a whole: writeCertificateSet is all-or-nothing, and stopping
 * halfway is what it exists to prevent.
 */
export async function generateAndWriteSet(request: GenerateSetRequest): Promise<WrittenSet | undefined> {
  const { options, outputDir, mode, signal, onPhase = () => undefined, kubernetesSecret, keys } = request;
  if (signal?.aborted) return undefined;
  try {
    onPhase(keys ? 'signing…' : `creating ${options.keyType} keys…`);
    const existing = mode === 'reissue' ? await readExistingCa(outputDir, signal) : undefined;
    const made = (async (): Promise<SetFile[]> => {
      const generated: SetFile[] = existing
        ? await reissueLeaves(existing, options, { server: true, client: true }, signal, keys)
        : await generateCertificateSet(options, signal, keys);
      // The Secret manifest is rewritten with every new set (a reissue too): the seam renew/rotate use as well.
      const files = kubernetesSecret ? withSecretManifest(generated, kubernetesSecret, existing?.certificatePem) : generated;
      throwIfAborted(signal);
      onPhase('writing…');
      return files;
    })();
    // A new set is signed while its folder is locked and recovered (the write waits for it). A
    // reissue reads the CA under that lock first, so it is written after signing, as before.
    // The write settles last (its failure, after it let go of the folder, is the signing's own if that failed).
    const paths = await writeCertificateSet(outputDir, existing ? await made : made, {
      overwrite: mode !== 'create',
      ...(existing ? { unchanged: existing.read } : {}),
      ...(signal ? { signal } : {}),
    });
    const files = await made;
    const capNote = existing
      ? capLeafNote(new Date(), options.leafDays, new Date(new X509Certificate(existing.certificatePem).validTo))
      : undefined;
    return { paths, files, ...(capNote !== undefined ? { capNote } : {}) };
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
