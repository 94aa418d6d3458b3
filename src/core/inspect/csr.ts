// Certificate signing requests: subject, requested SANs and key, read with the small DER reader.
// Not node-forge: its CSR parser only accepts RSA keys, the same ECDSA gap as its certificate parser.
import type { ObjectLocation } from './certificate';
import { decodeOid, derChildren, expectUniversal, isContext, readDer, Tag } from '../x509/der';
import { parseExtensions, parseSubjectAltNames } from './extensions';
import { parseName } from './names';
import { OID } from '../x509/oids';
import { describeSpki } from './publicKey';
import type { CsrInfo, PublicKeyInfo, SubjectAltNames } from './types';

/** Reads a PKCS#10 request. Throws when it is not one. */
export function readCsr(der: Buffer, location: ObjectLocation): CsrInfo {
  const [info] = derChildren(expectUniversal(readDer(der), Tag.sequence, 'CertificationRequest'));
  const [, subjectNode, spkiNode, attributesNode] = derChildren(expectUniversal(info, Tag.sequence, 'CertificationRequestInfo'));
  if (!subjectNode || !spkiNode) throw new Error('incomplete certificate request');
  const subject = parseName(subjectNode);
  let publicKey: PublicKeyInfo | undefined;
  try {
    publicKey = describeSpki(spkiNode.encoded);
  } catch {
    // An unsupported key algorithm still leaves the subject worth showing.
    publicKey = undefined;
  }
  let sans: SubjectAltNames = { dns: [], ip: [], email: [], uri: [] };
  if (attributesNode && isContext(attributesNode, 0)) {
    for (const attribute of derChildren(attributesNode)) {
      const [typeNode, valuesNode] = derChildren(expectUniversal(attribute, Tag.sequence, 'Attribute'));
      if (decodeOid(expectUniversal(typeNode, Tag.oid, 'attribute type').contents) !== OID.extensionRequest) continue;
      const extensions = derChildren(expectUniversal(valuesNode, Tag.set, 'attribute values'))[0];
      if (!extensions) continue;
      const san = parseExtensions(extensions).find((extension) => extension.oid === OID.subjectAltName);
      if (san) sans = parseSubjectAltNames(san.value);
    }
  }
  return {
    kind: 'csr',
    file: location.file,
    indexInFile: location.indexInFile,
    id: `${location.file}#${location.indexInFile}`,
    format: location.format,
    range: location.range,
    commonName: subject.commonName,
    subject: subject.text,
    sans,
    publicKey,
  };
}
