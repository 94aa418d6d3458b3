// Describes a public key (type, size or curve) and fingerprints its SubjectPublicKeyInfo, which is
// how certificates, keys and CSRs are matched to each other: same SPKI, same key pair. Read from
// the SPKI DER itself: a scan meets hundreds of certificates, and building a KeyObject for each
// one only to ask its size costs more than the rest of reading it (see test/bench/inspect.ts).
import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { decodeOid, derChildren, expectUniversal, isUniversal, readDer, Tag } from '../x509/der';
import type { DerNode } from '../x509/der';
import { CURVE_NAMES } from '../x509/oids';
import type { KeyAlgorithm, PublicKeyInfo } from './types';

const KEY_ALGORITHMS: Readonly<Record<string, KeyAlgorithm>> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.2.840.10045.2.1': 'ec',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
  '1.2.840.10040.4.1': 'dsa',
};

/** Named-curve OIDs to OpenSSL's names (which is what KeyObject reports), with their sizes. */
const CURVES: Readonly<Record<string, { opensslName: string; bits: number }>> = {
  '1.2.840.10045.3.1.7': { opensslName: 'prime256v1', bits: 256 },
  '1.3.132.0.34': { opensslName: 'secp384r1', bits: 384 },
  '1.3.132.0.35': { opensslName: 'secp521r1', bits: 521 },
  '1.3.132.0.33': { opensslName: 'secp224r1', bits: 224 },
  '1.3.132.0.10': { opensslName: 'secp256k1', bits: 256 },
};

/** Bit length of a DER INTEGER's (unsigned) value: an RSA modulus or a DSA prime. */
function integerBits(node: DerNode | undefined): number | undefined {
  if (!node || !isUniversal(node, Tag.integer)) return undefined;
  let bytes = node.contents;
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  const first = bytes[0] ?? 0;
  return first === 0 ? 0 : (bytes.length - 1) * 8 + (32 - Math.clz32(first));
}

/** Type, size and fingerprint from SubjectPublicKeyInfo DER. Throws DerError when malformed. */
export function describeSpki(spki: Buffer): PublicKeyInfo {
  const [algorithmIdentifier, keyBits] = derChildren(expectUniversal(readDer(spki), Tag.sequence, 'SubjectPublicKeyInfo'));
  const [oidNode, parameters] = derChildren(expectUniversal(algorithmIdentifier, Tag.sequence, 'AlgorithmIdentifier'));
  const oid = decodeOid(expectUniversal(oidNode, Tag.oid, 'key algorithm').contents);
  const algorithm = KEY_ALGORITHMS[oid] ?? 'unknown';
  let bits: number | undefined;
  let curve: string | undefined;
  let description: string;
  switch (algorithm) {
    case 'rsa':
    case 'rsa-pss': {
      // The BIT STRING holds RSAPublicKey ::= SEQUENCE { modulus, publicExponent } after its unused-bits byte.
      const key = expectUniversal(keyBits, Tag.bitString, 'public key').contents.subarray(1);
      bits = integerBits(derChildren(readDer(key))[0]);
      description = `${algorithm === 'rsa' ? 'RSA' : 'RSA-PSS'} ${bits ?? '?'}`;
      break;
    }
    case 'dsa':
      bits = parameters && isUniversal(parameters, Tag.sequence) ? integerBits(derChildren(parameters)[0]) : undefined;
      description = `DSA ${bits ?? '?'}`;
      break;
    case 'ec': {
      const curveOid = parameters && isUniversal(parameters, Tag.oid) ? decodeOid(parameters.contents) : 'explicit parameters';
      const known = CURVES[curveOid];
      curve = known ? (CURVE_NAMES[known.opensslName] ?? known.opensslName) : curveOid;
      bits = known?.bits;
      description = `EC ${curve}`;
      break;
    }
    case 'ed25519':
      bits = 256;
      description = 'Ed25519';
      break;
    case 'ed448':
      bits = 456;
      description = 'Ed448';
      break;
    default:
      description = `unknown key type ${oid}`;
  }
  return { algorithm, bits, curve, description, spkiSha256: createHash('sha256').update(spki).digest('hex') };
}

/** The same description for a KeyObject (the public half of a private key). */
export function describePublicKey(publicKey: KeyObject): PublicKeyInfo {
  return describeSpki(publicKey.export({ type: 'spki', format: 'der' }));
}
