// Subject and issuer names, in the order gen.sh writes them: C, ST, L, O, OU, CN.
import { oid, printableString, sequence, setOf, utf8String } from '../x509/derWriter';
import { OID } from '../x509/oids';
import type { SubjectFields } from './types';

const FIELD_ORDER: [keyof SubjectFields, string][] = [
  ['country', OID.countryName],
  ['state', OID.stateOrProvinceName],
  ['locality', OID.localityName],
  ['organization', OID.organizationName],
  ['organizationalUnit', OID.organizationalUnitName],
  ['commonName', OID.commonName],
];

/**
 * The DER Name: one single-valued RDN per field. Country is a PrintableString (X.520 requires it);
 * everything else is a UTF8String, as openssl writes with `string_mask = utf8only`. Empty optional
 * fields are left out.
 */
export function distinguishedNameDer(fields: SubjectFields): Buffer {
  const rdns = [];
  for (const [field, type] of FIELD_ORDER) {
    const value = fields[field];
    if (value === undefined || value === '') continue;
    const text = field === 'country' ? printableString(value) : utf8String(value);
    rdns.push(setOf([sequence([oid(type), text])]));
  }
  return sequence(rdns);
}
