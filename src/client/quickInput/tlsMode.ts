// The one "which TLS mode?" question (Enable TLS, Test Connection, Copy Connection Snippet).
import * as vscode from 'vscode';

interface ModeItem extends vscode.QuickPickItem {
  mode: 1 | 2;
}

/** `placeHolder` says why we ask (the deployment does not say 1 or 2). */
export async function pickTlsMode(title: string, placeHolder = 'Which TLS mode?'): Promise<1 | 2 | undefined> {
  const items: ModeItem[] = [
    {
      mode: 1,
      label: 'One-way TLS',
      description: 'tlsMode 1',
      detail: 'Milvus presents server.pem; clients verify it with ca.pem. The usual choice.',
    },
    {
      mode: 2,
      label: 'Mutual TLS',
      description: 'tlsMode 2',
      detail: 'Clients must also present a certificate signed by ca.pem (client.pem, client.key), over TLS 1.3.',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
  return picked?.mode;
}
