/**
 * Lookups over the TLS key table (tlsKeyTable.ts) by any spelling of a key, the known children of
 * each block (for the typo rules) and the obsolete names people still write.
 */
import { normaliseKey } from './keyNormalisation';

import { TLS_KEY_DEFINITIONS } from './tlsKeyTable';
import type { TlsKeyInfo } from './tlsKeyTable';

export type { AllowedValue, TlsKeyGroup, TlsKeyInfo, TlsKeyType } from './tlsKeyTable';

export const TLS_KEYS: readonly TlsKeyInfo[] = TLS_KEY_DEFINITIONS.map((definition) => ({
  ...definition,
  normalisedKey: normaliseKey(definition.key),
}));

const BY_NORMALISED_KEY = new Map(TLS_KEYS.map((info) => [info.normalisedKey, info]));

/** The table entry for a key in any spelling (`TLS_SERVERPEMPATH`, `tls.serverPemPath`, …). */
export function tlsKeyInfo(key: string): TlsKeyInfo | undefined {
  return BY_NORMALISED_KEY.get(normaliseKey(key));
}

/** tlsKeyInfo for a key normalised already (a ConfigEntry's key): a rule asks for each of ~1,500 per keystroke. */
export function tlsKeyInfoOfNormalised(normalisedKey: string): TlsKeyInfo | undefined {
  return BY_NORMALISED_KEY.get(normalisedKey);
}

/**
 * The child keys Milvus knows in the blocks where typos matter, for did-you-mean. From the shipped
 * milvus.yaml files (2.3.22 … master) plus the code-only `tls.clusters` (2.6.20+).
 */
export const KNOWN_CHILD_KEYS: Readonly<Record<string, readonly string[]>> = {
  tls: ['serverPemPath', 'serverKeyPath', 'caPemPath', 'clusters'],
  internaltls: ['serverPemPath', 'serverKeyPath', 'caPemPath', 'sni'],
  'common.security': [
    'authorizationEnabled',
    'superUsers',
    'defaultRootPassword',
    'rootShouldBindRole',
    'enablePublicPrivilege',
    'exprEnabled',
    'exprAuthMode',
    'rbac',
    'internaltlsEnabled',
    'tlsMode',
  ],
  'proxy.http': [
    'enabled',
    'debug_mode',
    'port',
    'acceptTypeAllowInt64',
    'enablePprof',
    'enableWebUI',
    'readHeaderTimeout',
    'readTimeout',
    'writeTimeout',
    'enableHSTS',
    'hstsMaxAge',
    'hstsIncludeSubDomains',
    'maxHeaderBytes',
  ],
  'etcd.ssl': ['enabled', 'tlsCert', 'tlsKey', 'tlsCACert', 'tlsMinVersion'],
  'minio.ssl': ['tlsCACert', 'tlsMinVersion'],
  'kafka.ssl': ['enabled', 'tlsCert', 'tlsKey', 'tlsCaCert', 'tlsKeyPassword'],
};

/** Known children of a block given in any spelling (`common.security`, `COMMON_SECURITY`). */
export function knownChildKeys(blockKey: string): readonly string[] | undefined {
  const wanted = normaliseKey(blockKey);
  for (const [block, children] of Object.entries(KNOWN_CHILD_KEYS)) {
    if (normaliseKey(block) === wanted) return children;
  }
  return undefined;
}

export interface ObsoleteKey {
  key: string;
  replacement: string;
  note: string;
}

/** Names people still write that no checked Milvus version (2.3.22 … master) reads. */
export const OBSOLETE_KEYS: readonly ObsoleteKey[] = [
  {
    key: 'common.security.tlsEnabled',
    replacement: 'common.security.tlsMode',
    note: 'the old name (still in the Milvus Operator docs); Milvus now reads tlsMode: 0, 1 or 2',
  },
];
