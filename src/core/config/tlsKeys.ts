/**
 * The TLS-related Milvus keys, from ../shared/docs/milvus-tls-facts.md §1.1 (ParamItem
 * definitions on master unless noted) and the shipped configs/milvus.yaml of 2.3.22 … master.
 * Hovers show `description`, completions use `allowedValues`, typo rules use the child lists.
 */
import { normaliseKey } from './keyNormalisation';

export type TlsKeyType = 'int' | 'bool' | 'path' | 'string' | 'port';
export type TlsKeyGroup = 'external-tls' | 'internal-tls' | 'rest' | 'proxy' | 'etcd' | 'tikv' | 'minio' | 'kafka' | 'trace' | 'cdc';

export interface AllowedValue {
  value: string;
  meaning: string;
}

export interface TlsKeyInfo {
  /** Canonical spelling, dotted: `common.security.tlsMode`. */
  key: string;
  normalisedKey: string;
  type: TlsKeyType;
  group: TlsKeyGroup;
  /** ParamItem `DefaultValue` used when the key is absent everywhere; undefined when there is none. */
  codeDefault?: string;
  /** ParamItem `Version` (when Milvus says the key appeared). */
  since?: string;
  /** First checked release line whose shipped milvus.yaml has the key. */
  inShippedYamlFrom?: string;
  description: string;
  allowedValues?: AllowedValue[];
  /** Where Milvus defines it (master unless noted). */
  definedAt: string;
}

type TlsKeyDefinition = Omit<TlsKeyInfo, 'normalisedKey'>;

