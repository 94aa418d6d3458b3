// The defaults of a certificate set: the docs' choices where they are right (RSA 2048, CN localhost),
// safer ones where they are not (distinct CA name, client CN, SANs, leaf lifetime).
import type { CertificateSetOptions } from './types';

export const DEFAULT_CA_COMMON_NAME = 'Milvus TLS CA';
export const DEFAULT_SERVER_COMMON_NAME = 'localhost';
export const DEFAULT_CLIENT_COMMON_NAME = 'milvus-client';
export const DEFAULT_CA_DAYS = 3650;
/** 825 days: the longest leaf lifetime Apple platforms accept, and short enough to rotate. */
export const DEFAULT_LEAF_DAYS = 825;
export const DEFAULT_KEY_TYPE = 'rsa2048' as const;

/**
 * The server name itself, then the loopback names every local client uses, then the caller's
 * extra names; case-insensitively deduplicated, first spelling and order kept.
 */
export function defaultServerSans(commonName: string, extraNames: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of [commonName, 'localhost', '127.0.0.1', '::1', ...extraNames]) {
    const trimmed = name.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

export function defaultCertificateSetOptions(overrides: Partial<CertificateSetOptions> = {}): CertificateSetOptions {
  const serverCommonName = overrides.serverCommonName ?? DEFAULT_SERVER_COMMON_NAME;
  return {
    keyType: DEFAULT_KEY_TYPE,
    subject: {},
    caCommonName: DEFAULT_CA_COMMON_NAME,
    serverCommonName,
    serverSans: defaultServerSans(serverCommonName, []),
    clientCommonName: DEFAULT_CLIENT_COMMON_NAME,
    caDays: DEFAULT_CA_DAYS,
    leafDays: DEFAULT_LEAF_DAYS,
    ...overrides,
  };
}
