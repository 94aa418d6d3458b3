// Key pairs and signatures come from node:crypto (OpenSSL underneath): generation is native and
// runs on libuv's thread pool, so three keys are made in parallel without blocking the event loop.
import { generateKeyPair, sign, type KeyObject } from 'node:crypto';
import { nullValue, oid, sequence, type Asn1 } from './der';
import { OID } from '../x509/oids';
import type { KeyType } from './types';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const RSA_BITS: Partial<Record<KeyType, number>> = { rsa2048: 2048, rsa3072: 3072, rsa4096: 4096 };
const EC_CURVES: Partial<Record<KeyType, string>> = { 'ecdsa-p256': 'prime256v1', 'ecdsa-p384': 'secp384r1' };

function keyPairCallback(resolve: (pair: KeyPair) => void, reject: (error: Error) => void) {
  return (error: Error | null, publicKey: KeyObject, privateKey: KeyObject): void => {
    if (error) reject(error);
    else resolve({ publicKey, privateKey });
  };
}

export function generateKey(keyType: KeyType): Promise<KeyPair> {
  return new Promise((resolve, reject) => {
    const modulusLength = RSA_BITS[keyType];
    const namedCurve = EC_CURVES[keyType];
    if (modulusLength !== undefined) {
      generateKeyPair('rsa', { modulusLength, publicExponent: 0x10001 }, keyPairCallback(resolve, reject));
    } else if (namedCurve !== undefined) {
      generateKeyPair('ec', { namedCurve }, keyPairCallback(resolve, reject));
    } else {
      reject(new Error(`unknown key type '${String(keyType)}'`));
    }
  });
}

/** Whether the key is of the type (algorithm and size or curve) a set of that type would have. */
export function keyMatchesType(key: KeyObject, keyType: KeyType): boolean {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa') return details?.modulusLength === RSA_BITS[keyType];
  return key.asymmetricKeyType === 'ec' && details?.namedCurve !== undefined && details.namedCurve === EC_CURVES[keyType];
}

export function isRsaKey(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'rsa';
}

/** How a given issuer key signs: the digest for node's sign() and the AlgorithmIdentifier to embed. */
export interface SignatureAlgorithm {
  digest: 'sha256' | 'sha384' | 'sha512';
  algorithmIdentifier: () => Asn1;
}

/**
 * The signature algorithm follows the signing key: sha256WithRSAEncryption for RSA (with the NULL
 * parameter RFC 4055 requires), ecdsa-with-SHA256/384/512 matched to the curve (no parameters, RFC 5758).
 */
export function signatureAlgorithmFor(signingKey: KeyObject): SignatureAlgorithm {
  if (isRsaKey(signingKey)) {
    return { digest: 'sha256', algorithmIdentifier: () => sequence([oid(OID.sha256WithRSAEncryption), nullValue()]) };
  }
  if (signingKey.asymmetricKeyType === 'ec') {
    const curve = signingKey.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return { digest: 'sha256', algorithmIdentifier: () => sequence([oid(OID.ecdsaWithSHA256)]) };
    if (curve === 'secp384r1') return { digest: 'sha384', algorithmIdentifier: () => sequence([oid(OID.ecdsaWithSHA384)]) };
    if (curve === 'secp521r1') return { digest: 'sha512', algorithmIdentifier: () => sequence([oid(OID.ecdsaWithSHA512)]) };
    throw new Error(`unsupported EC curve '${curve ?? 'unknown'}': use an RSA, P-256 or P-384 key`);
  }
  throw new Error(`unsupported key type '${signingKey.asymmetricKeyType ?? 'unknown'}': use an RSA or ECDSA (P-256, P-384) key`);
}

/** Signs DER bytes; ECDSA signatures come out DER-encoded (r, s), which is what X.509 wants. */
export function signDer(data: Buffer, signingKey: KeyObject, digest: SignatureAlgorithm['digest']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    sign(digest, data, signingKey, (error, signature) => {
      if (error) reject(error);
      else resolve(signature);
    });
  });
}

export function privateKeyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A set asks for each public key's SubjectPublicKeyInfo several times (certificate, CSR, key identifier). */
const spkiOf = new WeakMap<KeyObject, Buffer>();

export function spkiDer(key: KeyObject): Buffer {
  let der = spkiOf.get(key);
  if (!der) {
    der = key.export({ type: 'spki', format: 'der' });
    spkiOf.set(key, der);
  }
  // A copy: the caller may not change what the next caller gets.
  return Buffer.from(der);
}
