// One X.509 certificate: node:crypto parses and verifies it (RSA, ECDSA and Ed25519 alike), the
// small DER walk below adds what X509Certificate does not expose.
import { X509Certificate } from 'node:crypto';
import type { DerNode } from '../x509/der';
import { decodeOid, decodeSmallInteger, decodeTime, derChildren, expectUniversal, isContext, readDer, Tag } from '../x509/der';
import {
  parseBasicConstraints,
  parseExtendedKeyUsage,
  parseExtensions,
  parseKeyUsage,
  parsePssHashOid,
  parseSubjectAltNames,
} from './extensions';
import { createContentCache } from './contentCache';
import { parseName } from './names';
import { HASH_ALGORITHMS, OID, SIGNATURE_ALGORITHMS } from '../x509/oids';
import { describeSpki } from './publicKey';
import { roleOfCertificate } from './role';
import type { BasicConstraints, CertificateInfo, PemRange, SignatureAlgorithmInfo, SubjectAltNames } from './types';
import { daysLeft } from './days';

export interface ObjectLocation {
  file: string;
  indexInFile: number;
  format: 'pem' | 'der';
  range: PemRange | undefined;
}

function signatureAlgorithmOf(algorithmIdentifier: DerNode): SignatureAlgorithmInfo {
  const [oidNode, parameters] = derChildren(expectUniversal(algorithmIdentifier, Tag.sequence, 'AlgorithmIdentifier'));
  const oid = decodeOid(expectUniversal(oidNode, Tag.oid, 'algorithm OID').contents);
  const known = SIGNATURE_ALGORITHMS[oid];
  let hash = known?.hash;
  if (oid === '1.2.840.113549.1.1.10') {
    const hashOid = parsePssHashOid(parameters);
    hash = hashOid === undefined ? undefined : (HASH_ALGORITHMS[hashOid] ?? hashOid);
  }
  return { oid, name: known ? known.name + (hash && !known.hash ? `-${hash}` : '') : oid, hash };
}

export function toPem(der: Buffer, label = 'CERTIFICATE'): string {
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** What depends on the certificate's bytes alone: not on the file, the time or the file name. */
type CertificateContent = Omit<
  CertificateInfo,
  'kind' | 'file' | 'indexInFile' | 'id' | 'format' | 'range' | 'daysLeft' | 'role' | 'roleSource'
>;

interface ParsedCertificate {
  content: CertificateContent;
  x509: X509Certificate;
}

const certificateCache = createContentCache<ParsedCertificate>(2000);

function parseCertificate(certificateNode: DerNode): ParsedCertificate {
  const exact = certificateNode.encoded;
  const x509 = new X509Certificate(exact);

  const [tbs, outerAlgorithm] = derChildren(expectUniversal(certificateNode, Tag.sequence, 'Certificate'));
  const tbsFields = derChildren(expectUniversal(tbs, Tag.sequence, 'TBSCertificate'));
  // The version is [0] EXPLICIT and optional (absent = v1); it shifts every later field by one.
  let index = 0;
  let version = 1;
  const first = tbsFields[0];
  if (first && isContext(first, 0)) {
    version = decodeSmallInteger(readDer(first.contents).contents) + 1;
    index = 1;
  }
  const issuerNode = tbsFields[index + 2];
  const validity = derChildren(expectUniversal(tbsFields[index + 3], Tag.sequence, 'Validity'));
  const subjectNode = tbsFields[index + 4];
  const spkiNode = tbsFields[index + 5];
  if (!issuerNode || !subjectNode || !spkiNode || !outerAlgorithm || validity.length < 2) throw new Error('incomplete certificate');
  const issuer = parseName(issuerNode);
  const subject = parseName(subjectNode);
  const notBefore = decodeTime(validity[0] as DerNode);
  const notAfter = decodeTime(validity[1] as DerNode);

  let sans: SubjectAltNames = { dns: [], ip: [], email: [], uri: [] };
  let hasSanExtension = false;
  let basicConstraints: BasicConstraints | undefined;
  let keyUsage: string[] | undefined;
  let extendedKeyUsage: string[] | undefined;
  const extensionsField = tbsFields.slice(index + 6).find((node) => isContext(node, 3));
  if (extensionsField) {
    for (const extension of parseExtensions(readDer(extensionsField.contents))) {
      switch (extension.oid) {
        case OID.subjectAltName:
          sans = parseSubjectAltNames(extension.value);
          hasSanExtension = true;
          break;
        case OID.basicConstraints:
          basicConstraints = parseBasicConstraints(extension.value, extension.critical);
          break;
        case OID.keyUsage:
          keyUsage = parseKeyUsage(extension.value);
          break;
        case OID.extKeyUsage:
          extendedKeyUsage = parseExtendedKeyUsage(extension.value);
          break;
      }
    }
  }

  const selfIssued = subject.text === issuer.text;
  // Only a self-issued certificate can be self-signed; skipping the others saves a verification.
  const selfSigned = selfIssued && x509.verify(x509.publicKey);
  const content: CertificateContent = {
    version,
    commonName: subject.commonName,
    subject: subject.text,
    subjectAttributes: subject.attributes,
    issuer: issuer.text,
    issuerCommonName: issuer.commonName,
    serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    sans,
    hasSanExtension,
    publicKey: describeSpki(spkiNode.encoded),
    signatureAlgorithm: signatureAlgorithmOf(outerAlgorithm),
    basicConstraints,
    keyUsage,
    extendedKeyUsage,
    fingerprintSha256: x509.fingerprint256,
    selfIssued,
    selfSigned,
    pem: toPem(exact),
  };
  return { content, x509 };
}

/**
 * Reads one DER certificate. Throws (X509Certificate's or DerError) when it is not one; the caller
 * turns that into a per-block read error. Returns the parsed X509Certificate too, for verification.
 */
export function readCertificate(der: Buffer, location: ObjectLocation, now: Date): { info: CertificateInfo; x509: X509Certificate } {
  // Trailing bytes (e.g. openssl's TRUSTED CERTIFICATE aux data) are not part of the certificate.
  const certificateNode = readDer(der);
  const { content, x509 } = certificateCache.getOrCompute(certificateNode.encoded, () => parseCertificate(certificateNode));
  // A copy per file: callers own their objects, and copies of one certificate must not share arrays.
  const own = structuredClone(content);
  const { role, roleSource } = roleOfCertificate(own, location.file);
  const info: CertificateInfo = {
    kind: 'certificate',
    file: location.file,
    indexInFile: location.indexInFile,
    id: `${location.file}#${location.indexInFile}`,
    format: location.format,
    range: location.range,
    ...own,
    daysLeft: daysLeft(new Date(own.notAfter), now),
    role,
    roleSource,
  };
  return { info, x509 };
}
