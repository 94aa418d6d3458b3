// Which extensions each certificate carries. This is what makes Go's crypto/tls accept the set:
// SANs (Go ignores the CN), serverAuth/clientAuth EKUs (Go enforces them both ways in mTLS), a real
// CA (CA:TRUE, keyCertSign) and key identifiers linking each leaf to its issuer.
import type { KeyObject } from 'node:crypto';
import type { Asn1 } from './der';
import {
  authorityKeyIdentifier,
  basicConstraints,
  extendedKeyUsage,
  keyUsage,
  subjectAltName,
  subjectKeyIdentifier,
  type KeyUsage,
} from './extensions';
import { isRsaKey } from './keys';

export type LeafRole = 'server' | 'client';

export function caExtensions(keyIdentifier: Buffer): Asn1[] {
  return [
    basicConstraints(true),
    keyUsage(['keyCertSign', 'cRLSign']),
    subjectKeyIdentifier(keyIdentifier),
    // A self-signed CA's AKI names its own key, as openssl writes it.
    authorityKeyIdentifier(keyIdentifier),
  ];
}

/** Key usages for a TLS leaf: RSA key exchange needs keyEncipherment (TLS 1.2 RSA suites); ECDSA only signs. */
function leafKeyUsage(leafKey: KeyObject): KeyUsage[] {
  return isRsaKey(leafKey) ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'];
}

/** What the leaf asks for in its CSR (like openssl req -extensions v3_req): no key identifiers. */
export function leafRequestExtensions(role: LeafRole, leafKey: KeyObject, sans: string[]): Asn1[] {
  const extensions = [basicConstraints(false), keyUsage(leafKeyUsage(leafKey))];
  if (role === 'server') {
    extensions.push(extendedKeyUsage(['serverAuth']), subjectAltName(sans));
  } else {
    extensions.push(extendedKeyUsage(['clientAuth']));
  }
  return extensions;
}

export function leafCertificateExtensions(
  role: LeafRole,
  leafKey: KeyObject,
  sans: string[],
  keyIdentifier: Buffer,
  issuerKeyIdentifier: Buffer,
): Asn1[] {
  return [...leafRequestExtensions(role, leafKey, sans), subjectKeyIdentifier(keyIdentifier), authorityKeyIdentifier(issuerKeyIdentifier)];
}
