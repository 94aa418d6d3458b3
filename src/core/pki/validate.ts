// Input checks shared by the CLI and the VS Code command. Each returns a message that says what is
// wrong and what is accepted, or undefined when the value is fine.
import { isIpAddress, isZonedIpv6Address } from '../x509/ipAddress';
import { KEY_TYPES, type CertificateSetOptions } from './types';

export const MAX_SUBJECT_TEXT_LENGTH = 64;
export const MAX_DAYS = 36500;
const MAX_DNS_NAME_LENGTH = 253;
// Control characters would be invisible in tools and some parsers stop at NUL.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** Letters, digits, hyphens; underscores too, as Go and OpenSSL accept them (Docker service names). */
const DNS_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

function describe(value: string): string {
  return JSON.stringify(value);
}

/** Other DN fields (state, locality, organization, unit): optional, printable, at most 64 characters. */
export function validateSubjectText(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (CONTROL_CHARACTERS.test(value)) return `${describe(value)} contains a control character; use printable text only`;
  if (value.trim() !== value) return `${describe(value)} has leading or trailing spaces; remove them`;
  if ([...value].length > MAX_SUBJECT_TEXT_LENGTH) {
    return `${describe(value)} is ${[...value].length} characters long; at most ${MAX_SUBJECT_TEXT_LENGTH} are allowed`;
  }
  return undefined;
}

/** A common name: required, printable, at most 64 characters (RFC 5280 ub-common-name). */
export function validateCommonName(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') {
    return 'the common name is empty; give a name such as localhost or milvus.example.com';
  }
  return validateSubjectText(value);
}

/** Country: optional, exactly two uppercase letters (ISO 3166-1 alpha-2). */
export function validateCountry(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[A-Z]{2}$/.test(value)) {
    return `country ${describe(value)} is not a two-letter ISO 3166 code; use two uppercase letters such as US, DE or CN`;
  }
  return undefined;
}

function validateDnsName(name: string): string | undefined {
  if (name.length > MAX_DNS_NAME_LENGTH) return `is ${name.length} characters long; a DNS name has at most ${MAX_DNS_NAME_LENGTH}`;
  if (name.endsWith('.')) return 'ends with a dot; leave the trailing dot out';
  const labels = name.split('.');
  for (const label of labels) {
    if (label === '') return 'has an empty label (two dots in a row, or a leading dot)';
    if (label.length > 63) return `has the label "${label}" longer than 63 characters`;
    if (!DNS_LABEL.test(label)) {
      return `has the label "${label}"; labels use letters, digits and inner hyphens only`;
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) {
    return 'looks like an IP address but is not a valid IPv4 address';
  }
  return undefined;
}

/** One SAN entry: a DNS name (optionally "*." + name), an IPv4 or an IPv6 address. */
export function validateSan(entry: string): string | undefined {
  const accepted = 'use a DNS name (milvus.example.com, *.example.com), an IPv4 (10.0.0.5) or an IPv6 (::1) address';
  if (entry === '') return `a subject alternative name is empty; ${accepted}`;
  if (/\s/.test(entry)) return `${describe(entry)} contains a space; ${accepted}`;
  if (isIpAddress(entry)) return undefined;
  if (isZonedIpv6Address(entry)) return `${describe(entry)} has a zone index (%...); certificates hold the address only, e.g. fe80::1`;
  if (entry.includes(':')) return `${describe(entry)} is not a valid IPv6 address (and DNS names contain no colons); ${accepted}`;
  if (entry.startsWith('*.')) {
    const problem = validateDnsName(entry.slice(2));
    return problem ? `${describe(entry)} ${problem}; ${accepted}` : undefined;
  }
  if (entry.includes('*')) return `${describe(entry)} has a wildcard that is not a whole leftmost label; only "*.name" is accepted`;
  const problem = validateDnsName(entry);
  return problem ? `${describe(entry)} ${problem}; ${accepted}` : undefined;
}

/** Splits "a.example.com, 10.0.0.5 ::1" on commas and whitespace, validates, and drops duplicates. */
export function parseSanList(text: string): { sans: string[]; errors: string[] } {
  const sans: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const entry of text.split(/[\s,]+/)) {
    if (entry === '') continue;
    const problem = validateSan(entry);
    if (problem) errors.push(problem);
    else if (!seen.has(entry.toLowerCase())) {
      seen.add(entry.toLowerCase());
      sans.push(entry);
    }
  }
  return { sans, errors };
}

/** Validity in days: a whole number from 1 to 36500. */
export function validateDays(days: number): string | undefined {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    return `must be a whole number from 1 to ${MAX_DAYS} (got ${String(days)})`;
  }
  return undefined;
}

/** Every problem with the options, each naming the field; empty when they can be generated. */
export function validateCertificateSetOptions(options: CertificateSetOptions): string[] {
  const problems: string[] = [];
  const add = (field: string, problem: string | undefined): void => {
    if (problem) problems.push(`${field}: ${problem}`);
  };
  if (!(KEY_TYPES as readonly string[]).includes(options.keyType)) {
    add('key type', `${describe(String(options.keyType))} is not supported; use one of ${KEY_TYPES.join(', ')}`);
  }
  add('country', validateCountry(options.subject.country));
  add('state', validateSubjectText(options.subject.state));
  add('locality', validateSubjectText(options.subject.locality));
  add('organization', validateSubjectText(options.subject.organization));
  add('organizational unit', validateSubjectText(options.subject.organizationalUnit));
  add('CA common name', validateCommonName(options.caCommonName));
  add('server common name', validateCommonName(options.serverCommonName));
  add('client common name', validateCommonName(options.clientCommonName));
  if (options.caCommonName === options.serverCommonName || options.caCommonName === options.clientCommonName) {
    add(
      'CA common name',
      `${describe(options.caCommonName)} is also a leaf's common name; the CA needs a distinct name, or verifiers mistake the leaf for a self-signed certificate`,
    );
  }
  if (options.serverSans.length === 0) {
    add('server SANs', 'none given; Go clients ignore the common name, so give at least the name clients connect to');
  }
  for (const san of options.serverSans) add('server SAN', validateSan(san));
  add('CA days', validateDays(options.caDays));
  add('days', validateDays(options.leafDays));
  if (Number.isInteger(options.caDays) && Number.isInteger(options.leafDays) && options.leafDays > options.caDays) {
    add(
      'days',
      `the leaf certificates (${options.leafDays} days) would outlive the CA (${options.caDays} days); use at most ${options.caDays}`,
    );
  }
  return problems;
}
