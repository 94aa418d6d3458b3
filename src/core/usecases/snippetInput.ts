/**
 * The snippet's facts from a connection plan: the same address, mode, files, server name and REST
 * port Test Connection would use. Files not found yet are where Generate Certificates writes them,
 * so the snippet is right once the set exists; `missing` says which.
 */
import type { SnippetInput } from '../snippets';
import type { ConnectionPlan } from './connectionPlan';
import { defaultServerName } from './connectionPlan';

export interface SnippetChoice {
  mode: 1 | 2;
  host: string;
  port: number;
  /** The user's server-name setting; '' or undefined picks a SAN of the server certificate. */
  serverName?: string;
  /** Whether credentials are stored for the connection (the snippet then reads MILVUS_TOKEN). */
  credentialsStored: boolean;
  /** Absolute folder Generate Certificates writes to: the stand-in for files not found. */
  outputDir: string;
  joinPath: (folder: string, name: string) => string;
}

export function snippetInput(plan: ConnectionPlan, choice: SnippetChoice): { input: SnippetInput; missing: string[] } {
  const missing: string[] = [];
  const orDefault = (found: string | undefined, name: string, needed: boolean): string => {
    if (found !== undefined) return found;
    if (needed) missing.push(name);
    return choice.joinPath(choice.outputDir, name);
  };
  const serverName =
    choice.serverName !== undefined && choice.serverName !== '' ? choice.serverName : defaultServerName(plan, choice.host)?.value;
  const input: SnippetInput = {
    mode: choice.mode,
    host: choice.host,
    port: choice.port,
    caPath: orDefault(plan.ca?.bytes ? undefined : plan.ca?.path, 'ca.pem', true),
    certPath: orDefault(plan.clientCertificate?.bytes ? undefined : plan.clientCertificate?.path, 'client.pem', choice.mode === 2),
    keyPath: orDefault(plan.clientKey?.bytes ? undefined : plan.clientKey?.path, 'client.key', choice.mode === 2),
    auth: plan.authorizationEnabled || choice.credentialsStored,
    ...(serverName !== undefined ? { serverName } : {}),
    ...(plan.rest ? { httpPort: plan.rest.port.value } : {}),
  };
  return { input, missing };
}
