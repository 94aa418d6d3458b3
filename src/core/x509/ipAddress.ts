// IP addresses as the 4 or 16 bytes an iPAddress GeneralName holds (RFC 5280 §4.2.1.6): encoded by
// the generator, decoded and compared by the inspection engine, so both read them the same way.
import { isIPv4, isIPv6 } from 'node:net';

export function isIpAddress(text: string): boolean {
  return isIPv4(text) || (isIPv6(text) && !text.includes('%'));
}

function ipv4Bytes(text: string): number[] {
  return text.split('.').map((part) => Number(part));
}

/** Expands "::" and an embedded dotted quad ("::ffff:10.0.0.1") into 8 groups. */
function ipv6Bytes(text: string): number[] {
  let head = text;
  const trailingV4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    trailingV4.push(...ipv4Bytes(text.slice(lastColon + 1)));
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left = '', right] = head.split('::');
  const leftGroups = left === '' ? [] : left.split(':');
  const rightGroups = right === undefined || right === '' ? [] : right.split(':');
  const missing = 8 - leftGroups.length - rightGroups.length;
  const groups = [...leftGroups, ...Array<string>(right === undefined ? 0 : missing).fill('0'), ...rightGroups];
  const bytes = groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  if (trailingV4.length === 4) bytes.splice(12, 4, ...trailingV4);
  return bytes;
}

/** The address bytes, or undefined when the text is not a literal IPv4/IPv6 address. */
export function ipAddressBytes(text: string): Buffer | undefined {
  if (isIPv4(text)) return Buffer.from(ipv4Bytes(text));
  if (isIpAddress(text)) return Buffer.from(ipv6Bytes(text));
  return undefined;
}

/** The text of an iPAddress GeneralName: dotted IPv4, or IPv6 with the longest zero run as "::" (RFC 5952). */
export function formatIpAddress(bytes: Buffer): string {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
    const text = groups.join(':');
    const runs = text.match(/(?:^|:)0(?::0)+(?::|$)/g);
    if (!runs) return text;
    const longest = runs.reduce((a, b) => (b.length > a.length ? b : a));
    return text.replace(longest, '::');
  }
  return bytes.toString('hex');
}
