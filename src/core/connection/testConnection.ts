// The connection test: TCP, TLS, Go's certificate rules, a gRPC call and a REST call, in that order,
// each timed, bounded and explained. Pure Node (no editor): the CLI `ping` and the editor's "Test
// Connection" command both render the report it returns.
import tls from 'node:tls';
import type { SecureContext } from 'node:tls';
import type { InspectedCertificate } from '../inspect';
import { readPemCertificates } from '../inspect';
import { formatAddress } from './address';
import { causes } from './causes';
import type { ClassifyContext } from './classify';
import { errorText } from './classify';
import { goRulesStep } from './goRulesStep';
import type { GrpcFacts } from './grpcStep';
import { grpcStep } from './grpcStep';
import { restStep } from './restStep';
import type { StepContext, StepOutcome } from './stepRunner';
import { runStep, skipped } from './stepRunner';
import { tcpStep } from './tcpStep';
import type { TlsFacts } from './tlsStep';
import { tlsStep } from './tlsStep';
import type { ConnectionReport, ConnectionTarget, StepId, StepResult, TargetSummary, TestConnectionOptions } from './types';

export const DEFAULT_TIMEOUT_MS = 5000;

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  tcp: 'TCP connect',
  tls: 'TLS handshake',
  'go-rules': 'Go certificate rules',
  grpc: 'gRPC GetVersion',
  rest: 'REST collections/list',
};

interface Prepared {
  secureContext?: SecureContext;
  withoutClientCert?: SecureContext;
  caCerts: InspectedCertificate[];
  clientChain: InspectedCertificate[];
  /** Why the files cannot be used, when they cannot. */
  problem?: string;
}

/** Builds the TLS contexts once; a bad file becomes a diagnosis rather than an exception. */
function prepare(target: ConnectionTarget, maxVersion: tls.SecureVersion, now: Date): Prepared {
  const prepared: Prepared = { caCerts: [], clientChain: [] };
  const hasCert = target.certPem !== undefined;
  if (hasCert !== (target.keyPem !== undefined)) {
    prepared.problem = hasCert ? 'a client certificate was given without its key' : 'a client key was given without its certificate';
    return prepared;
  }
  try {
    if (target.caPem !== undefined) {
      prepared.caCerts = readPemCertificates(target.caPem, 'CA file', now);
      if (prepared.caCerts.length === 0) throw new Error('the CA file holds no PEM certificate');
    }
    if (target.certPem !== undefined) {
      prepared.clientChain = readPemCertificates(target.certPem, 'client certificate file', now);
      if (prepared.clientChain.length === 0) throw new Error('the client certificate file holds no PEM certificate');
    }
    const base = { minVersion: 'TLSv1.2' as const, maxVersion, ...(target.caPem !== undefined ? { ca: target.caPem } : {}) };
    prepared.secureContext = tls.createSecureContext({ ...base, ...(hasCert ? { cert: target.certPem, key: target.keyPem } : {}) });
    if (hasCert) prepared.withoutClientCert = tls.createSecureContext(base);
  } catch (error) {
    prepared.problem = errorText(error);
  }
  return prepared;
}

/** The target as the report shows it: defaults applied, secrets reduced to "given". */
export function summarizeTarget(target: ConnectionTarget): TargetSummary {
  return {
    host: target.host,
    port: target.port,
    httpPort: target.httpPort,
    serverName: target.serverName ?? target.host,
    caGiven: target.caPem !== undefined,
    clientCertificateGiven: target.certPem !== undefined,
    tokenGiven: target.token !== undefined,
    timeoutMs: target.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxTlsVersion: target.maxTlsVersion ?? 'TLSv1.3',
  };
}

