// The issuer of the leaves: either the CA generated a moment ago or an existing ca.pem + ca.key.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { derChildren, isContext, readDer } from '../x509/der';
import { CertificateAuthorityError } from './errors';
import { findSubjectKeyIdentifier, keyIdentifierOf } from './extensions';
import { spkiDer } from './keys';

export interface Issuer {
  /** The CA's subject Name, byte for byte: a leaf's issuer must match it exactly. */
  nameDer: Buffer;
  privateKey: KeyObject;
  keyIdentifier: Buffer;
  notAfter: Date;
}

/** Lifts the subject Name and the SubjectKeyIdentifier out of a certificate's DER. */
function subjectAndKeyIdentifier(der: Buffer): { subject: Buffer; keyIdentifier: Buffer | undefined } {
  const [tbs] = derChildren(readDer(der));
  if (!tbs) throw new Error('malformed certificate');
  const fields = derChildren(tbs);
  // A v1 certificate has no [0] version, which shifts every field by one.
  const shift = isContext(fields[0], 0) ? 1 : 0;
  const subject = fields[4 + shift];
  if (!subject) throw new Error('malformed certificate');
  const extensionsWrapper = fields.find((field) => isContext(field, 3));
  return {
    subject: Buffer.from(subject.encoded),
    keyIdentifier: extensionsWrapper && findSubjectKeyIdentifier(readDer(extensionsWrapper.contents)),
  };
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new CertificateAuthorityError(`ca.pem is not a readable PEM certificate (${(error as Error).message})`);
  }
}

function parsePrivateKey(pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new CertificateAuthorityError(
      `ca.key is not a readable unencrypted PEM private key (${(error as Error).message}); encrypted keys are not supported`,
    );
  }
}

/**
 * Checks that the pair can issue certificates today: ca.pem is a CA certificate, it is valid now,
 * and ca.key is its private key.
 */
export function loadIssuer(ca: { certificatePem: string; privateKeyPem: string }, now = new Date()): Issuer {
  const certificate = parseCertificate(ca.certificatePem);
  const privateKey = parsePrivateKey(ca.privateKeyPem);
  if (!certificate.ca) {
    throw new CertificateAuthorityError(
      `ca.pem (${certificate.subject.replace(/\n/g, ', ')}) is not a CA certificate: it lacks basicConstraints CA:TRUE, so clients would reject what it signs`,
    );
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new CertificateAuthorityError('ca.key does not match ca.pem: the private key belongs to a different certificate');
  }
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (now < notBefore || now > notAfter) {
    throw new CertificateAuthorityError(
      `ca.pem is not valid now (valid from ${notBefore.toISOString()} to ${notAfter.toISOString()}); generate a new CA`,
    );
  }
  const { subject, keyIdentifier } = subjectAndKeyIdentifier(certificate.raw);
  return {
    nameDer: subject,
    privateKey,
    keyIdentifier: keyIdentifier ?? keyIdentifierOf(spkiDer(certificate.publicKey)),
    notAfter,
  };
}
