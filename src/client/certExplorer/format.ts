// Wording shared by the tree, the status bar and the CodeLens, so all three say the same thing
// about the same certificate. Pure: no editor import, tested in plain Node.
import { basename } from 'node:path';
import { expiryPhrase } from '../../core/inspect/days';
import type { CertificateInfo, SubjectAltNames } from '../../core/inspect/types';

export { plural } from '../../core/inspect/plural';

/** "expires in 42 days" / "expired 3 days ago" / "not valid until 2027-01-01", by the one days rule (core/inspect/days.ts). */
export function describeValidity(cert: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, now: Date): string {
  if (Date.parse(cert.notBefore) > now.getTime()) return `not valid until ${cert.notBefore.slice(0, 10)}`;
  return expiryPhrase(new Date(cert.notAfter), now);
}

export function firstSan(sans: SubjectAltNames): string | undefined {
  return sans.dns[0] ?? sans.ip[0] ?? sans.email[0] ?? sans.uri[0];
}

/** CommonName, else the first SAN, else the file name: what a person calls the certificate. */
export function certificateLabel(cert: Pick<CertificateInfo, 'commonName' | 'sans' | 'file'>): string {
  return cert.commonName ?? firstSan(cert.sans) ?? basename(cert.file);
}
