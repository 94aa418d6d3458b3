// `milvus-tls ping`: the connection test on the command line. Prints each step as it finishes (so a
// timeout is visible while it happens), the cause and fix of each failure, and exits 0 only when no
// step failed.
import path from 'node:path';
import type { ConnectionTarget } from '../core/connection';
import {
  DEFAULT_TIMEOUT_MS,
  formatHeader,
  formatStep,
  formatVerdict,
  parseAddress,
  parsePort,
  summarizeTarget,
  testConnection,
} from '../core/connection';
import type { Provenance, ResolveContext } from '../core/deployment';
import type { ClientFile, ConnectionChoice, ConnectionPlan } from '../core/usecases';
import { ClientFileUnreadableError, connectionTarget, defaultServerName, describeChoice, userInput } from '../core/usecases';
import { reportText, visibleControls } from '../core/visibleText';
import { parseCommandLine } from './args';
import { cliConnectionPlan, cliDeployment, DIR_HELP } from './deploymentOption';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';
import { cliContext } from './workspace';

/** Read when --token is not given, so the secret need not appear in the shell history or `ps`. */
export const TOKEN_ENV = 'MILVUS_TOKEN';

const HELP = `Usage: milvus-tls ping [ADDRESS] [options]

Tests a TLS connection to Milvus step by step and explains what fails:
  1. TCP connect          2. TLS handshake (version, cipher, chain, client certificate required?)
  3. Go certificate rules (SAN, key usage, expiry: what Milvus and Go clients enforce)
  4. gRPC GetVersion      5. REST POST /v2/vectordb/collections/list (when a REST port is known)

ADDRESS is host[:port] (default port 19530); an https:// prefix is ignored; IPv6 as [::1]:19530.
Without ADDRESS (or with --dir), the deployment in the folder (docker-compose.yml, milvus.yaml) gives
the address (its published port), tlsMode, CA, client certificate and key, server name and REST
port; ping prints each with where it came from. Options override them.

Options:
  ${DIR_HELP}
  --ca FILE             CA certificate the server certificate must chain to (ca.pem)
  --cert FILE           client certificate, for tlsMode 2 (client.pem)
  --key FILE            client private key (client.key)
  --server-name NAME    name the server certificate must hold (default: a SAN of the server certificate, else the host)
  --token T             "user:password" or an API token (default: $${TOKEN_ENV}); never printed
  --http-port N         REST port, Milvus proxy.http.port (e.g. 8080); REST is skipped without one
  --timeout MS          time limit per step (default ${DEFAULT_TIMEOUT_MS})
  --max-tls 1.2|1.3     highest TLS version to offer, to see what an older client gets (default 1.3)
  --json                print the report as JSON (with "inputs": what was used and where it came from)
  -h, --help            show this help

Exit codes: 0 no step failed (warnings allowed: e.g. "UNAUTHENTICATED" means TLS works and only
credentials are missing; skipped steps too), 1 bad usage or unreadable file, 3 a step failed.`;

