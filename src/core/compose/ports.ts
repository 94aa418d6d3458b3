/**
 * Service `ports:` entries: short syntax `[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]` (ranges such
 * as `9000-9001` kept as text) and long syntax (`target`, `published`, `host_ip`, `protocol`).
 * Rules use them to say which host port reaches 19530 or the REST port.
 */
import { isMap, isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { OffsetRange } from '../config/yamlSource';
import { fieldsOf, rangeOrPoint, scalarText, stringOfValue } from '../config/yamlSource';
import type { ComposeVariables } from './interpolation';
import type { ComposeSource } from './volumes';
import { interpolate } from './interpolation';

export interface PortMapping {
  /** Container port (or range) as text, e.g. `19530`. */
  target: string;
  /** Container port as a number when it is a single port. */
  targetPort?: number;
  /** Host port (or range); undefined when Docker picks one. */
  published?: string;
  publishedPort?: number;
  hostIp?: string;
  protocol: string;
  raw: string;
  range: OffsetRange;
  /** The file the entry is written in; set when the parser was given a file name. */
  definedIn?: ComposeSource;
}

export function parsePortEntry(node: unknown, document: Document, variables: ComposeVariables): PortMapping | undefined {
  const range = rangeOrPoint(node, 0);
  if (isScalar(node)) {
    const raw = scalarText(node) ?? '';
    return parseShortPort(raw, interpolate(raw, variables).value, range);
  }
  if (isMap(node)) {
    const entry = fieldsOf(node, document);
    const text = (value: unknown): string | undefined =>
      value === undefined || value === null ? undefined : interpolate(stringOfValue(value), variables).value;
    const target = text(entry.target);
    if (target === undefined) return undefined;
    const mapping: PortMapping = { target, protocol: text(entry.protocol) ?? 'tcp', raw: JSON.stringify(entry), range };
    const published = text(entry.published);
    const hostIp = text(entry.host_ip);
    if (published !== undefined) mapping.published = published;
    if (hostIp !== undefined) mapping.hostIp = hostIp;
    return withNumbers(mapping);
  }
  return undefined;
}

function parseShortPort(raw: string, expanded: string, range: OffsetRange): PortMapping | undefined {
  let rest = expanded.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  // An IPv6 host address is bracketed: `[::1]:8080:80`.
  let hostIp: string | undefined;
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (bracketed) {
    hostIp = bracketed[1];
    rest = bracketed[2] ?? '';
  }
  const parts = rest.split(':');
  if (parts.some((part) => part === '' && parts.length === 1)) return undefined;
  let target: string;
  let published: string | undefined;
  if (parts.length === 1) {
    target = parts[0] ?? '';
  } else if (parts.length === 2) {
    published = parts[0];
    target = parts[1] ?? '';
  } else {
    hostIp = parts.slice(0, parts.length - 2).join(':');
    published = parts[parts.length - 2];
    target = parts[parts.length - 1] ?? '';
  }
  if (target === '') return undefined;
  const mapping: PortMapping = { target, protocol, raw, range };
  if (published !== undefined && published !== '') mapping.published = published;
  if (hostIp !== undefined && hostIp !== '') mapping.hostIp = hostIp;
  return withNumbers(mapping);
}

function withNumbers(mapping: PortMapping): PortMapping {
  if (/^\d+$/.test(mapping.target)) mapping.targetPort = Number(mapping.target);
  if (mapping.published !== undefined && /^\d+$/.test(mapping.published)) mapping.publishedPort = Number(mapping.published);
  return mapping;
}
