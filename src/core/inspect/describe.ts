// Short texts about a certificate, for reports that have one line per certificate (the connection
// test's chain, the CLI) rather than a details view.
import { daysLeft, isExpired } from './days';
import { plural } from './plural';
import type { CertificateInfo, SubjectAltNames } from './types';

const SAN_PREFIXES: Readonly<Record<keyof SubjectAltNames, string>> = { dns: 'DNS', ip: 'IP', email: 'email', uri: 'URI' };
const ALL_SAN_KINDS = ['dns', 'ip', 'email', 'uri'] as const;

/** "DNS:localhost", "IP:127.0.0.1", "email:…", "URI:…", as openssl prints them; by kind, then in certificate order. */
export function sanEntries(sans: SubjectAltNames, kinds: readonly (keyof SubjectAltNames)[] = ALL_SAN_KINDS): string[] {
  return kinds.flatMap((kind) => sans[kind].map((value) => `${SAN_PREFIXES[kind]}:${value}`));
}

/** One line: who, which names, issued by whom, until when, usages; e.g. for each certificate of a chain. */
export function describeCertificate(cert: CertificateInfo, now: Date): string {
  const sans = sanEntries(cert.sans);
  const until = cert.notAfter.slice(0, 10);
  const parts = [
    cert.subject || '(empty subject)',
    sans.length > 0 ? `SAN ${sans.join(', ')}` : 'no SAN',
    `issued by ${cert.issuer || '(empty)'}`,
    isExpired(new Date(cert.notAfter), now)
      ? `EXPIRED ${until}`
      : `valid until ${until} (${plural(daysLeft(new Date(cert.notAfter), now), 'day')})`,
  ];
  if (cert.extendedKeyUsage !== undefined && cert.extendedKeyUsage.length > 0) parts.push(`EKU ${cert.extendedKeyUsage.join(', ')}`);
  if (cert.basicConstraints?.ca) parts.push('CA');
  return parts.join(' · ');
}
