// "Milvus TLS: Set Connection Credentials…": "user:password" or an API token for the connection
// test, kept in VS Code's SecretStorage (the OS keychain), never in settings, never logged.
import * as vscode from 'vscode';
import type { ExtensionContextHolder } from '../context';
import { CREDENTIALS_SECRET_KEY } from './connectionInputs';

const TITLE = 'Milvus TLS: Connection Credentials';

interface ActionItem extends vscode.QuickPickItem {
  action: 'set' | 'clear';
}

export function setConnectionCredentialsCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const secrets = ctx.extension.secrets;
    const stored = (await secrets.get(CREDENTIALS_SECRET_KEY)) !== undefined;
    let action: ActionItem['action'] = 'set';
    if (stored) {
      const items: ActionItem[] = [
        { action: 'set', label: 'Replace the stored credentials…' },
        { action: 'clear', label: 'Clear the stored credentials', detail: 'The connection test then sends none.' },
      ];
      const picked = await vscode.window.showQuickPick(items, { title: TITLE, placeHolder: 'Credentials are stored', ignoreFocusOut: true });
      if (!picked) return;
      action = picked.action;
    }
    if (action === 'clear') {
      await secrets.delete(CREDENTIALS_SECRET_KEY);
      ctx.log.info('credentials: cleared');
      void vscode.window.showInformationMessage('Milvus connection credentials cleared.');
      return;
    }
    const value = await vscode.window.showInputBox({
      title: TITLE,
      prompt: 'user:password (e.g. root:Milvus) or an API token; kept in VS Code\'s secret storage, never in settings',
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? 'Enter user:password or a token (Escape cancels).' : undefined),
    });
    if (value === undefined) return;
    await secrets.store(CREDENTIALS_SECRET_KEY, value.trim());
    ctx.log.info('credentials: stored (value not logged)');
    void vscode.window.showInformationMessage('Milvus connection credentials stored in VS Code\'s secret storage.');
  };
}
