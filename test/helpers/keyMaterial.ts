// Finds private-key material anywhere in an object graph: a slice of the key's DER or of its PEM
// body in a Buffer, the PEM body in a string, or a private KeyObject. Walks own
// properties (TypeScript's `private` fields included), arrays, Maps and Sets, once per object.
import { KeyObject } from 'node:crypto';

export interface KeyMaterial {
  der: Buffer;
  bodySlice: string;
  /** A slice of the whole PEM file base64-encoded once more (a cache key made of the file's bytes). */
  encodedFileSlice: string;
}

/** The DER and a 48-character slice of the base64 body of a PEM private key. */
export function keyMaterialOf(pem: string): KeyMaterial {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return {
    der: Buffer.from(body, 'base64'),
    bodySlice: body.slice(8, 56),
    encodedFileSlice: Buffer.from(pem).toString('base64').slice(40, 88),
  };
}

/** Where the material was found, as property paths; [] when nowhere. */
export function findKeyMaterial(root: unknown, key: KeyMaterial): string[] {
  const found: string[] = [];
  const derSlice = key.der.subarray(8, 40);
  const pemSlice = Buffer.from(key.bodySlice, 'latin1');
  const holds = (bytes: Buffer): boolean => bytes.includes(derSlice) || bytes.includes(pemSlice);
  const seen = new WeakSet<object>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.includes(key.bodySlice) || value.includes(key.encodedFileSlice)) found.push(`${path} (string)`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (seen.has(value)) return;
    seen.add(value);
    if (value instanceof KeyObject) {
      if (value.type === 'private') found.push(`${path} (private KeyObject)`);
      return;
    }
    if (ArrayBuffer.isView(value)) {
      if (holds(Buffer.from(value.buffer, value.byteOffset, value.byteLength))) found.push(`${path} (bytes)`);
      return;
    }
    if (value instanceof ArrayBuffer) {
      if (holds(Buffer.from(value))) found.push(`${path} (ArrayBuffer)`);
      return;
    }
    if (value instanceof Map) {
      for (const [entryKey, entryValue] of value) {
        visit(entryKey, `${path}.<key ${typeof entryKey === 'string' ? entryKey.slice(0, 40) : ''}>`);
        visit(entryValue, `${path}[${String(entryKey)}]`);
      }
      return;
    }
    if (value instanceof Set) {
      for (const item of value) visit(item, `${path}.<item>`);
      return;
    }
    for (const name of Object.getOwnPropertyNames(value)) {
      visit((value as Record<string, unknown>)[name], `${path}.${name}`);
    }
  };
  visit(root, '$');
  return found;
}
