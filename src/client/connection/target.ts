// The connection test's target from what the command gathered: the address, the files (read here),
// the server name (setting, else a SAN of the workspace's server certificate), the REST port and the
// stored credentials. Pure Node, so the whole editor pipeline is tested without VS Code.
import { readFile } from 'node:fs/promises';
import type { ConnectionTarget } from '../../core/connection';
import { serverNameFromCertificateFile } from './serverName';
import type { WorkspaceTls } from './workspaceTls';

export interface TargetFiles {
  caPath: string;
  /** Both for mutual TLS, neither for one-way. */
  certPath?: string;
  keyPath?: string;
}

/** The setting when set, else a name the workspace's server certificate holds; undefined = the host. */
export async function resolveServerName(setting: string, workspace: WorkspaceTls | undefined, host: string): Promise<string | undefined> {
  if (setting !== '') return setting;
  return workspace?.serverCertPath !== undefined ? serverNameFromCertificateFile(workspace.serverCertPath, host) : undefined;
}

export interface TargetInput {
  host: string;
  port: number;
  timeoutMs: number;
  serverNameSetting: string;
  workspace: WorkspaceTls | undefined;
  files: TargetFiles;
  token: string | undefined;
}

export async function buildConnectionTarget(input: TargetInput): Promise<ConnectionTarget> {
  const { files, workspace } = input;
  const serverName = await resolveServerName(input.serverNameSetting, workspace, input.host);
  return {
    host: input.host, port: input.port, timeoutMs: input.timeoutMs,
    caPem: await readFile(files.caPath, 'utf8'),
    ...(files.certPath !== undefined && files.keyPath !== undefined
      ? { certPem: await readFile(files.certPath, 'utf8'), keyPem: await readFile(files.keyPath, 'utf8') } : {}),
    ...(serverName !== undefined ? { serverName } : {}),
    ...(workspace?.httpPort !== undefined ? { httpPort: workspace.httpPort } : {}),
    ...(input.token !== undefined ? { token: input.token } : {}),
  };
}
