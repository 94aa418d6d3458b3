// The editor side shared by "Test Connection" and "Copy Connection Snippet": settings, the
// deployment (through the deployment model, as every front), the stored credentials, and the
// questions asked when the workspace does not answer them.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../shared/protocol';
// Modules, not the barrels: those bring the gRPC stack into every command bundle that imports this.
import { parseAddress } from '../../core/connection/address';
import type { Endpoint, Provenance, ResolveContext } from '../../core/deployment';
import type { ConnectionPlan, DeploymentSelection } from '../../core/usecases';
import { planConnection } from '../../core/usecases/connectionPlan';
import { pickDeployment } from '../deploymentPick';
import { pickTlsMode } from '../quickInput/tlsMode';
import { CredentialStore, endpointKey } from '../connection/credentials';
import type { ConnectionSettings } from '../connection/settings';
import { connectionSettingsFrom } from '../connection/settings';
import { readGenerateSettings } from '../settings';
import { workspaceContext } from '../workspaceFileSystem';

export function readConnectionSettings(scope: vscode.ConfigurationScope | undefined): ConnectionSettings {
  const configuration = vscode.workspace.getConfiguration(`${CONFIG_SECTION}.connection`, scope);
  return connectionSettingsFrom((name) => configuration.get<unknown>(name));
}

/**
 * The address setting when someone set it (user, workspace or folder settings), with which one:
 * an explicit address wins over the deployment's published port; the default does not.
 */
export function explicitAddress(scope: vscode.ConfigurationScope | undefined): { value: string; from: Provenance } | undefined {
  const inspected = vscode.workspace.getConfiguration(`${CONFIG_SECTION}.connection`, scope).inspect<string>('address');
  const pick = (value: string | undefined, from: Provenance): { value: string; from: Provenance } | undefined =>
    typeof value === 'string' && value.trim() !== '' ? { value: value.trim(), from } : undefined;
  // Restricted Mode ignores workspace values of this setting (restrictedConfigurations); inspect() still shows them.
  const workspaceValues = vscode.workspace.isTrusted
    ? (pick(inspected?.workspaceFolderValue, { kind: 'workspace-setting', text: 'the folder setting milvusTls.connection.address' }) ??
      pick(inspected?.workspaceValue, { kind: 'workspace-setting', text: 'the workspace setting milvusTls.connection.address' }))
    : undefined;
  return workspaceValues ?? pick(inspected?.globalValue, { kind: 'user', text: 'the user setting milvusTls.connection.address' });
}

/** The only folder, the one picked in a multi-root workspace, or undefined: both commands work without one. */
export async function connectionFolder(): Promise<{ folder: vscode.WorkspaceFolder | undefined; cancelled: boolean }> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return { folder: folders[0], cancelled: false };
  const folder = await vscode.window.showWorkspaceFolderPick({
    placeHolder: 'Workspace folder of the Milvus deployment',
    ignoreFocusOut: true,
  });
  return { folder, cancelled: folder === undefined };
}

export interface WorkspaceConnection {
  context: ResolveContext;
  selection: DeploymentSelection | undefined;
  plan: ConnectionPlan;
}

/**
 * The deployment the user means (the open config's, the only one, or the one picked) and what a
 * client of it would use. Undefined when the user cancelled the pick.
 */
export async function workspaceConnection(
  folder: vscode.WorkspaceFolder | undefined,
  log: vscode.LogOutputChannel,
  logPrefix: string,
  title: string,
): Promise<WorkspaceConnection | undefined> {
  const context = workspaceContext();
  const root = folder?.uri.fsPath;
  let selection: DeploymentSelection | undefined;
  if (folder) {
    selection = await pickDeployment(folder, context, title, log, logPrefix);
    if (!selection) return undefined;
  }
  const plan = await planConnection(
    selection?.chosen,
    { root: root ?? '.', outputFolder: readGenerateSettings(folder?.uri).outputFolder },
    context,
  );
  return { context, selection, plan };
}

/** The address to offer: an explicit setting, else where the deployment publishes gRPC; with where it came from. */
export function offeredAddress(plan: ConnectionPlan, folder: vscode.WorkspaceFolder | undefined): { text: string } & Endpoint {
  const explicit = explicitAddress(folder?.uri);
  if (explicit) {
    try {
      const { host, port } = parseAddress(explicit.value);
      return { text: explicit.value, host: { value: host, from: explicit.from }, port: { value: port, from: explicit.from } };
    } catch {
      // An unparsable setting is offered as it is; the input box says what is wrong with it.
      return { text: explicit.value, ...plan.grpc };
    }
  }
  const host = plan.grpc.host.value.includes(':') ? `[${plan.grpc.host.value}]` : plan.grpc.host.value;
  return { text: `${host}:${plan.grpc.port.value}`, ...plan.grpc };
}

/** Asked only when the deployment does not say 1 or 2 (no config, 0, or invalid). */
export function pickMode(title: string, configuredMode: number | undefined): Promise<1 | 2 | undefined> {
  return pickTlsMode(
    title,
    configuredMode === undefined
      ? 'Which TLS mode does the server use?'
      : `The deployment runs with tlsMode ${configuredMode} (TLS off): which TLS mode does the server use?`,
  );
}

/** A file dialog for a certificate or key the workspace does not have where expected. */
export async function pickFile(title: string, defaultFolder: vscode.Uri | undefined): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    openLabel: 'Select',
    canSelectMany: false,
    canSelectFiles: true,
    canSelectFolders: false,
    filters: { 'PEM files': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] },
    ...(defaultFolder ? { defaultUri: defaultFolder } : {}),
  });
  return picked?.[0]?.fsPath;
}

/** Whether a credential is stored for the address (the snippet then reads it from $MILVUS_TOKEN). */
export async function credentialsStoredFor(ctx: { extension: vscode.ExtensionContext }, host: string, port: number): Promise<boolean> {
  const store = new CredentialStore(ctx.extension.secrets);
  return (await store.get(endpointKey(host, port))) !== undefined || (await store.legacy()) !== undefined;
}
