/**
 * A connection test's inputs as chosen: the plan's values, with whatever the user overrode (flags,
 * settings, the input box), each with where it came from. One function turns it into the
 * ConnectionTarget (reading the files through the workspace file system) and one describes it, so
 * `milvus-tls ping` and Test Connection print the same "used … (from …)" lines.
 */
import type { ConnectionTarget } from '../connection';
import type { Provenance, ResolveContext, Traced } from '../deployment';
import type { ClientFile } from './connectionPlan';
import { readClientFile } from './connectionPlan';

export interface ConnectionChoice {
  host: Traced<string>;
  port: Traced<number>;
  mode: Traced<1 | 2>;
  ca?: ClientFile;
  clientCertificate?: ClientFile;
  clientKey?: ClientFile;
  /** Undefined: the host is the name. */
  serverName?: Traced<string>;
  /** Undefined: REST is not tested. */
  restPort?: Traced<number>;
  timeoutMs: number;
  /** Never described, never logged. */
  token?: string;
  maxTlsVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export function userInput(text: string): Provenance {
  return { kind: 'user', text };
}

/** Whether a value was decided by the workspace (its files or settings) rather than by the user or a default. */
export function decidedByWorkspace(from: Provenance): boolean {
  return from.kind !== 'user' && from.kind !== 'default';
}

/**
 * The endpoints a credential would be sent to whose host or port the workspace decided: Test
 * Connection asks before sending a stored credential to any of them (a cloned repository can point
 * the REST port of its compose file at a listener of its own).
 */
export function workspaceDecidedEndpoints(choice: ConnectionChoice): string[] {
  const host = choice.host.value.includes(':') ? `[${choice.host.value}]` : choice.host.value;
  const endpoints: string[] = [];
  if (decidedByWorkspace(choice.host.from) || decidedByWorkspace(choice.port.from)) endpoints.push(`${host}:${choice.port.value}`);
  if (choice.restPort && (decidedByWorkspace(choice.restPort.from) || decidedByWorkspace(choice.host.from))) {
    endpoints.push(`${host}:${choice.restPort.value} (REST)`);
  }
  return endpoints;
}

export class ClientFileUnreadableError extends Error {
  override readonly name = 'ClientFileUnreadableError';
}

async function pem(file: ClientFile | undefined, context: ResolveContext): Promise<string | undefined> {
  if (!file) return undefined;
  const bytes = await readClientFile(file, context);
  if (!bytes) throw new ClientFileUnreadableError(`cannot read ${file.path}`);
  return bytes.toString('utf8');
}

export async function connectionTarget(choice: ConnectionChoice, context: ResolveContext): Promise<ConnectionTarget> {
  const [caPem, certPem, keyPem] = await Promise.all([
    pem(choice.ca, context),
    choice.mode.value === 2 ? pem(choice.clientCertificate, context) : undefined,
    choice.mode.value === 2 ? pem(choice.clientKey, context) : undefined,
  ]);
  return {
    host: choice.host.value,
    port: choice.port.value,
    timeoutMs: choice.timeoutMs,
    ...(caPem !== undefined ? { caPem } : {}),
    ...(certPem !== undefined && keyPem !== undefined ? { certPem, keyPem } : {}),
    ...(choice.serverName ? { serverName: choice.serverName.value } : {}),
    ...(choice.restPort ? { httpPort: choice.restPort.value } : {}),
    ...(choice.token !== undefined && choice.token !== '' ? { token: choice.token } : {}),
    ...(choice.maxTlsVersion ? { maxTlsVersion: choice.maxTlsVersion } : {}),
  };
}

/** One line per input: `address   localhost:19530  (docker-compose.yml:15, ports: "19530:19530")`. */
export function describeChoice(choice: ConnectionChoice): string[] {
  const line = (label: string, value: string, from: Provenance | undefined): string =>
    `${label.padEnd(12)} ${value}${from ? `  (${from.text})` : ''}`;
  const lines = [
    line(
      'address',
      `${choice.host.value.includes(':') ? `[${choice.host.value}]` : choice.host.value}:${choice.port.value}`,
      choice.host.from === choice.port.from
        ? choice.port.from
        : { kind: 'derived', text: `host: ${choice.host.from.text}; port: ${choice.port.from.text}` },
    ),
    line('tlsMode', String(choice.mode.value), choice.mode.from),
    line('CA', choice.ca?.path ?? 'none (system roots)', choice.ca?.from),
  ];
  if (choice.mode.value === 2) {
    lines.push(line('client cert', choice.clientCertificate?.path ?? 'none', choice.clientCertificate?.from));
    lines.push(line('client key', choice.clientKey?.path ?? 'none', choice.clientKey?.from));
  }
  lines.push(line('server name', choice.serverName?.value ?? `${choice.host.value} (the host)`, choice.serverName?.from));
  lines.push(line('REST port', choice.restPort ? String(choice.restPort.value) : 'not tested', choice.restPort?.from));
  return lines;
}
