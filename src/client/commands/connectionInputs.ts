// The editor side shared by "Test Connection" and "Copy Connection Snippet": settings, the
// workspace's milvus.yaml and certificate files, the stored credentials, and the questions asked
// when the workspace does not answer them.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../constants';
import type { ConnectionSettings } from '../connection/settings';
import { connectionSettingsFrom } from '../connection/settings';
import type { WorkspaceTls } from '../connection/workspaceTls';
import { resolveWorkspaceTls } from '../connection/workspaceTls';
import { readGenerateSettings } from '../settings';

/** SecretStorage key of "user:password" or the API token. Never a setting: settings sync and leak. */
export const CREDENTIALS_SECRET_KEY = 'milvusTls.connection.credentials';

export function readConnectionSettings(scope: vscode.ConfigurationScope | undefined): ConnectionSettings {
  const configuration = vscode.workspace.getConfiguration(`${CONFIG_SECTION}.connection`, scope);
  return connectionSettingsFrom((name) => configuration.get<unknown>(name));
}

/** The only folder, the one picked in a multi-root workspace, or undefined: both commands work without one. */
export async function connectionFolder(): Promise<{ folder: vscode.WorkspaceFolder | undefined; cancelled: boolean }> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return { folder: folders[0], cancelled: false };
  const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder of the Milvus deployment', ignoreFocusOut: true });
  return { folder, cancelled: folder === undefined };
}

export async function readWorkspaceTls(folder: vscode.WorkspaceFolder, log: vscode.LogOutputChannel, logPrefix: string): Promise<WorkspaceTls> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/milvus.yaml'), '**/{node_modules,.git}/**', 20);
  const workspace = await resolveWorkspaceTls({
    workspaceDir: folder.uri.fsPath,
    configCandidates: found.map((uri) => uri.fsPath),
    outputFolder: readGenerateSettings(folder.uri).outputFolder,
  });
  for (const note of workspace.notes) log.info(`${logPrefix}: ${note}`);
  return workspace;
}

interface ModeItem extends vscode.QuickPickItem {
  mode: 1 | 2;
}

/** Asked only when milvus.yaml does not say 1 or 2 (absent, 0, or invalid). */
export async function pickMode(title: string, configuredMode: number | undefined): Promise<1 | 2 | undefined> {
  const items: ModeItem[] = [
    { mode: 1, label: 'One-way TLS', description: 'tlsMode 1', detail: 'The client checks the server certificate against ca.pem.' },
    { mode: 2, label: 'Mutual TLS', description: 'tlsMode 2', detail: 'The client also presents client.pem and client.key (TLS 1.3).' },
  ];
  const placeHolder = configuredMode === undefined
    ? 'No milvus.yaml in the workspace: which TLS mode does the server use?'
    : `milvus.yaml sets tlsMode ${configuredMode} (TLS off): which TLS mode does the server use?`;
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
  return picked?.mode;
}

/** A file dialog for a certificate or key the workspace does not have where expected. */
export async function pickFile(title: string, defaultFolder: vscode.Uri | undefined): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title, openLabel: 'Select', canSelectMany: false, canSelectFiles: true, canSelectFolders: false,
    filters: { 'PEM files': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] },
    ...(defaultFolder ? { defaultUri: defaultFolder } : {}),
  });
  return picked?.[0]?.fsPath;
}

export function storedCredentials(ctx: { extension: vscode.ExtensionContext }): Thenable<string | undefined> {
  return ctx.extension.secrets.get(CREDENTIALS_SECRET_KEY);
}
