// Wording shared by the tree, the status bar and the CodeLens, so all three say the same thing
// about the same certificate. Pure: no editor import, tested in plain Node.
import { basename } from 'node:path';
import type { CertificateInfo, SubjectAltNames } from '../../core/inspect/types';

const DAY_MS = 86_400_000;

export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * "expires in 42 days" / "expired 3 days ago" / "not valid until 2027-01-01". Computed from the
 * dates rather than from daysLeft so that "expired 0 days ago" never appears.
 */
export function describeValidity(cert: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, now: Date): string {
  const nowMs = now.getTime();
  const notBefore = Date.parse(cert.notBefore);
  if (notBefore > nowMs) return `not valid until ${cert.notBefore.slice(0, 10)}`;
  const remaining = Date.parse(cert.notAfter) - nowMs;
  if (remaining >= 0) {
    const days = Math.floor(remaining / DAY_MS);
    return days === 0 ? 'expires in less than a day' : `expires in ${plural(days, 'day')}`;
  }
  const days = Math.floor(-remaining / DAY_MS);
  return days === 0 ? 'expired less than a day ago' : `expired ${plural(days, 'day')} ago`;
}

export function firstSan(sans: SubjectAltNames): string | undefined {
  return sans.dns[0] ?? sans.ip[0] ?? sans.email[0] ?? sans.uri[0];
}

/** CommonName, else the first SAN, else the file name: what a person calls the certificate. */
export function certificateLabel(cert: Pick<CertificateInfo, 'commonName' | 'sans' | 'file'>): string {
  return cert.commonName ?? firstSan(cert.sans) ?? basename(cert.file);
}
