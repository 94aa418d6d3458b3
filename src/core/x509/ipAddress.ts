// IP addresses as the 4 or 16 bytes an iPAddress GeneralName holds (RFC 5280 §4.2.1.6): encoded by
// the generator, decoded and compared by the inspection engine, so both read them the same way.
// Parsed here rather than with node:net's isIPv4/isIPv6: importing node:net loads the socket stack,
// and isIPv6 compiles a large regular expression on first use (together 5–6 ms of `milvus-tls generate`).

const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
/** What node:net accepts after an IPv6 address's "%" (a zone such as eth0). */
const ZONE = /^[0-9a-zA-Z.:-]+$/;

/** Dotted decimal without leading zeros, as node:net's isIPv4. */
function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

function ipv4Bytes(text: string): number[] {
  return text.split('.').map((part) => Number(part));
}

/**
 * The 16 bytes of an IPv6 literal without a zone, or undefined: eight groups of 1–4 hex digits, one
 * "::" standing for one or more zero groups, a dotted IPv4 as the last 32 bits. Accepts exactly what
 * node:net's isIPv6 accepts (a test compares them).
 */
function ipv6Bytes(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const [head = '', tail] = halves;
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const last = tail === undefined ? headGroups : tailGroups;
  const trailingV4 = last.length > 0 && last[last.length - 1]?.includes('.') ? last.pop() : undefined;
  if (trailingV4 !== undefined && !isIPv4(trailingV4)) return undefined;
  const groups = [...headGroups, ...tailGroups];
  if (!groups.every((group) => HEX_GROUP.test(group))) return undefined;
  const written = groups.length + (trailingV4 === undefined ? 0 : 2);
  if (tail === undefined ? written !== 8 : written > 7) return undefined;
  const zeros = Array<string>(8 - written).fill('0');
  const bytes = [...headGroups, ...zeros, ...tailGroups].flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  return trailingV4 === undefined ? bytes : [...bytes, ...ipv4Bytes(trailingV4)];
}

export function isIpAddress(text: string): boolean {
  return ipAddressBytes(text) !== undefined;
}

/** An IPv6 address with a zone index (fe80::1%eth0): valid to connect to, not for a certificate. */
export function isZonedIpv6Address(text: string): boolean {
  const percent = text.indexOf('%');
  return percent > 0 && ZONE.test(text.slice(percent + 1)) && ipv6Bytes(text.slice(0, percent)) !== undefined;
}

/** The address bytes, or undefined when the text is not a literal IPv4/IPv6 address. */
export function ipAddressBytes(text: string): Buffer | undefined {
  if (isIPv4(text)) return Buffer.from(ipv4Bytes(text));
  if (!text.includes(':')) return undefined;
  const bytes = ipv6Bytes(text);
  return bytes && Buffer.from(bytes);
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
