// The X.509 v3 extensions of the profile, encoded with node-forge's ASN.1 builder.
import { createHash } from 'node:crypto';
import { forgeAsn1 } from '../x509/forgeAsn1';
import { booleanTrue, implicitPrimitive, octetString, oid, sequence, smallInteger, toDer, type Asn1 } from './der';
import type { DerNode } from '../x509/der';
import { decodeOid, derChildren, expectUniversal, readDer, Tag } from '../x509/der';
import { ipAddressBytes } from '../x509/ipAddress';
import { KEY_USAGE_BITS, OID } from '../x509/oids';

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function extension(id: string, critical: boolean, value: Asn1): Asn1 {
  const parts = [oid(id)];
  if (critical) parts.push(booleanTrue());
  parts.push(octetString(toDer(value)));
  return sequence(parts);
}

export function basicConstraints(isCa: boolean): Asn1 {
  // cA defaults to FALSE, so DER omits it for leaves; pathLen 0: this CA signs leaves only.
  const value = isCa ? sequence([booleanTrue(), smallInteger(0)]) : sequence([]);
  return extension(OID.basicConstraints, true, value);
}

/** The usages the profile sets: all within the first byte of the BIT STRING, which is all keyUsage() writes. */
export type KeyUsage = Extract<(typeof KEY_USAGE_BITS)[number], 'digitalSignature' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign'>;

export function keyUsage(usages: KeyUsage[]): Asn1 {
  let bits = 0;
  for (const usage of usages) bits |= 0x80 >> KEY_USAGE_BITS.indexOf(usage);
  // DER BIT STRING: the first byte counts the unused trailing zero bits of the last byte.
  let unusedBits = 0;
  while (unusedBits < 7 && ((bits >> unusedBits) & 1) === 0) unusedBits++;
  const value = forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.BITSTRING, false, String.fromCharCode(unusedBits, bits));
  return extension(OID.keyUsage, true, value);
}

export function extendedKeyUsage(purposes: ('serverAuth' | 'clientAuth')[]): Asn1 {
  return extension(OID.extKeyUsage, false, sequence(purposes.map((purpose) => oid(OID[purpose]))));
}

/** GeneralName dNSName [2] IA5String or iPAddress [7] OCTET STRING, chosen per entry. */
export function subjectAltName(entries: string[]): Asn1 {
  const names = entries.map((entry) => {
    const ip = ipAddressBytes(entry);
    return ip ? implicitPrimitive(7, ip) : implicitPrimitive(2, Buffer.from(entry, 'ascii'));
  });
  return extension(OID.subjectAltName, false, sequence(names));
}

/** RFC 5280 §4.2.1.2 method 1 (what openssl does): SHA-1 of the subjectPublicKey BIT STRING bits. */
export function keyIdentifierOf(spki: Buffer): Buffer {
  const [, publicKeyBits] = derChildren(readDer(spki));
  if (!publicKeyBits) throw new Error('malformed SubjectPublicKeyInfo');
  // Skip the BIT STRING's unused-bits byte: the hash covers the key bits only.
  return createHash('sha1').update(publicKeyBits.contents.subarray(1)).digest();
}

export function subjectKeyIdentifier(keyIdentifier: Buffer): Asn1 {
  return extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier));
}

export function authorityKeyIdentifier(issuerKeyIdentifier: Buffer): Asn1 {
  // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING }
  return extension(OID.authorityKeyIdentifier, false, sequence([implicitPrimitive(0, issuerKeyIdentifier)]));
}

/** Reads the SubjectKeyIdentifier out of a DER Extensions SEQUENCE, if present. */
export function findSubjectKeyIdentifier(extensions: DerNode): Buffer | undefined {
  for (const ext of derChildren(extensions)) {
    const [id, ...rest] = derChildren(ext);
    const value = rest[rest.length - 1];
    if (!id || !value) continue;
    if (decodeOid(expectUniversal(id, Tag.oid, 'extension OID').contents) !== OID.subjectKeyIdentifier) continue;
    // extnValue is an OCTET STRING holding the DER of the KeyIdentifier, itself an OCTET STRING.
    return Buffer.from(readDer(value.contents).contents);
  }
  return undefined;
}
