// Whether a certificate holds a host name, by the rules of Go's crypto/x509 (Certificate.VerifyHostname),
// the strictest peer Milvus has: the connection test, the internaltls.sni rule and the editor's default
// server name all ask this one function, so they can never disagree about a certificate.
import { ipAddressBytes } from '../x509/ipAddress';
import type { SubjectAltNames } from './types';

/** The SANs a host name is matched against: CertificateInfo.sans, or just these two lists. */
export type ServerNames = Readonly<Pick<SubjectAltNames, 'dns' | 'ip'>>;

// Go's net.IP.Equal: an IPv4 address equals its IPv4-mapped IPv6 form.
const V4_MAPPED_PREFIX = Buffer.from('00000000000000000000ffff', 'hex');

function canonicalAddress(bytes: Buffer): string {
  const v4 = bytes.length === 16 && bytes.subarray(0, 12).equals(V4_MAPPED_PREFIX) ? bytes.subarray(12) : bytes;
  return v4.toString('hex');
}

function dnsNameMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  // A wildcard is a whole left-most label and stands for exactly one non-empty label (no "f*.x", no "a.b.x").
  if (!pattern.startsWith('*.')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot) === pattern.slice(1);
}

/**
 * Whether a SAN holds `name`, never falling back to the CommonName (Go >= 1.15): an address (IPv6 in
 * brackets or not) only against IP SANs, compared as addresses; a name only against DNS SANs,
 * case-insensitively and ignoring a trailing dot.
 */
export function sanMatchesName(names: ServerNames, name: string): boolean {
  const host = name.trim();
  const address = ipAddressBytes(host.replace(/^\[(.*)\]$/, '$1'));
  if (address) {
    const wanted = canonicalAddress(address);
    return names.ip.some((ip) => {
      const bytes = ipAddressBytes(ip);
      return bytes !== undefined && canonicalAddress(bytes) === wanted;
    });
  }
  const wanted = host.toLowerCase().replace(/\.$/, '');
  if (wanted === '') return false;
  return names.dns.some((dns) => dnsNameMatches(dns.toLowerCase().replace(/\.$/, ''), wanted));
}
