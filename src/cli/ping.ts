// `milvus-tls ping`: the connection test on the command line. Prints each step as it finishes (so a
// timeout is visible while it happens), the cause and fix of each failure, and exits 0 only when no
// step failed.
import { readFile } from 'node:fs/promises';
import type { ConnectionTarget } from '../core/connection';
import {
  DEFAULT_TIMEOUT_MS, formatHeader, formatStep, formatVerdict, parseAddress, parsePort, summarizeTarget, testConnection,
} from '../core/connection';
import { reportText } from '../core/visibleText';
import { parseCommandLine } from './args';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';

/** Read when --token is not given, so the secret need not appear in the shell history or `ps`. */
export const TOKEN_ENV = 'MILVUS_TOKEN';

const HELP = `Usage: milvus-tls ping ADDRESS [options]

Tests a TLS connection to Milvus step by step and explains what fails:
  1. TCP connect          2. TLS handshake (version, cipher, chain, client certificate required?)
  3. Go certificate rules (SAN, key usage, expiry: what Milvus and Go clients enforce)
  4. gRPC GetVersion      5. REST POST /v2/vectordb/collections/list (with --http-port)

ADDRESS is host[:port] (default port 19530); an https:// prefix is ignored; IPv6 as [::1]:19530.

Options:
  --ca FILE             CA certificate the server certificate must chain to (ca.pem)
  --cert FILE           client certificate, for tlsMode 2 (client.pem)
  --key FILE            client private key (client.key)
  --server-name NAME    name the server certificate must hold (default: the host)
  --token T             "user:password" or an API token (default: $${TOKEN_ENV}); never printed
  --http-port N         REST port, Milvus proxy.http.port (e.g. 8080); REST is skipped without it
  --timeout MS          time limit per step (default ${DEFAULT_TIMEOUT_MS})
  --max-tls 1.2|1.3     highest TLS version to offer, to see what an older client gets (default 1.3)
  --json                print the report as JSON
  -h, --help            show this help

Exit codes: 0 no step failed (warnings allowed: e.g. "UNAUTHENTICATED" means TLS works and only
credentials are missing; skipped steps too), 1 bad usage or unreadable file, 3 a step failed.`;

interface PingArguments {
  target: ConnectionTarget;
  json: boolean;
}

async function readOption(option: string, path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function wrapped<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function parseArguments(args: string[]): Promise<PingArguments | 'help'> {
  const parsed = parseCommandLine('ping', {
    args,
    allowPositionals: true,
    options: {
      ca: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, 'server-name': { type: 'string' },
      token: { type: 'string' }, 'http-port': { type: 'string' }, timeout: { type: 'string' }, 'max-tls': { type: 'string' },
      json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(`give exactly one ADDRESS\n\n${HELP}`);
  const { host, port } = wrapped(() => parseAddress(positionals[0] ?? ''));
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) {
    throw new UsageError(`--timeout takes milliseconds from 1 to 600000, not '${values.timeout ?? ''}'`);
  }
  const maxTls = values['max-tls'];
  if (maxTls !== undefined && maxTls !== '1.2' && maxTls !== '1.3') throw new UsageError(`--max-tls takes 1.2 or 1.3, not '${maxTls}'`);
  if ((values.cert === undefined) !== (values.key === undefined)) throw new UsageError('--cert and --key go together');
  if (values['server-name'] === '') throw new UsageError('--server-name is empty');
  const token = values.token ?? process.env[TOKEN_ENV];
  const [caPem, certPem, keyPem] = await Promise.all([
    readOption('--ca', values.ca), readOption('--cert', values.cert), readOption('--key', values.key),
  ]);
  const target: ConnectionTarget = {
    host, port, timeoutMs,
    ...(values['http-port'] !== undefined ? { httpPort: wrapped(() => parsePort(values['http-port'] ?? '')) } : {}),
    ...(values['server-name'] !== undefined ? { serverName: values['server-name'] } : {}),
    ...(caPem !== undefined ? { caPem } : {}),
    ...(certPem !== undefined && keyPem !== undefined ? { certPem, keyPem } : {}),
    ...(token !== undefined && token !== '' ? { token } : {}),
    ...(maxTls === '1.2' ? { maxTlsVersion: 'TLSv1.2' as const } : {}),
  };
  return { target, json: values.json === true };
}

export const pingCommand: Subcommand = {
  summary: 'test a TLS connection to Milvus (TCP, TLS, Go rules, gRPC, REST) and explain failures',
  async run(args) {
    const parsed = await parseArguments(args);
    if (parsed === 'help') {
      console.log(HELP);
      return ExitCode.ok;
    }
    const { target, json } = parsed;
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
      console.error(`milvus-tls ping: the test stopped on an unexpected error (${reportText(error instanceof Error ? error.message : String(error))}); please report it`);
      process.exit(ExitCode.failed);
    };
    process.on('uncaughtException', onUncaught);
    if (!json) {
      console.log(formatHeader({ target: summarizeTarget(target) }));
    }
    try {
      const report = await testConnection(target, {
        signal: controller.signal,
        onStep: (step) => { if (!json) console.log(formatStep(step).join('\n')); },
      });
      console.log(json ? JSON.stringify(report, null, 2) : formatVerdict(report));
      return report.ok ? ExitCode.ok : ExitCode.failed;
    } finally {
      process.removeListener('SIGINT', onSigint);
      process.removeListener('uncaughtException', onUncaught);
    }
  },
};
