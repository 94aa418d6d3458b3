// Private keys: recognised by label (or DER structure), described by their public half, matched by
// SPKI. Encrypted keys are detected and reported, never decrypted; no key material leaves here.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { ObjectLocation } from './certificate';
import { toPem } from './certificate';
import { createContentCache } from './contentCache';
import { describePublicKey } from './publicKey';
import type { PrivateKeyEncoding, PrivateKeyInfo, PublicKeyInfo } from './types';

/** PEM labels that hold a private key, with the encoding node:crypto needs to read them. */
export const PRIVATE_KEY_LABELS: Readonly<Record<string, PrivateKeyEncoding>> = {
  'PRIVATE KEY': 'pkcs8',
  'ENCRYPTED PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1',
  'EC PRIVATE KEY': 'sec1',
  'DSA PRIVATE KEY': 'dsa',
};

function publicHalf(privateKey: KeyObject): KeyObject {
  return createPublicKey(privateKey);
}

function baseInfo(location: ObjectLocation, label: string, encoding: PrivateKeyEncoding): Omit<PrivateKeyInfo, 'encrypted' | 'publicKey'> {
  return {
    kind: 'private-key',
    file: location.file,
    indexInFile: location.indexInFile,
    id: `${location.file}#${location.indexInFile}`,
    format: location.format,
    range: location.range,
    label,
    encoding,
  };
}

// Public halves of private keys, by the key's bytes: createPrivateKey is the slowest step of a scan.
const publicKeyCache = createContentCache<PublicKeyInfo>(2000);

function readUnencrypted(der: Buffer, label: string, encoding: PrivateKeyEncoding): PublicKeyInfo {
  return publicKeyCache.getOrCompute(der, () => {
    // DER with its known type skips OpenSSL trying every decoder; traditional DSA keys only load from PEM.
    const key =
      encoding === 'pkcs8' || encoding === 'pkcs1' || encoding === 'sec1'
        ? createPrivateKey({ key: der, format: 'der', type: encoding })
        : createPrivateKey({ key: toPem(der, label), format: 'pem' });
    return describePublicKey(publicHalf(key));
  });
}

/** A PEM private-key block, by label. Throws when the key does not parse. Encrypted keys are never parsed. */
export function readPemPrivateKey(der: Buffer, label: string, headers: Record<string, string>, location: ObjectLocation): PrivateKeyInfo {
  const encoding = PRIVATE_KEY_LABELS[label] ?? 'unknown';
  const encrypted = label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/i.test(headers['Proc-Type'] ?? '');
  if (encrypted) return { ...baseInfo(location, label, encoding), encrypted, publicKey: undefined };
  return { ...baseInfo(location, label, encoding), encrypted, publicKey: structuredClone(readUnencrypted(der, label, encoding)) };
}

/** A binary file that may be a DER private key; undefined when it is not one. */
export function tryReadDerPrivateKey(der: Buffer, location: ObjectLocation): PrivateKeyInfo | undefined {
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: der, format: 'der', type });
    } catch {
      continue;
    }
    return { ...baseInfo(location, 'DER', type), encrypted: false, publicKey: describePublicKey(publicHalf(key)) };
  }
  return undefined;
}
