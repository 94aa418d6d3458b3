// Generates (or reissues) a set and writes it, honouring an AbortSignal: the editor-free core of the
// command's progress notification, so "cancelling writes nothing" is testable without VS Code.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCertificateSet, reissueLeaves } from '../../core/pki/generate';
import type { CertificateSetOptions, SetFile } from '../../core/pki/types';
import { withSecretManifest } from '../../core/kubernetes';
import { writeCertificateSet } from '../../core/pki/writeSet';
import type { ExistingSetAction } from './existingSet';

/** 'create' into a folder without a set; otherwise what the user chose for the existing files. */
export type WriteMode = 'create' | ExistingSetAction;

/** A Kubernetes Secret manifest (server.pem, server.key, ca.pem) written with the set. */
export interface KubernetesSecret {
  name: string;
  namespace?: string;
}

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
 */
export async function produceCertificateSet(
  options: CertificateSetOptions, outputDir: string, mode: WriteMode, signal: AbortSignal,
  onPhase: (message: string) => void = () => undefined,
  secret?: KubernetesSecret,
): Promise<string[] | undefined> {
  try {
    onPhase(`creating ${options.keyType} keys…`);
    const ca = mode === 'reissue' ? await readCa(outputDir) : undefined;
    const generated: SetFile[] = ca
      ? await reissueLeaves(ca, options, { server: true, client: true }, signal)
      : await generateCertificateSet(options, signal);
    const files = secret ? withSecretManifest(generated, secret, ca?.certificatePem) : generated;
    if (signal.aborted) return undefined;
    onPhase('writing…');
    return await writeCertificateSet(outputDir, files, { overwrite: mode !== 'create' });
  } catch (error) {
    if (signal.aborted) return undefined;
    throw error;
  }
}
