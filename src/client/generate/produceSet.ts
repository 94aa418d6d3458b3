// Generates (or reissues) a set and writes it, honouring an AbortSignal: the editor-free core of the
// command's progress notification, so "cancelling writes nothing" is testable without VS Code.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCertificateSet, reissueLeaves } from '../../core/pki/generate';
import type { CertificateSetKeys } from '../../core/pki/keyPregeneration';
import type { CertificateSetOptions } from '../../core/pki/types';
import { writeCertificateSet } from '../../core/pki/writeSet';
import type { ExistingSetAction } from './existingSet';

/** 'create' into a folder without a set; otherwise what the user chose for the existing files. */
export type WriteMode = 'create' | ExistingSetAction;

async function readCa(outputDir: string): Promise<{ certificatePem: string; privateKeyPem: string }> {
  const [certificatePem, privateKeyPem] = await Promise.all([
    readFile(join(outputDir, 'ca.pem'), 'utf8'), readFile(join(outputDir, 'ca.key'), 'utf8'),
  ]);
  return { certificatePem, privateKeyPem };
}

/**
 * Returns the written paths, or undefined when `signal` was aborted before writing began. Once the
 * files exist in memory they are written as a whole: writeCertificateSet is all-or-nothing, and
 * stopping halfway is what it exists to prevent. 'reissue' keeps ca.pem and ca.key untouched.
 * `keys`, when given, were made while the user answered (KeyPregeneration); otherwise they are made here.
 */
export async function produceCertificateSet(
  options: CertificateSetOptions, outputDir: string, mode: WriteMode, signal: AbortSignal,
  onPhase: (message: string) => void = () => undefined, keys?: Promise<CertificateSetKeys>,
): Promise<string[] | undefined> {
  try {
    onPhase(keys ? 'signing…' : `creating ${options.keyType} keys…`);
    const files = mode === 'reissue'
      ? await reissueLeaves(await readCa(outputDir), options, { server: true, client: true }, signal, keys)
      : await generateCertificateSet(options, signal, keys);
    if (signal.aborted) return undefined;
    onPhase('writing…');
    return await writeCertificateSet(outputDir, files, { overwrite: mode !== 'create' });
  } catch (error) {
    if (signal.aborted) return undefined;
    throw error;
  }
}