export async function testConnection(target: ConnectionTarget, options: TestConnectionOptions = {}): Promise<ConnectionReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const now = options.now ?? new Date();
  const summary = summarizeTarget(target);
  const { host, port, serverName, timeoutMs } = summary;
  const grpcWhere = formatAddress(host, port);
  const classify = (role: 'grpc' | 'rest', where: string): ClassifyContext => ({
    where,
    host,
    serverName,
    role,
    caGiven: summary.caGiven,
    clientCertSent: summary.clientCertificateGiven,
    maxTlsVersion: summary.maxTlsVersion,
  });
  const prepared = prepare(target, summary.maxTlsVersion, now);
  const steps: StepResult[] = [];
  const tlsFacts: TlsFacts = { chain: [], nodeAcceptedName: false, clientCertRequired: undefined };
  const grpcFacts: GrpcFacts = {};

  const record = (step: StepResult): StepResult => {
    steps.push(step);
    options.onStep?.(step);
    return step;
  };
  const step = async (id: StepId, where: string, body: (context: StepContext) => Promise<StepOutcome>): Promise<StepResult> => {
    if (options.signal?.aborted) return record(skipped(id, STEP_TITLES[id], 'Cancelled.'));
    options.onStepStart?.(id, STEP_TITLES[id]);
    return record(await runStep(id, STEP_TITLES[id], where, timeoutMs, options.signal, body));
  };
  const skip = (id: StepId, why: string): StepResult => record(skipped(id, STEP_TITLES[id], why));

  const tcp = await step('tcp', grpcWhere, (context) => tcpStep(host, port, classify('grpc', grpcWhere), context));

  let tlsResult: StepResult;
  const secureContext = prepared.secureContext;
  if (!secureContext) {
    tlsResult = record({
      id: 'tls',
      title: STEP_TITLES.tls,
      status: 'fail',
      durationMs: 0,
      summary: `The TLS files cannot be used: ${prepared.problem ?? '?'}.`,
      details: [],
      cause: causes.invalidClientFiles(prepared.problem ?? '?'),
    });
  } else if (tcp.status !== 'pass') tlsResult = skip('tls', 'No TCP connection.');
  else {
    tlsResult = await step('tls', grpcWhere, (context) =>
      tlsStep(
        {
          host,
          port,
          serverName,
          classify: classify('grpc', grpcWhere),
          secureContext,
          ...(prepared.withoutClientCert ? { withoutClientCert: prepared.withoutClientCert } : {}),
          caCerts: prepared.caCerts,
          clientChain: prepared.clientChain,
          now,
        },
        context,
        tlsFacts,
      ),
    );
  }

  if (tlsFacts.chain.length === 0 && prepared.clientChain.length === 0) skip('go-rules', 'No certificate to check.');
  else {
    await step('go-rules', grpcWhere, () =>
      Promise.resolve(
        goRulesStep({
          chain: tlsFacts.chain,
          serverName,
          nodeAcceptedName: tlsFacts.nodeAcceptedName,
          clientChain: prepared.clientChain,
          caCerts: prepared.caCerts,
          now,
        }),
      ),
    );
  }

  if (tlsResult.status !== 'pass' || !secureContext) skip('grpc', 'The TLS handshake did not succeed.');
  else {
    await step('grpc', grpcWhere, (context) =>
      grpcStep(
        {
          target: grpcWhere,
          host,
          serverName,
          secureContext,
          classify: classify('grpc', grpcWhere),
          ...(target.token !== undefined ? { token: target.token } : {}),
          ...(tlsFacts.notHttp2Answer !== undefined ? { notHttp2Answer: tlsFacts.notHttp2Answer } : {}),
        },
        context,
        grpcFacts,
      ),
    );
  }

  const httpPort = target.httpPort;
  if (httpPort === undefined) skip('rest', 'No HTTP port given: under TLS Milvus serves REST on proxy.http.port (e.g. 8080).');
  else if (!secureContext) skip('rest', 'The TLS files cannot be used.');
  // Credentials go only to a server that answered on the gRPC port: a REST port alone is not enough to send them to.
  else if (target.token !== undefined && tcp.status !== 'pass') {
    skip('rest', 'The gRPC port did not answer, so the credentials are not sent to the REST port.');
  } else {
    const restWhere = formatAddress(host, httpPort);
    await step('rest', restWhere, (context) =>
      restStep(
        {
          host,
          httpPort,
          grpcPort: port,
          serverName,
          secureContext,
          classify: classify('rest', restWhere),
          ...(target.token !== undefined ? { token: target.token } : {}),
        },
        context,
      ),
    );
  }

  const cancelled = options.signal?.aborted === true;
  return {
    target: summary,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    steps,
    ok: !cancelled && steps.every((s) => s.status !== 'fail'),
    cancelled,
    ...(grpcFacts.version !== undefined ? { serverVersion: grpcFacts.version } : {}),
  };
}
