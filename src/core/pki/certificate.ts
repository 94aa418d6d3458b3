// TBSCertificate and CertificationRequestInfo are assembled with node-forge's ASN.1 builder and
// signed with node:crypto. Why not forge.pki.createCertificate()? forge only knows RSA keys (no
// ECDSA at all), and its RSA signing is pure JavaScript. Building the structures ourselves gives
// one code path for RSA and ECDSA, with the SubjectPublicKeyInfo taken byte for byte from node's
// KeyObject and the signature from OpenSSL.
import { randomBytes, type KeyObject } from 'node:crypto';
import { forgeAsn1 } from '../x509/forgeAsn1';
import { bitString, explicitTag, oid, positiveInteger, sequence, sequenceDer, set, smallInteger, time, type Asn1 } from './der';
import { signDer, signatureAlgorithmFor, spkiDer } from './keys';
import { OID } from '../x509/oids';

export interface CertificateRequest {
  serialNumber: Buffer;
  issuerNameDer: Buffer;
  issuerKey: KeyObject;
  subjectNameDer: Buffer;
  subjectPublicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: Asn1[];
}

/** A random positive 128-bit serial: high bit cleared (positive), first byte non-zero (minimal DER). */
export function randomSerialNumber(): Buffer {
  for (;;) {
    const serial = randomBytes(16);
    serial[0] = (serial[0] ?? 0) & 0x7f;
    if (serial[0] !== 0) return serial;
  }
}

/** openssl's serial file format (-CAcreateserial): uppercase hex of the last serial, newline. */
export function serialFileContents(serialNumber: Buffer): string {
  return `${serialNumber.toString('hex').toUpperCase()}\n`;
}

export function toPem(label: 'CERTIFICATE' | 'CERTIFICATE REQUEST', der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Wraps signed content (DER) as Certificate / CertificationRequest: SEQUENCE { content, algorithm, signature }. */
async function signStructure(contentDer: Buffer, signingKey: KeyObject): Promise<Buffer> {
  const algorithm = signatureAlgorithmFor(signingKey);
  const signature = await signDer(contentDer, signingKey, algorithm.digest);
  return sequenceDer([contentDer, algorithm.algorithmIdentifier(), bitString(signature)]);
}

export async function issueCertificate(request: CertificateRequest): Promise<Buffer> {
  const tbsCertificate = sequenceDer([
    explicitTag(0, smallInteger(2)), // v3
    positiveInteger(request.serialNumber),
    signatureAlgorithmFor(request.issuerKey).algorithmIdentifier(),
    request.issuerNameDer,
    sequence([time(request.notBefore), time(request.notAfter)]),
    request.subjectNameDer,
    spkiDer(request.subjectPublicKey),
    explicitTag(3, sequence(request.extensions)),
  ]);
  return signStructure(tbsCertificate, request.issuerKey);
}

/** PKCS#10, signed by the subject's own key, with the extensions in an extensionRequest attribute. */
export async function createCertificationRequest(
  subjectNameDer: Buffer,
  keyPair: { privateKey: KeyObject; publicKey: KeyObject },
  extensions: Asn1[],
): Promise<Buffer> {
  const extensionRequest = sequence([oid(OID.extensionRequest), set([sequence(extensions)])]);
  const requestInfo = sequenceDer([
    smallInteger(0),
    subjectNameDer,
    spkiDer(keyPair.publicKey),
    forgeAsn1().create(forgeAsn1().Class.CONTEXT_SPECIFIC, 0, true, [extensionRequest]), // attributes [0] IMPLICIT SET
  ]);
  return signStructure(requestInfo, keyPair.privateKey);
}
