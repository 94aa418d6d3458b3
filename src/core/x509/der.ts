// Reading DER: node-forge's ASN.1 parser (the library pki/der.ts writes with) checks and splits the
// bytes; this module hands the result out as views into the caller's Buffer, so that what node:crypto's
// X509Certificate does not expose (extensions, signature algorithm OID, version, exact names) can be
// read, and an existing CA's name and key identifier lifted byte for byte for the generator.
import type { asn1 as forgeTypes } from 'node-forge';
import { forgeAsn1 } from './forgeAsn1';

/** Thrown for bytes that are not well-formed DER; callers turn it into a per-file read error. */
export class DerError extends Error {}

/** One tag-length-value element. `contents` is a view into the original buffer. */
export interface DerNode {
  /** Tag class: 0 universal, 1 application, 2 context-specific, 3 private. */
  tagClass: number;
  constructed: boolean;
  /** Tag number within its class (low-tag-number form only; certificates never need more). */
  tagNumber: number;
  contents: Buffer;
  /** The whole element, header included (a view, like `contents`). */
  encoded: Buffer;
  /** Total encoded length, header included. */
  encodedLength: number;
  /** A constructed element's elements, as parsed with it. */
  children?: DerNode[];
}

export const Tag = {
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  utf8String: 12,
  sequence: 16,
  set: 17,
  printableString: 19,
  t61String: 20,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  universalString: 28,
  bmpString: 30,
} as const;

const CONTEXT_CLASS = 2;

/** Nesting beyond any certificate (about 10 levels): a bound on what hostile bytes make us walk. */
const MAX_DEPTH = 32;

/** Where the element at `offset` ends, from its header; DER's definite lengths only. */
function extentAt(buffer: Buffer, offset: number): { headerLength: number; length: number } {
  if (offset + 2 > buffer.length) throw new DerError('DER element truncated');
  if (((buffer[offset] ?? 0) & 0x1f) === 0x1f) throw new DerError('high-tag-number form is not supported');
  const lengthByte = buffer[offset + 1] ?? 0;
  if ((lengthByte & 0x80) === 0) return { headerLength: 2, length: lengthByte };
  const lengthBytes = lengthByte & 0x7f;
  // Indefinite length (0x80) is BER, not DER; more than 4 length bytes is beyond any sane file.
  if (lengthBytes === 0 || lengthBytes > 4) throw new DerError('unsupported DER length form');
  if (offset + 2 + lengthBytes > buffer.length) throw new DerError('DER length truncated');
  return { headerLength: 2 + lengthBytes, length: buffer.readUIntBE(offset + 2, lengthBytes) };
}

/** forge's parse of one element, laid over the bytes it came from. */
function nodeAt(parsed: forgeTypes.Asn1, buffer: Buffer, offset: number): DerNode {
  const { headerLength, length } = extentAt(buffer, offset);
  const start = offset + headerLength;
  const first = buffer[offset] ?? 0;
  // forge and the header must describe the same element; anything else is a bug, not bad input.
  if (
    Number(parsed.type) !== (first & 0x1f) ||
    Number(parsed.tagClass) !== (first & 0xc0) ||
    parsed.constructed !== ((first & 0x20) !== 0)
  ) {
    throw new DerError('DER element does not match its parse');
  }
  const node: DerNode = {
    tagClass: first >> 6,
    constructed: parsed.constructed,
    tagNumber: first & 0x1f,
    contents: buffer.subarray(start, start + length),
    encoded: buffer.subarray(offset, start + length),
    encodedLength: headerLength + length,
  };
  if (parsed.constructed && Array.isArray(parsed.value)) {
    let childOffset = start;
    node.children = parsed.value.map((child) => {
      const childNode = nodeAt(child, buffer, childOffset);
      childOffset += childNode.encodedLength;
      return childNode;
    });
    if (childOffset !== start + length) throw new DerError('DER contents do not fill their length');
  }
  return node;
}

/** Reads the element that starts at `offset`, with everything inside it. Throws DerError on bad bytes. */
export function readDer(buffer: Buffer, offset = 0): DerNode {
  const { headerLength, length } = extentAt(buffer, offset);
  const end = offset + headerLength + length;
  if (end > buffer.length) throw new DerError('DER contents truncated');
  let parsed: forgeTypes.Asn1;
  try {
    parsed = forgeAsn1().fromDer(buffer.toString('binary', offset, end), {
      strict: true,
      parseAllBytes: true,
      decodeBitStrings: false,
      maxDepth: MAX_DEPTH,
    });
  } catch (error) {
    throw new DerError(error instanceof Error ? error.message : String(error));
  }
  return nodeAt(parsed, buffer, offset);
}

/** The elements inside an element, in order: a constructed one's, or those a primitive one holds (an OCTET STRING wrapping DER). */
export function derChildren(node: DerNode): DerNode[] {
  if (node.children) return node.children;
  const children: DerNode[] = [];
  let offset = 0;
  while (offset < node.contents.length) {
    const child = readDer(node.contents, offset);
    children.push(child);
    offset += child.encodedLength;
  }
  return children;
}

// Plain booleans, not type guards: a guard would narrow the else branch of `if (isUniversal(a, X))` to never.
export function isUniversal(node: DerNode | undefined, tagNumber: number): boolean {
  return node !== undefined && node.tagClass === 0 && node.tagNumber === tagNumber;
}

export function isContext(node: DerNode | undefined, tagNumber: number): boolean {
  return node !== undefined && node.tagClass === CONTEXT_CLASS && node.tagNumber === tagNumber;
}

/** Throws unless `node` is the expected universal type; keeps the structure walks short. */
export function expectUniversal(node: DerNode | undefined, tagNumber: number, what: string): DerNode {
  if (node === undefined || !isUniversal(node, tagNumber)) throw new DerError(`expected ${what}`);
  return node;
}

/** Dotted-decimal form of an OBJECT IDENTIFIER's contents. */
export function decodeOid(contents: Buffer): string {
  if (contents.length === 0) throw new DerError('empty OID');
  const parts: number[] = [];
  let value = 0;
  for (const byte of contents) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    }
  }
  return parts.join('.');
}

/** Small non-negative INTEGERs (versions, path lengths). Larger ones are not needed as numbers. */
export function decodeSmallInteger(contents: Buffer): number {
  if (contents.length > 6) throw new DerError('integer too large');
  let value = 0;
  for (const byte of contents) value = value * 256 + byte;
  return value;
}

/** Text of the ASN.1 string types used in names and SANs. */
export function decodeString(node: DerNode): string {
  switch (node.tagNumber) {
    case Tag.bmpString: {
      // UTF-16 big-endian; swap to little-endian for Node's decoder.
      const swapped = Buffer.from(node.contents);
      if (swapped.length % 2 === 0) swapped.swap16();
      return swapped.toString('utf16le');
    }
    case Tag.universalString: {
      let text = '';
      for (let i = 0; i + 3 < node.contents.length; i += 4) text += String.fromCodePoint(node.contents.readUInt32BE(i));
      return text;
    }
    case Tag.t61String:
      return node.contents.toString('latin1');
    default:
      return node.contents.toString('utf8');
  }
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ) as a Date. */
export function decodeTime(node: DerNode): Date {
  const text = node.contents.toString('latin1');
  const match =
    node.tagNumber === Tag.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!match) throw new DerError(`unsupported time format '${text}'`);
  let year = Number(match[1]);
  // RFC 5280: UTCTime years 50-99 are 19xx, 00-49 are 20xx.
  if (node.tagNumber === Tag.utcTime) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? '0')));
}
