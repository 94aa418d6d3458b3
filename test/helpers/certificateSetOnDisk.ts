// Generates a certificate set with our engine and writes it into a folder, for the handshake tests.
import { defaultCertificateSetOptions } from '../../src/core/pki/defaults';
import { generateCertificateSet } from '../../src/core/pki/generate';
import type { CertificateSetOptions } from '../../src/core/pki/types';
import { writeCertificateSet } from '../../src/core/pki/writeSet';

export async function writeGeneratedSet(dir: string, overrides: Partial<CertificateSetOptions> = {}): Promise<void> {
  const files = await generateCertificateSet(defaultCertificateSetOptions(overrides));
  await writeCertificateSet(dir, files, { overwrite: false });
}
