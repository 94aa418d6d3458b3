// "Milvus TLS: Copy Connection Snippet": client code for the workspace's TLS mode with its real
// file paths and server name, for pymilvus, the Node, Go and Java SDKs, or curl; copied to the
// clipboard, optionally opened in an editor.
import * as vscode from 'vscode';
import path from 'node:path';
// The address module, not the connection barrel: that one brings the gRPC stack into this bundle.
import { parseAddress } from '../../core/connection/address';
import type { SnippetClient, SnippetInput } from '../../core/snippets';
import { SNIPPET_CLIENTS, TOKEN_ENV } from '../../core/snippets';
import type { ExtensionContextHolder } from '../context';
import { resolveServerName } from '../connection/target';
import { readGenerateSettings } from '../settings';
import { connectionFolder, pickMode, readConnectionSettings, readWorkspaceTls, storedCredentials } from './connectionInputs';

const TITLE = 'Milvus TLS: Copy Connection Snippet';
const OPEN_IN_EDITOR = 'Open in Editor';

interface ClientItem extends vscode.QuickPickItem {
  client: SnippetClient;
}

export function copyConnectionSnippetCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    const { folder, cancelled } = await connectionFolder();
    if (cancelled) return;
    const settings = readConnectionSettings(folder?.uri);
    const { host, port } = parseAddress(settings.address);
    const workspace = folder ? await readWorkspaceTls(folder, log, 'snippet') : undefined;
    const mode = workspace?.mode === 1 || workspace?.mode === 2 ? workspace.mode : await pickMode(TITLE, workspace?.mode);
    if (mode === undefined) return;
    const picked = await vscode.window.showQuickPick<ClientItem>(
      SNIPPET_CLIENTS.map((client) => ({ client, label: client.label, description: client.description })),
      { title: TITLE, placeHolder: `Client for tlsMode ${mode} (${mode === 2 ? 'mutual' : 'one-way'} TLS) at ${settings.address}`, ignoreFocusOut: true },
    );
    if (!picked) return;

    // Files not found yet are where Generate Certificates writes them, so the snippet is right
    // once the set exists; the message says so.
    const outputDir = folder ? path.resolve(folder.uri.fsPath, readGenerateSettings(folder.uri).outputFolder) : 'tls';
    const missing: string[] = [];
    const orDefault = (found: string | undefined, name: string, needed: boolean): string => {
      if (found !== undefined) return found;
      if (needed) missing.push(name);
      return path.join(outputDir, name);
    };
    const serverName = await resolveServerName(settings.serverName, workspace, host);
    const input: SnippetInput = {
      mode, host, port,
      caPath: orDefault(workspace?.caPath, 'ca.pem', true),
      certPath: orDefault(workspace?.certPath, 'client.pem', mode === 2),
      keyPath: orDefault(workspace?.keyPath, 'client.key', mode === 2),
      auth: (workspace?.authorizationEnabled ?? false) || (await storedCredentials(ctx)) !== undefined,
      ...(serverName !== undefined ? { serverName } : {}),
      ...(workspace?.httpPort !== undefined ? { httpPort: workspace.httpPort } : {}),
    };
    const snippet = picked.client.generate(input);
    await vscode.env.clipboard.writeText(snippet.text);
    log.info(`snippet: copied ${picked.client.id} for tlsMode ${mode}, ${settings.address}, server name ${serverName ?? host}`
      + (missing.length > 0 ? `; not found yet: ${missing.join(', ')}` : ''));
    const notes = [
      ...(missing.length > 0 ? [`${missing.join(' and ')} not found: the snippet uses ${outputDir}, where Generate Certificates writes them.`] : []),
      ...(input.auth ? [`It reads the credentials from $${TOKEN_ENV}.`] : []),
    ];
    void vscode.window.showInformationMessage(`Copied the ${picked.client.label} snippet (tlsMode ${mode}).${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`, OPEN_IN_EDITOR)
      .then(async (choice) => {
        if (choice !== OPEN_IN_EDITOR) return;
        const document = await vscode.workspace.openTextDocument({ language: snippet.language, content: snippet.text });
        await vscode.window.showTextDocument(document);
      })
      .then(undefined, (error: unknown) => log.error(`snippet: ${String(error)}`));
  };
}
