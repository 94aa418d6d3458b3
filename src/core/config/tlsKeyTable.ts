/**
 * The TLS-related Milvus keys as data, from ../shared/docs/milvus-tls-facts.md §1.1 (ParamItem
 * definitions on master unless noted) and the shipped configs/milvus.yaml of 2.3.22 … master.
 * tlsKeys.ts indexes it; hovers show `description`, completions use `allowedValues`.
 */
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

import { DEPENDENCY_TLS_KEYS } from './dependencyTlsKeys';

export type TlsKeyDefinition = Omit<TlsKeyInfo, 'normalisedKey'>;

export const TLS_KEY_DEFINITIONS: TlsKeyDefinition[] = [
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
  ...DEPENDENCY_TLS_KEYS,
];
