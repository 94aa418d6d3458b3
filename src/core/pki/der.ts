// Small DER building blocks on top of node-forge's ASN.1 encoder. forge works on "binary strings"
// (one char per byte); these helpers keep that detail in one place so the rest speaks Buffer.
import type { asn1 as forgeTypes } from 'node-forge';
import { forgeAsn1 } from '../x509/forgeAsn1';

export type Asn1 = forgeTypes.Asn1;

/** UTCTime covers 1950–2049; from 2050 RFC 5280 §4.1.2.5 requires GeneralizedTime. */
const FIRST_GENERALIZED_TIME = Date.UTC(2050, 0, 1);

export function bufferToBinary(buffer: Uint8Array): string {
  return Buffer.from(buffer).toString('binary');
}

export function binaryToBuffer(binary: string): Buffer {
  return Buffer.from(binary, 'binary');
}

export function toDer(node: Asn1): Buffer {
  return binaryToBuffer(forgeAsn1().toDer(node).getBytes());
}

export function sequence(items: Asn1[]): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.SEQUENCE, true, items);
}

export function set(items: Asn1[]): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.SET, true, items);
}

export function oid(dotted: string): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.OID, false, forgeAsn1().oidToDer(dotted).getBytes());
}

export function nullValue(): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.NULL, false, '');
}

export function booleanTrue(): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.BOOLEAN, false, '\xff');
}

export function smallInteger(value: number): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.INTEGER, false, forgeAsn1().integerToDer(value).getBytes());
}

/** A positive INTEGER from big-endian bytes whose first byte is 0x01–0x7f (already minimal DER). */
export function positiveInteger(bytes: Uint8Array): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.INTEGER, false, bufferToBinary(bytes));
}

export function octetString(bytes: Uint8Array): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.OCTETSTRING, false, bufferToBinary(bytes));
}

/** A BIT STRING holding whole bytes (no unused bits), as signatures and keys are. */
export function bitString(bytes: Uint8Array): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.BITSTRING, false, '\x00' + bufferToBinary(bytes));
}

/** [n] EXPLICIT wrapper, as used for the certificate version and the extensions. */
export function explicitTag(tag: number, inner: Asn1): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.CONTEXT_SPECIFIC, tag, true, [inner]);
}

/** [n] IMPLICIT primitive value, as used by GeneralName and KeyIdentifier. */
export function implicitPrimitive(tag: number, bytes: Uint8Array): Asn1 {
  return forgeAsn1().create(forgeAsn1().Class.CONTEXT_SPECIFIC, tag, false, bufferToBinary(bytes));
}

/** Validity time: UTCTime before 2050, GeneralizedTime after, whole seconds. */
export function time(date: Date): Asn1 {
  const wholeSeconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return wholeSeconds.getTime() < FIRST_GENERALIZED_TIME
    ? forgeAsn1().create(forgeAsn1().Class.UNIVERSAL, forgeAsn1().Type.UTCTIME, false, forgeAsn1().dateToUtcTime(wholeSeconds))
    : forgeAsn1().create(
        forgeAsn1().Class.UNIVERSAL,
        forgeAsn1().Type.GENERALIZEDTIME,
        false,
        forgeAsn1().dateToGeneralizedTime(wholeSeconds),
      );
}

/** The raw contents of a primitive node as a Buffer. */
export function primitiveBytes(node: Asn1): Buffer {
  if (typeof node.value !== 'string') throw new Error('expected a primitive ASN.1 value');
  return binaryToBuffer(node.value);
}

export function children(node: Asn1): Asn1[] {
  if (typeof node.value === 'string') throw new Error('expected a constructed ASN.1 value');
  return node.value;
}

/** DER definite length: the short form below 128, else 0x80 | the byte count, then the length big-endian. */
function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 0x100)) bytes.unshift(rest % 0x100);
  return [0x80 | bytes.length, ...bytes];
}

/**
 * The DER of a SEQUENCE of forge nodes and of DER already at hand (a name, a public key, content
 * just signed), which goes in byte for byte: parsed into forge nodes, it would only be written back
 * as it was.
 */
export function sequenceDer(items: readonly (Asn1 | Uint8Array)[]): Buffer {
  const contents = Buffer.concat(items.map((item) => (item instanceof Uint8Array ? item : toDer(item))));
  return Buffer.concat([Buffer.from([0x30, ...lengthBytes(contents.length)]), contents]);
}
