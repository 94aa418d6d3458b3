// Address parsing shared by `milvus-tls ping` and the editor's connection setting: the forms users
// copy from SDK snippets (https://host:19530, host, [::1]:19530) all mean host + port.
import { isIP } from 'node:net';

export const DEFAULT_MILVUS_PORT = 19530;

export interface HostPort {
  host: string;
  port: number;
}

/** Throws an Error with a plain message when the address cannot be understood. */
export function parseAddress(text: string, defaultPort = DEFAULT_MILVUS_PORT): HostPort {
  // pymilvus turns https:// into "secure" (and port 443 when none is given); here the scheme only
  // says TLS, which the test assumes anyway, so it is dropped and the Milvus default port kept.
  let rest = text
    .trim()
    .replace(/^(?:https?|grpcs?|tcp):\/\//i, '')
    .replace(/\/+$/, '');
  if (rest.includes('/')) throw new Error(`"${text}" has a path; give host:port`);
  if (rest === '') throw new Error('the address is empty');
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
    if (isIP(host) !== 6) throw new Error(`"${host}" is not an IPv6 address`);
  } else if (isIP(rest) === 6) {
    // A bare IPv6 address: its colons are not a port separator.
    host = rest;
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      portText = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
    host = rest;
    if (host.includes(':')) throw new Error(`"${text}": write IPv6 addresses in brackets, e.g. [::1]:19530`);
  }
  if (host === '') throw new Error(`"${text}" has no host`);
  return { host, port: portText === undefined || portText === '' ? defaultPort : parsePort(portText) };
}

export function parsePort(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${text}" is not a port number (1-65535)`);
  return port;
}

/** "host:port", with IPv6 addresses in brackets. */
export function formatAddress(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
