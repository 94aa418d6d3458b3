// Certificates that do not come from a file: a TLS handshake's chain, or PEM text handed over by a
// caller. They go through the same reader as files, so every front sees the same CertificateInfo
// and can run the same lint on it; node:crypto's X509Certificate rides along for signature checks.
import type { X509Certificate } from 'node:crypto';
import { readCertificate } from './certificate';
import { readPemOrDerDetailed } from './readFile';
import type { CertificateInfo } from './types';

export interface InspectedCertificate {
  info: CertificateInfo;
  x509: X509Certificate;
}

/** Reads a certificate node:crypto already holds; `label` stands where a file name would be. */
export function inspectX509(certificate: X509Certificate, label: string, indexInFile: number, now: Date): InspectedCertificate {
  return readCertificate(certificate.raw, { file: label, indexInFile, format: 'der', range: undefined }, now);
}

/**
 * The certificates of a PEM text, in order; other blocks (keys...) are skipped. Throws when a
 * certificate block does not parse, so the caller can say the file is unusable.
 */
export function readPemCertificates(pem: string, label: string, now: Date): InspectedCertificate[] {
  const { result, x509ById } = readPemOrDerDetailed(Buffer.from(pem), label, now);
  const broken = result.errors.find((error) => error.code === 'cert-unparsable');
  if (broken) throw new Error(broken.message);
  const certificates: InspectedCertificate[] = [];
  for (const object of result.objects) {
    const x509 = object.kind === 'certificate' ? x509ById.get(object.id) : undefined;
    if (object.kind === 'certificate' && x509) certificates.push({ info: object, x509 });
  }
  return certificates;
}
