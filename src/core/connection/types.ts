// The connection test's data: plain JSON-serialisable objects, so the CLI can print them with --json,
// the editor can render them and a report can be attached to an issue as it is.

/** What to connect to, with which files. PEM contents, not paths: the caller reads the files. */
export interface ConnectionTarget {
  host: string;
  /** The external gRPC port, Milvus `proxy.port` (19530). */
  port: number;
  /** The REST port, Milvus `proxy.http.port`; REST is skipped when absent. */
  httpPort?: number;
  /** Name the server certificate must carry (SNI and name check); defaults to `host`. */
  serverName?: string;
  /** Trust root(s) for the server certificate (ca.pem); system roots when absent. */
  caPem?: string;
  /** Client certificate and key, for tlsMode 2. Both or neither. */
  certPem?: string;
  keyPem?: string;
  /** "user:password" or an API token. Never logged, never put in the report. */
  token?: string;
  /** Per step. Default 5000. */
  timeoutMs?: number;
  /** Highest TLS version offered, to check what an older client would get (mode 2 requires 1.3). */
  maxTlsVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export type StepId = 'tcp' | 'tls' | 'go-rules' | 'grpc' | 'rest';

export type StepStatus = 'pass' | 'fail' | 'warn' | 'skipped';

/** Stable diagnosis codes: the editor and scripts key on them, so never rename one. */
export type CauseCode =
  | 'connection-refused'
  | 'timeout'
  | 'host-not-found'
  | 'host-unreachable'
  | 'network-error'
  | 'plaintext-server'
  | 'tls-handshake-failed'
  | 'tls-version-too-old'
  | 'unknown-ca'
  | 'hostname-mismatch'
  | 'cn-only-certificate'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'certificate-expiring'
  | 'server-certificate-wrong-usage'
  | 'client-certificate-wrong-usage'
  | 'client-certificate-required'
  | 'client-certificate-rejected'
  | 'client-certificate-not-from-ca'
  | 'invalid-client-files'
  | 'rest-on-grpc-port'
  | 'unexpected-response'
  | 'not-milvus'
  | 'protocol-error'
  | 'unauthenticated'
  | 'server-error';

/** Milvus configuration keys a cause can point at, so the editor can link to the line. */
export type ConfigKey =
  | 'common.security.tlsMode'
  | 'common.security.authorizationEnabled'
  | 'tls.serverPemPath'
  | 'tls.serverKeyPath'
  | 'tls.caPemPath'
  | 'proxy.port'
  | 'proxy.http.port'
  | 'proxy.http.enabled';

export interface Cause {
  code: CauseCode;
  /** What is wrong, in plain words; may quote the error the user saw. */
  message: string;
  /** What to change. */
  fix: string;
  configKey?: ConfigKey;
}

export interface StepResult {
  id: StepId;
  title: string;
  status: StepStatus;
  durationMs: number;
  /** One line, plain words. */
  summary: string;
  /** Facts observed (protocol, cipher, chain, version...), one per line. Never secrets. */
  details: string[];
  cause?: Cause;
  /** Further findings of the same step (e.g. several Go rule violations); `cause` is the first. */
  moreCauses?: Cause[];
}

/** What was tested, without secrets. */
export interface TargetSummary {
  host: string;
  port: number;
  httpPort: number | undefined;
  serverName: string;
  caGiven: boolean;
  clientCertificateGiven: boolean;
  tokenGiven: boolean;
  timeoutMs: number;
  maxTlsVersion: 'TLSv1.2' | 'TLSv1.3';
}

export interface ConnectionReport {
  target: TargetSummary;
  /** ISO time. */
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
  /** No step failed and the run was not cancelled (warn and skipped count as success). */
  ok: boolean;
  cancelled: boolean;
  /** From GetVersion, when the gRPC call answered. */
  serverVersion?: string;
}

export interface TestConnectionOptions {
  signal?: AbortSignal;
  /** Called when a step starts, for progress UIs. */
  onStepStart?(id: StepId, title: string): void;
  /** Called with each finished step, in order. */
  onStep?(step: StepResult): void;
  /** Clock for the expiry checks (tests). */
  now?: Date;
}
