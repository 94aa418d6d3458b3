// The few certificate facts the connection test needs, read through node:crypto's X509Certificate
// (no DER parsing here): Node exposes the EKU OIDs as `keyUsage`, the SANs as a string, and
// checkHost/checkIP with `subject: 'never'` apply Go's rule of never falling back to the CN.
// When src/core/inspect grows a public certificate reader, these can be swapped for it.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  any: '2.5.29.37.0',
} as const;

const EKU_NAMES: Readonly<Record<string, string>> = {
  [EKU.serverAuth]: 'serverAuth',
  [EKU.clientAuth]: 'clientAuth',
  [EKU.any]: 'anyExtendedKeyUsage',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

/** Every certificate in a PEM text, in order; unparsable blocks are an error for the caller. */
export function parseCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/** EKU OIDs, or undefined when the extension is absent (which Go reads as "any usage"). */
export function extendedKeyUsage(cert: X509Certificate): string[] | undefined {
  // Node names the extended key usage list `keyUsage` (the key usage bits are not exposed).
  const oids = cert.keyUsage as string[] | undefined;
  return oids && oids.length > 0 ? oids : undefined;
}

export function ekuNames(oids: string[]): string {
  return oids.map((oid) => EKU_NAMES[oid] ?? oid).join(', ');
}

/** Go's rule: a certificate with an EKU extension must list the usage, or anyExtendedKeyUsage. */
export function allowsUsage(cert: X509Certificate, usage: string): boolean {
  const oids = extendedKeyUsage(cert);
  return oids === undefined || oids.includes(usage) || oids.includes(EKU.any);
}

/** SAN entries as Node prints them ("DNS:localhost", "IP Address:127.0.0.1"), shortened to "IP:". */
export function subjectAltNames(cert: X509Certificate): string[] {
  const text = cert.subjectAltName;
  if (text === undefined) return [];
  // Node quotes entries containing ", " (JSON style) since 17.3.1; split outside quotes only.
  return (text.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? []).map((entry) => entry.trim().replace(/^IP Address:/, 'IP:'));
}

export function hasSanExtension(cert: X509Certificate): boolean {
  return cert.subjectAltName !== undefined;
}

/** Whether a SAN (never the CN) matches `name`: IP SANs for addresses, DNS SANs (wildcards too) for names. */
export function sanMatches(cert: X509Certificate, name: string): boolean {
  if (isIP(name)) return cert.checkIP(name) !== undefined;
  return cert.checkHost(name, { subject: 'never' }) !== undefined;
}

function field(dn: string, key: string): string | undefined {
  for (const line of dn.split('\n')) if (line.startsWith(`${key}=`)) return line.slice(key.length + 1);
  return undefined;
}

/** "CN=localhost, O=Acme" from Node's newline-separated DN. */
export function oneLineName(dn: string): string {
  return dn.split('\n').filter((line) => line !== '').join(', ');
}

export function commonName(cert: X509Certificate): string | undefined {
  return field(cert.subject, 'CN');
}

export function isoDate(text: string): string {
  return new Date(text).toISOString().slice(0, 10);
}

export function daysLeft(cert: X509Certificate, now: Date): number {
  return Math.floor((new Date(cert.validTo).getTime() - now.getTime()) / 86_400_000);
}

/** One line per certificate for the report: who, which names, until when, usages. */
export function describeCertificate(cert: X509Certificate, now: Date): string {
  const sans = subjectAltNames(cert);
  const eku = extendedKeyUsage(cert);
  const days = daysLeft(cert, now);
  const parts = [
    oneLineName(cert.subject) || '(empty subject)',
    sans.length > 0 ? `SAN ${sans.join(', ')}` : 'no SAN',
    `issued by ${oneLineName(cert.issuer) || '(empty)'}`,
    days < 0 ? `EXPIRED ${isoDate(cert.validTo)}` : `valid until ${isoDate(cert.validTo)} (${days} days)`,
  ];
  if (eku) parts.push(`EKU ${ekuNames(eku)}`);
  if (cert.ca) parts.push('CA');
  return parts.join(' · ');
}

/** Whether `cert` was signed by one of `issuers` (name and signature both checked). */
export function issuedByAny(cert: X509Certificate, issuers: X509Certificate[]): boolean {
  return issuers.some((issuer) => {
    try {
      return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
    } catch {
      return false;
    }
  });
}
