// The certificate extensions the lint needs, parsed from DER: node:crypto only exposes the EKU
// OIDs (as `keyUsage`) and the CA flag, not key usage bits, path length or typed SANs.
import type { DerNode } from '../x509/der';
import { DerError, decodeOid, decodeSmallInteger, derChildren, expectUniversal, isContext, isUniversal, readDer, Tag } from '../x509/der';
import { formatIpAddress } from '../x509/ipAddress';
import { EXTENDED_KEY_USAGES, KEY_USAGE_BITS } from '../x509/oids';
import type { BasicConstraints, SubjectAltNames } from './types';

export interface RawExtension {
  oid: string;
  critical: boolean;
  /** The extnValue OCTET STRING's contents: the DER of the extension itself. */
  value: Buffer;
}

/** Parses Extensions (SEQUENCE OF Extension). */
export function parseExtensions(node: DerNode): RawExtension[] {
  return derChildren(expectUniversal(node, Tag.sequence, 'Extensions')).map((extension) => {
    const parts = derChildren(expectUniversal(extension, Tag.sequence, 'Extension'));
    const oid = decodeOid(expectUniversal(parts[0], Tag.oid, 'extension OID').contents);
    const hasCriticalFlag = isUniversal(parts[1], Tag.boolean);
    const critical = hasCriticalFlag && (parts[1]?.contents[0] ?? 0) !== 0;
    const valueNode = expectUniversal(parts[hasCriticalFlag ? 2 : 1], Tag.octetString, 'extension value');
    return { oid, critical, value: valueNode.contents };
  });
}

/** GeneralNames: dNSName [2], iPAddress [7], rfc822Name [1], URI [6]; other forms are ignored. */
export function parseSubjectAltNames(value: Buffer): SubjectAltNames {
  const sans: SubjectAltNames = { dns: [], ip: [], email: [], uri: [] };
  for (const name of derChildren(expectUniversal(readDer(value), Tag.sequence, 'GeneralNames'))) {
    if (name.tagClass !== 2) continue;
    const text = name.contents.toString('latin1');
    if (name.tagNumber === 2) sans.dns.push(text);
    else if (name.tagNumber === 7) sans.ip.push(formatIpAddress(name.contents));
    else if (name.tagNumber === 1) sans.email.push(text);
    else if (name.tagNumber === 6) sans.uri.push(text);
  }
  return sans;
}

export function parseBasicConstraints(value: Buffer, critical: boolean): BasicConstraints {
  const parts = derChildren(expectUniversal(readDer(value), Tag.sequence, 'BasicConstraints'));
  let ca = false;
  let pathLength: number | undefined;
  for (const part of parts) {
    if (isUniversal(part, Tag.boolean)) ca = (part.contents[0] ?? 0) !== 0;
    else if (isUniversal(part, Tag.integer)) pathLength = decodeSmallInteger(part.contents);
  }
  return { ca, pathLength, critical };
}

export function parseKeyUsage(value: Buffer): string[] {
  const bits = expectUniversal(readDer(value), Tag.bitString, 'KeyUsage').contents;
  const names: string[] = [];
  // The first content byte counts unused trailing bits; the flags follow, most significant first.
  KEY_USAGE_BITS.forEach((name, bit) => {
    const byte = bits[1 + (bit >> 3)];
    if (byte !== undefined && (byte & (0x80 >> (bit & 7))) !== 0) names.push(name);
  });
  return names;
}

export function parseExtendedKeyUsage(value: Buffer): string[] {
  return derChildren(expectUniversal(readDer(value), Tag.sequence, 'ExtKeyUsageSyntax')).map((node) => {
    const oid = decodeOid(expectUniversal(node, Tag.oid, 'KeyPurposeId').contents);
    return EXTENDED_KEY_USAGES[oid] ?? oid;
  });
}

/** Digest named in RSASSA-PSS parameters: [0] hashAlgorithm, which defaults to SHA-1. */
export function parsePssHashOid(parameters: DerNode | undefined): string | undefined {
  if (!parameters || !isUniversal(parameters, Tag.sequence)) return undefined;
  const hashField = derChildren(parameters).find((node) => isContext(node, 0));
  if (!hashField) return '1.3.14.3.2.26';
  const algorithm = derChildren(readDer(hashField.contents))[0];
  if (!algorithm || !isUniversal(algorithm, Tag.oid)) throw new DerError('bad RSASSA-PSS hash');
  return decodeOid(algorithm.contents);
}
