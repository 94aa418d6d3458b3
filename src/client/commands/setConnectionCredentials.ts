// "Milvus TLS: Set Connection Credentials…": "user:password" or an API token for one Milvus address,
// kept in VS Code's SecretStorage (the OS keychain), never in settings, never logged. Test Connection
// sends it only to that address (see connection/credentials.ts).
import * as vscode from 'vscode';
import { parseAddress } from '../../core/connection';
import type { ExtensionContextHolder } from '../context';
import { CredentialStore, endpointKey } from '../connection/credentials';
import { connectionFolder, offeredAddress, workspaceConnection } from './connectionInputs';

const TITLE = 'Milvus TLS: Connection Credentials';

interface ActionItem extends vscode.QuickPickItem {
  action: 'set' | 'clear';
}

async function askAddress(initial: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: TITLE,
    prompt: 'The Milvus address (host:port) these credentials are for; they are sent to no other',
    value: initial,
    ignoreFocusOut: true,
    validateInput: (text) => {
      try {
        parseAddress(text);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
}

export function setConnectionCredentialsCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const store = new CredentialStore(ctx.extension.secrets);
    const { folder, cancelled } = await connectionFolder();
    if (cancelled) return;
    const connection = await workspaceConnection(folder, ctx.log, 'credentials', TITLE);
    const address = await askAddress(connection ? offeredAddress(connection.plan, folder).text : 'localhost:19530');
    if (address === undefined) return;
    const { host, port } = parseAddress(address);
    const endpoint = endpointKey(host, port);
    const stored = (await store.get(endpoint)) !== undefined;
    let action: ActionItem['action'] = 'set';
    if (stored) {
      const items: ActionItem[] = [
        { action: 'set', label: `Replace the credentials stored for ${endpoint}…` },
        { action: 'clear', label: `Clear the credentials stored for ${endpoint}`, detail: 'The connection test then sends none there.' },
      ];
      const picked = await vscode.window.showQuickPick(items, {
        title: TITLE,
        placeHolder: `Credentials are stored for ${endpoint}`,
        ignoreFocusOut: true,
      });
      if (!picked) return;
      action = picked.action;
    }
    if (action === 'clear') {
      await store.delete(endpoint);
      ctx.log.info(`credentials: cleared for ${endpoint}`);
      void vscode.window.showInformationMessage(`Milvus connection credentials for ${endpoint} cleared.`);
      return;
    }
    const value = await vscode.window.showInputBox({
      title: TITLE,
      prompt: `user:password (e.g. root:Milvus) or an API token for ${endpoint}; kept in VS Code's secret storage, never in settings`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? 'Enter user:password or a token (Escape cancels).' : undefined),
    });
    if (value === undefined) return;
    await store.store(endpoint, value.trim());
    ctx.log.info(`credentials: stored for ${endpoint} (value not logged)`);
    void vscode.window.showInformationMessage(`Milvus connection credentials for ${endpoint} stored in VS Code's secret storage.`);
  };
}
