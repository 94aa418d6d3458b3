// Subject and issuer names, in the order gen.sh writes them: C, ST, L, O, OU, CN.
import { oid, sequence, set, toDer } from './der';
import { forgeAsn1 } from '../x509/forgeAsn1';
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
 * fields are left out. (Built here rather than with forge.pki.distinguishedNameToAsn1, which lives
 * in forge's x509 module and would pull all of forge into the CLI bundle.)
 */
export function distinguishedNameDer(fields: SubjectFields): Buffer {
  const rdns = [];
  for (const [field, type] of FIELD_ORDER) {
    const value = fields[field];
    if (value === undefined || value === '') continue;
    const stringType = field === 'country' ? forgeAsn1().Type.PRINTABLESTRING : forgeAsn1().Type.UTF8;
    const encoded = Buffer.from(value, 'utf8').toString('binary');
    rdns.push(set([sequence([oid(type), forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, stringType, false, encoded)])]));
  }
  return toDer(sequence(rdns));
}
