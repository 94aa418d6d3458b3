// Generates (or reissues) a set and writes it, honouring an AbortSignal: the editor-free core of the
// command's progress notification, so "cancelling writes nothing" is testable without VS Code.
import { CertificateAuthorityError } from '../../core/pki/errors';
import { generateCertificateSet, reissueLeaves } from '../../core/pki/generate';
import { readSetFiles } from '../../core/pki/store/read';
import type { CertificateSetOptions } from '../../core/pki/types';
import { writeCertificateSet } from '../../core/pki/writeSet';
import type { ExistingSetAction } from './existingSet';

/** 'create' into a folder without a set; otherwise what the user chose for the existing files. */
export type WriteMode = 'create' | ExistingSetAction;

/** ca.pem and ca.key read under the folder's lock; the write is refused if another run replaces them. */
async function readCa(outputDir: string, signal: AbortSignal): Promise<{ ca: { certificatePem: string; privateKeyPem: string }; read: Map<string, Buffer | undefined> }> {
  const read = await readSetFiles(outputDir, ['ca.pem', 'ca.key'], { signal });
  const certificatePem = read.get('ca.pem')?.toString('utf8');
  const privateKeyPem = read.get('ca.key')?.toString('utf8');
  if (certificatePem === undefined || privateKeyPem === undefined) {
    throw new CertificateAuthorityError(`reissuing needs ca.pem and ca.key in ${outputDir}, and ${certificatePem === undefined ? 'ca.pem' : 'ca.key'} is gone`);
  }
  return { ca: { certificatePem, privateKeyPem }, read };
}

/**
 * Returns the written paths, or undefined when `signal` was aborted before writing began. Once the
 * files exist in memory they are written as a whole: writeCertificateSet is all-or-nothing, and
 * stopping halfway is what it exists to prevent. 'reissue' keeps ca.pem and ca.key untouched.
 */
export async function produceCertificateSet(
  options: CertificateSetOptions, outputDir: string, mode: WriteMode, signal: AbortSignal,
  onPhase: (message: string) => void = () => undefined,
): Promise<string[] | undefined> {
  try {
    onPhase(`creating ${options.keyType} keys…`);
    const existing = mode === 'reissue' ? await readCa(outputDir, signal) : undefined;
    const files = existing
      ? await reissueLeaves(existing.ca, options, { server: true, client: true }, signal)
      : await generateCertificateSet(options, signal);
    if (signal.aborted) return undefined;
    onPhase('writing…');
    return await writeCertificateSet(outputDir, files, { overwrite: mode !== 'create', unchanged: existing?.read });
  } catch (error) {
    if (signal.aborted) return undefined;
    throw error;
  }
}