const DEFINITIONS: TlsKeyDefinition[] = [
  {
    key: 'common.security.tlsMode',
    type: 'int',
    group: 'external-tls',
    codeDefault: '0',
    since: '2.0.0',
    inShippedYamlFrom: '2.3',
    description:
      'TLS on the external gRPC port (proxy.port, 19530) and the REST port. Read with strconv.Atoi: a value that is not a plain integer (`1.0` in quotes, `true`, ` 1`) silently becomes 0, i.e. no TLS.',
    allowedValues: [
      { value: '0', meaning: 'no TLS' },
      {
        value: '1',
        meaning:
          'one-way TLS: the server presents tls.serverPemPath/serverKeyPath; clients need the CA (or the server certificate) to verify it',
      },
      {
        value: '2',
        meaning:
          'mutual TLS: as 1, and clients must present a certificate signed by tls.caPemPath (TLS 1.3 only, client certificate needs the clientAuth EKU)',
      },
    ],
    definedAt: 'pkg/util/paramtable/grpc_param.go:111-117',
  },
  {
    key: 'tls.serverPemPath',
    type: 'path',
    group: 'external-tls',
    inShippedYamlFrom: '2.3',
    description:
      'Server certificate (PEM, may include the chain) for the external gRPC and REST ports. Relative paths resolve against /milvus in the container.',
    definedAt: 'grpc_param.go:119-124',
  },
  {
    key: 'tls.serverKeyPath',
    type: 'path',
    group: 'external-tls',
    inShippedYamlFrom: '2.3',
    description: 'PEM private key of tls.serverPemPath.',
    definedAt: 'grpc_param.go:126-131',
  },
  {
    key: 'tls.caPemPath',
    type: 'path',
    group: 'external-tls',
    inShippedYamlFrom: '2.3',
    description: 'CA certificate(s) used only when tlsMode is 2, to verify client certificates. Ignored in mode 1.',
    definedAt: 'grpc_param.go:133-138',
  },
  {
    key: 'common.security.internaltlsEnabled',
    type: 'bool',
    group: 'internal-tls',
    codeDefault: 'false',
    since: '2.5.0',
    inShippedYamlFrom: '2.5',
    description:
      'TLS between Milvus components (one-way). Needs the internaltls.* paths; the client side is Go, so internaltls.sni must be a SAN of the server certificate.',
    allowedValues: [
      { value: 'true', meaning: 'internal TLS on' },
      { value: 'false', meaning: 'internal TLS off' },
    ],
    definedAt: 'grpc_param.go:572-578',
  },
  {
    key: 'internaltls.serverPemPath',
    type: 'path',
    group: 'internal-tls',
    since: '2.5.0',
    inShippedYamlFrom: '2.5',
    description: 'Server certificate every component presents on its internal gRPC port.',
    definedAt: 'grpc_param.go:580-599',
  },
  {
    key: 'internaltls.serverKeyPath',
    type: 'path',
    group: 'internal-tls',
    since: '2.5.0',
    inShippedYamlFrom: '2.5',
    description: 'Private key of internaltls.serverPemPath.',
    definedAt: 'grpc_param.go:580-599',
  },
  {
    key: 'internaltls.caPemPath',
    type: 'path',
    group: 'internal-tls',
    since: '2.5.0',
    inShippedYamlFrom: '2.5',
    description: 'CA the components trust when they call each other.',
    definedAt: 'grpc_param.go:580-599',
  },
  {
    key: 'internaltls.sni',
    type: 'string',
    group: 'internal-tls',
    since: '2.5.0',
    inShippedYamlFrom: '2.5',
    description:
      'Server name the components verify; "should be the same as the name provided by the certificates" (a SAN: Go ignores the CN).',
    definedAt: 'grpc_param.go:601-607',
  },
  {
    key: 'proxy.http.enabled',
    type: 'bool',
    group: 'rest',
    codeDefault: 'true',
    inShippedYamlFrom: '2.3',
    description:
      'REST (HTTP) server on or off. With tlsMode 1 or 2 on 2.4.13+, either this is false or proxy.http.port is a separate port, or Milvus does not start.',
    allowedValues: [
      { value: 'true', meaning: 'serve REST' },
      { value: 'false', meaning: 'no REST server' },
    ],
    definedAt: 'pkg/util/paramtable/http_param.go:39-40',
  },
  {
    key: 'proxy.http.port',
    type: 'port',
    group: 'rest',
    since: '2.3.0',
    inShippedYamlFrom: '2.4',
    description:
      'REST port. Empty means REST shares proxy.port (19530) with gRPC, which only works with tlsMode 0 (2.4.13+ refuse to start otherwise; older versions silently stop serving REST).',
    definedAt: 'http_param.go:57-62',
  },
  {
    key: 'proxy.http.enableHSTS',
    type: 'bool',
    group: 'rest',
    codeDefault: 'false',
    inShippedYamlFrom: '2.6',
    description: 'Send a Strict-Transport-Security header on REST responses.',
    definedAt: 'http_param.go:139-158',
  },
  {
    key: 'proxy.http.hstsMaxAge',
    type: 'int',
    group: 'rest',
    codeDefault: '31536000',
    inShippedYamlFrom: '2.6',
    description: 'Strict-Transport-Security max-age in seconds.',
    definedAt: 'http_param.go:139-158',
  },
  {
    key: 'proxy.http.hstsIncludeSubDomains',
    type: 'bool',
    group: 'rest',
    codeDefault: 'false',
    inShippedYamlFrom: '2.6',
    description: 'Add includeSubDomains to Strict-Transport-Security.',
    definedAt: 'http_param.go:139-158',
  },
  {
    key: 'proxy.port',
    type: 'port',
    group: 'proxy',
    codeDefault: '19530',
    inShippedYamlFrom: '2.3',
    description: 'External gRPC port (TLS per common.security.tlsMode).',
    definedAt: 'grpc_param.go:63-64,94-107',
  },
  {
    key: 'proxy.internalPort',
    type: 'port',
    group: 'proxy',
    codeDefault: '19529',
    inShippedYamlFrom: '2.3',
    description: 'Internal gRPC port, secured only by internal TLS.',
    definedAt: 'grpc_param.go:63-64,94-107',
  },
  {
    key: 'etcd.ssl.enabled',
    type: 'bool',
    group: 'etcd',
    codeDefault: 'false',
    inShippedYamlFrom: '2.3',
    description: 'TLS to etcd. When on, a client certificate and key are mandatory (Milvus always loads the key pair).',
    definedAt: 'pkg/util/paramtable/service_param.go:240-247',
  },
  {
    key: 'etcd.ssl.tlsCert',
    type: 'path',
    group: 'etcd',
    inShippedYamlFrom: '2.3',
    description: 'Client certificate for etcd (the shipped value /path/to/etcd-client.pem is a placeholder).',
    definedAt: 'service_param.go:249-271',
  },
  {
    key: 'etcd.ssl.tlsKey',
    type: 'path',
    group: 'etcd',
    inShippedYamlFrom: '2.3',
    description: 'Client private key for etcd (placeholder /path/to/etcd-client-key.pem when shipped).',
    definedAt: 'service_param.go:249-271',
  },
  {
    key: 'etcd.ssl.tlsCACert',
    type: 'path',
    group: 'etcd',
    inShippedYamlFrom: '2.3',
    description: 'CA that signed the etcd server certificate (placeholder /path/to/ca.pem when shipped).',
    definedAt: 'service_param.go:249-271',
  },
  {
    key: 'etcd.ssl.tlsMinVersion',
    type: 'string',
    group: 'etcd',
    codeDefault: '1.3',
    inShippedYamlFrom: '2.3',
    description: 'Minimum TLS version towards etcd; anything else fails with "unknown TLS version".',
    allowedValues: ['1.0', '1.1', '1.2', '1.3'].map((value) => ({ value, meaning: `TLS ${value}` })),
    definedAt: 'service_param.go:273-281',
  },
  {
    key: 'tikv.ssl.enabled',
    type: 'bool',
    group: 'tikv',
    codeDefault: 'false',
    since: '2.3.0',
    inShippedYamlFrom: '2.4',
    description: 'TLS to TiKV.',
    definedAt: 'service_param.go:485-515',
  },
  {
    key: 'tikv.ssl.tlsCert',
    type: 'path',
    group: 'tikv',
    since: '2.3.0',
    inShippedYamlFrom: '2.4',
    description: 'Client certificate for TiKV.',
    definedAt: 'service_param.go:485-515',
  },
  {
    key: 'tikv.ssl.tlsKey',
    type: 'path',
    group: 'tikv',
    since: '2.3.0',
    inShippedYamlFrom: '2.4',
    description: 'Client private key for TiKV.',
    definedAt: 'service_param.go:485-515',
  },
  {
    key: 'tikv.ssl.tlsCACert',
    type: 'path',
    group: 'tikv',
    since: '2.3.0',
    inShippedYamlFrom: '2.4',
    description: 'CA for the TiKV server certificate.',
    definedAt: 'service_param.go:485-515',
  },
  {
    key: 'minio.useSSL',
    type: 'bool',
    group: 'minio',
    codeDefault: 'false',
    inShippedYamlFrom: '2.3',
    description: 'HTTPS to MinIO/S3. Must not be empty (PanicIfEmpty). There is no client certificate for MinIO.',
    allowedValues: [
      { value: 'true', meaning: 'HTTPS' },
      { value: 'false', meaning: 'HTTP' },
    ],
    definedAt: 'service_param.go:1632-1640',
  },
  {
    key: 'minio.ssl.tlsCACert',
    type: 'path',
    group: 'minio',
    codeDefault: '',
    since: '2.3.12',
    inShippedYamlFrom: '2.3',
    description:
      'CA for MinIO/S3; exported as SSL_CERT_FILE when useSSL is true and the value is non-empty. Shipped as the placeholder /path/to/public.crt up to 2.6.x, empty from 3.0.',
    definedAt: 'service_param.go:1652-1659',
  },
  {
    key: 'minio.ssl.tlsMinVersion',
    type: 'string',
    group: 'minio',
    codeDefault: 'default',
    since: '2.6.11',
    inShippedYamlFrom: '2.6',
    description: 'Minimum TLS version towards MinIO/S3.',
    allowedValues: [
      { value: 'default', meaning: "the Go client's default" },
      ...['1.0', '1.1', '1.2', '1.3'].map((value) => ({ value, meaning: `TLS ${value}` })),
    ],
    definedAt: 'service_param.go:1661-1670',
  },
  {
    key: 'kafka.securityProtocol',
    type: 'string',
    group: 'kafka',
    codeDefault: '',
    description: 'librdkafka security.protocol. kafka.ssl.enabled does not set it: use SSL or SASL_SSL for TLS.',
    allowedValues: ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].map((value) => ({
      value,
      meaning: `librdkafka security.protocol=${value}`,
    })),
    definedAt: 'service_param.go:1346-1376',
  },
  {
    key: 'kafka.saslMechanisms',
    type: 'string',
    group: 'kafka',
    codeDefault: '',
    description: 'librdkafka sasl.mechanisms.',
    definedAt: 'service_param.go:1346-1376',
  },
  {
    key: 'kafka.saslUsername',
    type: 'string',
    group: 'kafka',
    codeDefault: '',
    description: 'librdkafka sasl.username.',
    definedAt: 'service_param.go:1346-1376',
  },
  {
    key: 'kafka.saslPassword',
    type: 'string',
    group: 'kafka',
    codeDefault: '',
    description: 'librdkafka sasl.password.',
    definedAt: 'service_param.go:1346-1376',
  },
  {
    key: 'kafka.ssl.enabled',
    type: 'bool',
    group: 'kafka',
    codeDefault: 'false',
    since: '2.3.11',
    description: 'Pass the kafka.ssl.* files to librdkafka (needs kafka.securityProtocol SSL or SASL_SSL to actually use TLS).',
    definedAt: 'service_param.go:1378-1385',
  },
  {
    key: 'kafka.ssl.tlsCert',
    type: 'path',
    group: 'kafka',
    description: 'librdkafka ssl.certificate.location (client certificate).',
    definedAt: 'service_param.go:1387-1416',
  },
  {
    key: 'kafka.ssl.tlsKey',
    type: 'path',
    group: 'kafka',
    description: 'librdkafka ssl.key.location (client key).',
    definedAt: 'service_param.go:1387-1416',
  },
  {
    key: 'kafka.ssl.tlsCaCert',
    type: 'path',
    group: 'kafka',
    description: 'librdkafka ssl.ca.location (broker CA). 2.3 spells it tlsCACert: the same key after normalisation.',
    definedAt: 'service_param.go:1387-1416',
  },
  {
    key: 'kafka.ssl.tlsKeyPassword',
    type: 'string',
    group: 'kafka',
    description: 'librdkafka ssl.key.password.',
    definedAt: 'service_param.go:1387-1416',
  },
  {
    key: 'trace.otlp.secure',
    type: 'bool',
    group: 'trace',
    codeDefault: 'true',
    description: 'TLS for the OTLP trace exporter.',
    definedAt: 'pkg/util/paramtable/component_param.go:1691-1697',
  },
];

export const TLS_KEYS: readonly TlsKeyInfo[] = DEFINITIONS.map((definition) => ({
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
