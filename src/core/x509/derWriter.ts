// DER encoding, the writing half of der.ts: each builder returns the finished bytes of one element,
// so structures are assembled from Buffers and signed as they are. Enough ASN.1 for what the
// generator writes (certificates, CSRs, names, extensions) and no more. Our own rather than
// node-forge's asn1: forge works on binary strings, costs 2–3 ms to load at every CLI start, and its
// reader parses certificates 1.7× slower than der.ts, so one library means this one.
import { Tag } from './der';

/** Class and constructed bits of the identifier octet (X.690 §8.1.2). */
const UNIVERSAL = 0x00;
const CONTEXT = 0x80;
const CONSTRUCTED = 0x20;

/** UTCTime covers 1950–2049; from 2050 RFC 5280 §4.1.2.5 requires GeneralizedTime. */
const FIRST_GENERALIZED_TIME = Date.UTC(2050, 0, 1);

function lengthOctets(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One element: identifier octet, definite length, contents (low tag numbers only, < 31). */
function element(identifier: number, contents: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([identifier]), lengthOctets(contents.length), contents]);
}

export function sequence(items: Uint8Array[]): Buffer {
  return element(UNIVERSAL | CONSTRUCTED | Tag.sequence, Buffer.concat(items));
}

/** SET OF: DER orders the elements by their encodings (X.690 §11.6). */
export function setOf(items: Uint8Array[]): Buffer {
  const sorted = [...items].sort((a, b) => Buffer.compare(a, b));
  return element(UNIVERSAL | CONSTRUCTED | Tag.set, Buffer.concat(sorted));
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    // Base 128, most significant group first, every byte but the last with its high bit set.
    const groups = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) groups.unshift(0x80 | (value % 128));
    bytes.push(...groups);
  }
  return element(UNIVERSAL | Tag.oid, Buffer.from(bytes));
}

export function nullValue(): Buffer {
  return element(UNIVERSAL | Tag.null, Buffer.alloc(0));
}

export function booleanTrue(): Buffer {
  return element(UNIVERSAL | Tag.boolean, Buffer.from([0xff]));
}

/** A non-negative INTEGER small enough for a JavaScript number (versions, path lengths). */
export function smallInteger(value: number): Buffer {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  // Minimal two's complement: zero is one 0x00 byte, and a set high bit needs a 0x00 in front.
  if (bytes.length === 0 || (bytes[0] ?? 0) >= 0x80) bytes.unshift(0);
  return element(UNIVERSAL | Tag.integer, Buffer.from(bytes));
}

/** A positive INTEGER from big-endian bytes whose first byte is 0x01–0x7f (already minimal DER). */
export function positiveInteger(bytes: Uint8Array): Buffer {
  return element(UNIVERSAL | Tag.integer, bytes);
}

export function octetString(bytes: Uint8Array): Buffer {
  return element(UNIVERSAL | Tag.octetString, bytes);
}

/** A BIT STRING: the count of unused trailing bits of the last byte, then the bytes. */
export function bitString(bytes: Uint8Array, unusedBits = 0): Buffer {
  return element(UNIVERSAL | Tag.bitString, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

export function utf8String(text: string): Buffer {
  return element(UNIVERSAL | Tag.utf8String, Buffer.from(text, 'utf8'));
}

export function printableString(text: string): Buffer {
  return element(UNIVERSAL | Tag.printableString, Buffer.from(text, 'latin1'));
}

/** [n] with constructed contents: an EXPLICIT tag (certificate version, extensions) or an IMPLICIT SET (CSR attributes). */
export function contextConstructed(tag: number, items: Uint8Array[]): Buffer {
  return element(CONTEXT | CONSTRUCTED | tag, Buffer.concat(items));
}

/** [n] IMPLICIT primitive value, as used by GeneralName and KeyIdentifier. */
export function contextPrimitive(tag: number, bytes: Uint8Array): Buffer {
  return element(CONTEXT | tag, bytes);
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** Validity time: UTCTime before 2050, GeneralizedTime after, whole seconds, UTC ("Z"). */
export function time(date: Date): Buffer {
  const wholeSeconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
  const year = wholeSeconds.getUTCFullYear();
  const rest = [wholeSeconds.getUTCMonth() + 1, wholeSeconds.getUTCDate(), wholeSeconds.getUTCHours(),
    wholeSeconds.getUTCMinutes(), wholeSeconds.getUTCSeconds()].map(twoDigits).join('');
  return wholeSeconds.getTime() < FIRST_GENERALIZED_TIME
    ? element(UNIVERSAL | Tag.utcTime, Buffer.from(`${twoDigits(year % 100)}${rest}Z`, 'latin1'))
    : element(UNIVERSAL | Tag.generalizedTime, Buffer.from(`${String(year).padStart(4, '0')}${rest}Z`, 'latin1'));
}