const OPTIONS = {
  dir: { type: 'string' },
  ca: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'server-name': { type: 'string' },
  token: { type: 'string' },
  'http-port': { type: 'string' },
  timeout: { type: 'string' },
  'max-tls': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface PingArguments {
  target: ConnectionTarget;
  json: boolean;
  /** What was used and where it came from, one line each. */
  inputs: string[];
}

function wrapped<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const FLAG = (flag: string): Provenance => userInput(`${flag} on the command line`);

function flagFile(option: string, value: string | undefined): ClientFile | undefined {
  return value === undefined ? undefined : { path: path.resolve(value), from: FLAG(option) };
}

function chooseInputs(
  values: Record<string, string | boolean | undefined>,
  address: string | undefined,
  plan: ConnectionPlan | undefined,
): Omit<ConnectionChoice, 'timeoutMs'> {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
  const parsed = address !== undefined ? wrapped(() => parseAddress(address)) : undefined;
  const host = parsed
    ? { value: parsed.host, from: FLAG('ADDRESS') }
    : (plan?.grpc.host ?? { value: 'localhost', from: userInput('the default') });
  const port = parsed
    ? { value: parsed.port, from: FLAG('ADDRESS') }
    : (plan?.grpc.port ?? { value: 19530, from: userInput('the default') });
  const cert = flagFile('--cert', text('cert'));
  const planMode = plan?.mode;
  const mode: ConnectionChoice['mode'] = cert
    ? { value: 2, from: FLAG('--cert') }
    : planMode && (planMode.value === 1 || planMode.value === 2)
      ? { value: planMode.value, from: planMode.from }
      : {
          value: 1,
          from: userInput(
            planMode
              ? `tlsMode is ${planMode.value} (${planMode.from.text}): tested as one-way TLS`
              : 'one-way TLS (no client certificate given)',
          ),
        };
  const serverNameFlag = text('server-name');
  const serverName =
    serverNameFlag !== undefined
      ? { value: serverNameFlag, from: FLAG('--server-name') }
      : plan
        ? defaultServerName(plan, host.value)
        : undefined;
  const httpPortFlag = text('http-port');
  const restPort =
    httpPortFlag !== undefined ? { value: wrapped(() => parsePort(httpPortFlag)), from: FLAG('--http-port') } : plan?.rest?.port;
  const ca = flagFile('--ca', text('ca')) ?? plan?.ca;
  const clientCertificate = cert ?? (mode.value === 2 ? plan?.clientCertificate : undefined);
  const clientKey = flagFile('--key', text('key')) ?? (mode.value === 2 ? plan?.clientKey : undefined);
  return {
    host,
    port,
    mode,
    ...(ca ? { ca } : {}),
    ...(clientCertificate ? { clientCertificate } : {}),
    ...(clientKey ? { clientKey } : {}),
    ...(serverName ? { serverName } : {}),
    ...(restPort ? { restPort } : {}),
  };
}

async function parseArguments(args: string[]): Promise<PingArguments | 'help'> {
  const { values, positionals } = parseCommandLine('ping', { args, allowPositionals: true, options: OPTIONS });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError(`give at most one ADDRESS\n\n${HELP}`);
  const address = positionals[0];
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) {
    throw new UsageError(`--timeout takes milliseconds from 1 to 600000, not '${values.timeout ?? ''}'`);
  }
  const maxTls = values['max-tls'];
  if (maxTls !== undefined && maxTls !== '1.2' && maxTls !== '1.3') throw new UsageError(`--max-tls takes 1.2 or 1.3, not '${maxTls}'`);
  if ((values.cert === undefined) !== (values.key === undefined)) throw new UsageError('--cert and --key go together');
  if (values['server-name'] === '') throw new UsageError('--server-name is empty');
  const explicit = [values.ca, values.cert, values.key].filter((file): file is string => file !== undefined);
  const context: ResolveContext = cliContext({ dir: path.resolve(values.dir ?? '.'), explicitPaths: explicit });
  const inputs: string[] = [];
  let plan: ConnectionPlan | undefined;
  if (address === undefined || values.dir !== undefined) {
    const found = await cliDeployment(values.dir, context);
    if (address === undefined && !found.deployment) throw new UsageError(`give an ADDRESS: ${found.note}\n\n${HELP}`);
    inputs.push(found.note);
    plan = await cliConnectionPlan(found, context);
  }
  const token = values.token ?? process.env[TOKEN_ENV];
  const choice: ConnectionChoice = {
    ...chooseInputs(values, address, plan),
    timeoutMs,
    ...(token !== undefined && token !== '' ? { token } : {}),
    ...(maxTls === '1.2' ? { maxTlsVersion: 'TLSv1.2' as const } : {}),
  };
  if (plan) inputs.push(...describeChoice(choice));
  let target: ConnectionTarget;
  try {
    target = await connectionTarget(choice, context);
  } catch (error) {
    if (error instanceof ClientFileUnreadableError) throw new UsageError(error.message);
    throw error;
  }
  return { target, json: values.json === true, inputs };
}

export const pingCommand: Subcommand = {
  async run(args) {
    const parsed = await parseArguments(args);
    if (parsed === 'help') {
      console.log(HELP);
      return ExitCode.ok;
    }
    const { target, json, inputs } = parsed;
    // grpc-js puts IP addresses in SNI, which makes Node print DEP0123 to stderr for `ping 10.0.0.5`:
    // noise about a library, not about the user's setup.
    process.noDeprecation = true;
    // Ctrl-C stops the running step cleanly and still prints what was found.
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    // The steps turn every server answer into a diagnosis (hostileServers.test.ts). Should a socket
    // event ever throw anyway, the user gets one line and exit 3, not a stack trace.
    const onUncaught = (error: unknown): void => {
      console.error(
        `milvus-tls ping: the test stopped on an unexpected error (${reportText(error instanceof Error ? error.message : String(error))}); please report it`,
      );
      process.exit(ExitCode.failed);
    };
    process.on('uncaughtException', onUncaught);
    if (!json) {
      // Paths and names from the workspace's files: shown, never interpreted by the terminal.
      for (const line of inputs) console.log(visibleControls(line));
      console.log(formatHeader({ target: summarizeTarget(target) }));
    }
    try {
      const report = await testConnection(target, {
        signal: controller.signal,
        onStep: (step) => {
          if (!json) console.log(formatStep(step).join('\n'));
        },
      });
      console.log(json ? JSON.stringify({ ...report, inputs }, null, 2) : formatVerdict(report));
      return report.ok ? ExitCode.ok : ExitCode.failed;
    } finally {
      process.removeListener('SIGINT', onSigint);
      process.removeListener('uncaughtException', onUncaught);
    }
  },
};
