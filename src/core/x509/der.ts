// A minimal DER reader: just enough ASN.1 to pull out what node:crypto's X509Certificate does not
// expose (extensions, signature algorithm OID, version, exact names), for the inspection engine, and
// to lift an existing CA's name and key identifier byte for byte, for the generator. derWriter.ts is
// the writing half. Own code rather than node-forge's asn1: forge works on binary strings and parses a
// certificate 1.7x slower (14.4 vs 8.5 us); this works on Buffers without copies.

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

/** Reads the element that starts at `offset`. Throws DerError on truncation or unsupported forms. */
export function readDer(buffer: Buffer, offset = 0): DerNode {
  if (offset + 2 > buffer.length) throw new DerError('DER element truncated');
  const first = buffer[offset] ?? 0;
  const tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) throw new DerError('high-tag-number form is not supported');
  let lengthByte = buffer[offset + 1] ?? 0;
  let headerLength = 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const lengthBytes = lengthByte & 0x7f;
    // Indefinite length (0x80) is BER, not DER; more than 4 length bytes is beyond any sane file.
    if (lengthBytes === 0 || lengthBytes > 4) throw new DerError('unsupported DER length form');
    if (offset + 2 + lengthBytes > buffer.length) throw new DerError('DER length truncated');
    length = 0;
    for (let i = 0; i < lengthBytes; i++) {
      lengthByte = buffer[offset + 2 + i] ?? 0;
      length = length * 256 + lengthByte;
    }
    headerLength += lengthBytes;
  }
  const start = offset + headerLength;
  if (start + length > buffer.length) throw new DerError('DER contents truncated');
  return {
    tagClass: first >> 6,
    constructed: (first & 0x20) !== 0,
    tagNumber,
    contents: buffer.subarray(start, start + length),
    encoded: buffer.subarray(offset, start + length),
    encodedLength: headerLength + length,
  };
}

/** The elements inside a constructed element, in order. */
export function derChildren(node: DerNode): DerNode[] {
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
  const match = node.tagNumber === Tag.utcTime
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!match) throw new DerError(`unsupported time format '${text}'`);
  let year = Number(match[1]);
  // RFC 5280: UTCTime years 50-99 are 19xx, 00-49 are 20xx.
  if (node.tagNumber === Tag.utcTime) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? '0')));
}
