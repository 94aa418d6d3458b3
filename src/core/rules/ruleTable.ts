/**
 * Every code the rules report (inspection codes aside), with what it means and how to fix it: the
 * README's table, and the type of a finding's code (RuleCode), so a code used nowhere here does not compile.
 */
import type { RuleSeverity } from './types';

export interface RuleDescription {
  code: string;
  severity: RuleSeverity | 'error/warning' | 'warning/information';
  meaning: string;
  fix: string;
}

export const RULES = [
  { code: 'yaml-syntax', severity: 'error', meaning: 'The YAML does not parse: Milvus does not start.', fix: 'Fix the syntax.' },
  {
    code: 'yaml-not-a-mapping',
    severity: 'error',
    meaning: 'The file is a list or a scalar, not a mapping of keys: Milvus does not start.',
    fix: 'Write keys at the top level.',
  },
  {
    code: 'yaml-warning',
    severity: 'warning',
    meaning: 'The YAML parser warns (e.g. an unusual tag): Milvus may read it differently than it looks.',
    fix: 'As the message says.',
  },
  {
    code: 'yaml-alias-limit',
    severity: 'error/warning',
    meaning:
      "An alias refers to the node that contains it (error: Go stops with \"anchor … value contains itself\"), or the file's aliases expand to more than 10,000 nodes (an alias bomb): what the alias holds is not checked. The compose file's limits are reported on milvus.yaml's first line.",
    fix: 'Point the alias elsewhere, or write the values out.',
  },
  {
    code: 'yaml-depth-limit',
    severity: 'warning',
    meaning: 'Mappings or lists nested more than 100 levels deep (written out or through aliases) are not read further.',
    fix: 'Flatten the file; no Milvus setting is that deep.',
  },
  {
    code: 'duplicate-key',
    severity: 'warning',
    meaning: 'A key appears twice in one mapping; Milvus keeps the last and drops this one (a repeated block replaces the first entirely).',
    fix: 'Merge the two.',
  },
  {
    code: 'equivalent-key',
    severity: 'warning',
    meaning: 'Two spellings of one key (`tlsMode`, `TLSMode`); which one Milvus uses is random.',
    fix: 'Keep one.',
  },
  {
    code: 'tls-mode-not-integer',
    severity: 'error',
    meaning: 'tlsMode is not an integer to Go (`"1.0"`, `true`): Milvus silently uses 0, TLS off.',
    fix: 'Set 0, 1 or 2 (quick fix).',
  },
  {
    code: 'tls-mode-unknown',
    severity: 'error',
    meaning: 'tlsMode is an integer other than 0, 1, 2: 2.4.13+ refuse to start ("tls mode must be 0: …").',
    fix: 'Set 0, 1 or 2 (quick fix).',
  },
  {
    code: 'rest-port-shared-with-tls',
    severity: 'error/warning',
    meaning:
      'tlsMode 1/2 with REST on and proxy.http.port empty or equal to proxy.port: 2.4.13+ refuse to start, older versions silently drop REST.',
    fix: 'proxy.http.port: 8080, or proxy.http.enabled: false (quick fixes).',
  },
  {
    code: 'required-path-missing',
    severity: 'error',
    meaning: 'A file the enabled mode loads is not set (mode 1: server cert and key; mode 2: also caPemPath; internal TLS; etcd.ssl).',
    fix: 'Add the key (quick fix), or generate certificates.',
  },
  { code: 'ca-ignored-in-mode-1', severity: 'hint', meaning: 'tls.caPemPath is read only in tlsMode 2.', fix: 'None needed.' },
  {
    code: 'bundled-test-certificate',
    severity: 'warning',
    meaning: "TLS uses the image's configs/cert test certificates, whose CA key is public.",
    fix: 'Generate your own set and mount it.',
  },
  {
    code: 'misplaced-block',
    severity: 'warning',
    meaning: '`tls:`/`internaltls:` nested under another key (e.g. `common:`) is never read.',
    fix: 'Move it to the top level (quick fix).',
  },
  {
    code: 'obsolete-key',
    severity: 'warning',
    meaning: 'common.security.tlsEnabled is not read by any current Milvus.',
    fix: 'Rename to tlsMode (quick fix).',
  },
  {
    code: 'unknown-key',
    severity: 'warning',
    meaning: 'A key Milvus does not know in tls, internaltls or common.security (a typo).',
    fix: 'Did-you-mean rename (quick fix).',
  },
  {
    code: 'file-not-found',
    severity: 'error',
    meaning: 'The container path maps through a compose volume to a workspace file that does not exist.',
    fix: 'Generate Certificates… (quick fix) or fix the path.',
  },
  {
    code: 'path-not-mapped',
    severity: 'hint',
    meaning: 'No compose volume covers the path (or it is in a named volume), so it cannot be checked.',
    fix: 'Mount the folder in the compose service (quick fix).',
  },
  { code: 'file-unreadable', severity: 'error', meaning: 'The mapped file cannot be read.', fix: 'Check permissions.' },
  {
    code: 'expected-certificate',
    severity: 'error',
    meaning: 'A certificate key points at a private key or non-certificate.',
    fix: 'Point it at the certificate.',
  },
  { code: 'expected-private-key', severity: 'error', meaning: 'A key path points at a certificate.', fix: 'Point it at the key.' },
  { code: 'key-encrypted', severity: 'error', meaning: 'Encrypted private key: Go cannot load it.', fix: 'Decrypt it with openssl pkey.' },
  {
    code: 'private-key-in-certificate-file',
    severity: 'warning',
    meaning: 'The certificate file also holds a private key.',
    fix: 'Split them.',
  },
  {
    code: 'key-mismatch',
    severity: 'error',
    meaning: 'The key is not the certificate\'s ("tls: private key does not match public key").',
    fix: 'Use one pair.',
  },
  {
    code: 'server-not-signed-by-ca',
    severity: 'warning',
    meaning: 'The server certificate does not chain to the configured CA.',
    fix: 'Reissue from that CA.',
  },
  {
    code: 'client-not-signed-by-ca',
    severity: 'warning',
    meaning: 'Mode 2: workspace client certificates do not chain to tls.caPemPath.',
    fix: 'Issue clients from that CA.',
  },
  {
    code: 'internal-tls-sni-not-in-san',
    severity: 'error',
    meaning: 'internaltls.sni is not a SAN of internaltls.serverPemPath (Go clients, no CN fallback).',
    fix: 'Set sni to a SAN (quick fix) or reissue.',
  },
  {
    code: 'internal-tls-unsupported-version',
    severity: 'warning',
    meaning: 'Internal TLS with a Milvus image older than 2.5.',
    fix: 'Upgrade, or drop it.',
  },
  { code: 'placeholder-path', severity: 'error', meaning: 'etcd.ssl enabled with a `/path/to/…` placeholder.', fix: 'Set the real path.' },
  {
    code: 'etcd-tls-min-version',
    severity: 'error',
    meaning: 'etcd.ssl.tlsMinVersion not 1.0–1.3: "unknown TLS version".',
    fix: 'Set 1.3 (quick fix).',
  },
  {
    code: 'minio-placeholder-ca',
    severity: 'error',
    meaning: 'minio.useSSL with the placeholder tlsCACert, exported as SSL_CERT_FILE.',
    fix: 'Set the CA path or empty it (quick fix).',
  },
  {
    code: 'minio-tls-min-version',
    severity: 'error',
    meaning: 'minio.ssl.tlsMinVersion not default/1.0–1.3.',
    fix: 'Pick an allowed value (quick fix).',
  },
  {
    code: 'kafka-ssl-without-protocol',
    severity: 'warning',
    meaning: 'kafka.ssl.enabled without kafka.securityProtocol SSL/SASL_SSL: not TLS.',
    fix: 'Add securityProtocol: SSL (quick fix).',
  },
  {
    code: 'overridden-by-environment',
    severity: 'information',
    meaning: 'A compose environment variable overrides this key; rules check the effective value.',
    fix: 'None, or edit the compose file.',
  },
  {
    code: 'file-ignored-by-version',
    severity: 'warning',
    meaning: 'A user.yaml for a Milvus version that reads only milvus.yaml (2.3).',
    fix: 'Put the keys in milvus.yaml.',
  },
  {
    code: 'config-not-mounted',
    severity: 'hint',
    meaning:
      "The compose service does not mount this file where Milvus reads it (the shipped compose files mount none): Milvus uses the image's own milvus.yaml.",
    fix: 'Mount it (quick fix).',
  },
  {
    code: 'path-outside-workspace',
    severity: 'hint',
    meaning: 'The path leads outside the workspace folders: not read in Restricted Mode, nor by the CLI without --allow-outside.',
    fix: 'Trust the workspace, or pass --allow-outside.',
  },
  { code: 'overridden-by-user-yaml', severity: 'information', meaning: 'user.yaml overrides this key.', fix: 'None.' },
  {
    code: 'k8s-key-outside-user-yaml',
    severity: 'warning',
    meaning:
      'A Milvus TLS key in a Helm values file outside `extraConfigFiles.user.yaml` (at the root, as `--set` writes it, or under a component): no chart template passes it to Milvus.',
    fix: 'Move it into user.yaml (quick fix).',
  },
  {
    code: 'k8s-extra-config-not-mounted',
    severity: 'warning',
    meaning: 'An `extraConfigFiles` key other than `user.yaml`: rendered into the ConfigMap, never mounted.',
    fix: 'Rename it to user.yaml (quick fix).',
  },
  {
    code: 'k8s-extra-config-ignored',
    severity: 'warning',
    meaning: '`extraConfigFiles` while `customConfigMap` is set: the chart ignores it.',
    fix: 'Put the settings in that ConfigMap.',
  },
  {
    code: 'k8s-user-yaml-folded',
    severity: 'warning',
    meaning: 'user.yaml written as a folded block (`>`): YAML joins its lines before Milvus reads them.',
    fix: 'Write it with `|` (quick fix).',
  },
  {
    code: 'k8s-path-not-mounted',
    severity: 'error',
    meaning: 'A certificate path no volumeMount of the pod that loads it covers, and not in the image (internal TLS: every component).',
    fix: 'Mount the Secret (global volumes/volumeMounts).',
  },
  {
    code: 'k8s-proxy-mount-standalone',
    severity: 'warning',
    meaning: '`proxy.volumes`/`volumeMounts` in standalone mode: only the proxy Deployment (cluster mode) reads them.',
    fix: 'Use the global lists.',
  },
  {
    code: 'k8s-component-volumes-drop-global',
    severity: 'error',
    meaning:
      "Operator: a component's own `volumes` replaces the global list, dropping the volume a global mount needs; the pod is rejected.",
    fix: "Repeat the volume in the component's list.",
  },
  {
    code: 'k8s-secret-key-mismatch',
    severity: 'error',
    meaning: 'The mounted Secret has no key for the configured file name (`tls.crt` mounted, `server.pem` configured).',
    fix: 'Point the path at the key it has (quick fix).',
  },
  {
    code: 'k8s-tls-secret-without-ca',
    severity: 'error',
    meaning: 'tlsMode 2 with the CA from a `kubernetes.io/tls` Secret, which has no `ca.crt`.',
    fix: 'Add ca.crt, or mount the CA from another Secret.',
  },
  {
    code: 'k8s-secret-pem-folded',
    severity: 'error',
    meaning: 'A PEM in a Secret written without `|`: YAML folds it onto one line, which is not PEM.',
    fix: 'Write it as a literal block (quick fix).',
  },
  {
    code: 'k8s-secret-not-base64',
    severity: 'error',
    meaning: 'A Secret `data` value that is not base64: kubectl apply fails.',
    fix: 'Encode it (quick fix) or use stringData.',
  },
  {
    code: 'k8s-restful-port-mismatch',
    severity: 'warning',
    meaning: 'Operator: `serviceRestfulPort` differs from the REST port Milvus serves (`proxy.http.port`).',
    fix: 'Make them equal (quick fix).',
  },
  {
    code: 'k8s-san-missing',
    severity: 'warning/information',
    meaning:
      'The server certificate does not cover the Service names (`<release>-milvus`, `.<ns>`, `.<ns>.svc`, `.<ns>.svc.cluster.local`) or the ingress hosts; information only while the Helm release name is assumed.',
    fix: 'Reissue with those names (Generate Certificates…).',
  },
  {
    code: 'k8s-ingress-grpc-backend',
    severity: 'error',
    meaning: 'ingress-nginx `backend-protocol: GRPC` (the chart default) in front of a TLS Milvus: cleartext to a TLS port, 502.',
    fix: 'Use GRPCS (quick fix).',
  },
  {
    code: 'k8s-attu-http',
    severity: 'warning',
    meaning: "The chart's Attu dials `http://<release>-milvus:19530`, which a TLS Milvus refuses.",
    fix: 'Run Attu with TLS yourself, or turn it off.',
  },
] as const satisfies readonly RuleDescription[];

/** The code of a rule finding; inspection findings (certificate lint, read errors) bring their own codes. */
export type RuleCode = (typeof RULES)[number]['code'];
