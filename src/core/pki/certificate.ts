// TBSCertificate and CertificationRequestInfo are assembled with our DER writer and signed with
// node:crypto: one code path for RSA and ECDSA, with the SubjectPublicKeyInfo taken byte for byte from
// node's KeyObject and the signature from OpenSSL. (No certificate library: node-forge's knows RSA
// keys only, and signs in JavaScript.)
import { randomBytes, type KeyObject } from 'node:crypto';
import {
  bitString, contextConstructed, oid, positiveInteger, sequence, setOf, smallInteger, time,
} from '../x509/derWriter';
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
  /** Each extension's DER (extensions.ts). */
  extensions: Buffer[];
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

/** Wraps signed content as Certificate / CertificationRequest: SEQUENCE { content, algorithm, signature }. */
async function signStructure(contentDer: Buffer, signingKey: KeyObject): Promise<Buffer> {
  const algorithm = signatureAlgorithmFor(signingKey);
  const signature = await signDer(contentDer, signingKey, algorithm.digest);
  return sequence([contentDer, algorithm.algorithmIdentifier, bitString(signature)]);
}

export async function issueCertificate(request: CertificateRequest): Promise<Buffer> {
  const tbsCertificate = sequence([
    contextConstructed(0, [smallInteger(2)]), // [0] EXPLICIT version: v3
    positiveInteger(request.serialNumber),
    signatureAlgorithmFor(request.issuerKey).algorithmIdentifier,
    request.issuerNameDer,
    sequence([time(request.notBefore), time(request.notAfter)]),
    request.subjectNameDer,
    spkiDer(request.subjectPublicKey),
    contextConstructed(3, [sequence(request.extensions)]), // [3] EXPLICIT extensions
  ]);
  return signStructure(tbsCertificate, request.issuerKey);
}

/** PKCS#10, signed by the subject's own key, with the extensions in an extensionRequest attribute. */
export async function createCertificationRequest(
  subjectNameDer: Buffer, keyPair: { privateKey: KeyObject; publicKey: KeyObject }, extensions: Buffer[],
): Promise<Buffer> {
  const extensionRequest = sequence([oid(OID.extensionRequest), setOf([sequence(extensions)])]);
  const requestInfo = sequence([
    smallInteger(0),
    subjectNameDer,
    spkiDer(keyPair.publicKey),
    contextConstructed(0, [extensionRequest]), // attributes [0] IMPLICIT SET OF Attribute
  ]);
  return signStructure(requestInfo, keyPair.privateKey);
}
