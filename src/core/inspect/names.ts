// Distinguished names read from DER, so the subject and issuer come out exactly, in certificate
// order, including multi-valued RDNs and non-UTF-8 string types.
import type { DerNode } from '../x509/der';
import { decodeOid, decodeString, derChildren, expectUniversal, Tag } from '../x509/der';
import { NAME_ATTRIBUTES, OID } from '../x509/oids';
import type { NameAttribute } from './types';

export interface DistinguishedName {
  attributes: NameAttribute[];
  /** "C=US, O=Acme, CN=server": openssl's one-line order; '+' joins a multi-valued RDN. */
  text: string;
  commonName: string | undefined;
}

// RFC 4514 special characters, escaped so a comma inside a value cannot fake a new attribute.
function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;=])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** Parses a Name (SEQUENCE OF SET OF AttributeTypeAndValue). */
export function parseName(node: DerNode): DistinguishedName {
  expectUniversal(node, Tag.sequence, 'Name');
  const attributes: NameAttribute[] = [];
  const rdnTexts: string[] = [];
  let commonName: string | undefined;
  for (const rdn of derChildren(node)) {
    expectUniversal(rdn, Tag.set, 'RelativeDistinguishedName');
    const parts: string[] = [];
    for (const pair of derChildren(rdn)) {
      const [typeNode, valueNode] = derChildren(expectUniversal(pair, Tag.sequence, 'AttributeTypeAndValue'));
      const oid = decodeOid(expectUniversal(typeNode, Tag.oid, 'attribute type').contents);
      if (!valueNode) continue;
      const value = decodeString(valueNode);
      const type = NAME_ATTRIBUTES[oid] ?? oid;
      attributes.push({ type, value });
      parts.push(`${type}=${escapeValue(value)}`);
      // The most specific (last) CN wins, as in Go's crypto/x509 and openssl's display.
      if (oid === OID.commonName) commonName = value;
    }
    rdnTexts.push(parts.join(' + '));
  }
  return { attributes, text: rdnTexts.join(', '), commonName };
}
