// "Milvus TLS: Copy Connection Snippet": client code for the deployment's TLS mode with its real
// file paths and server name, for pymilvus, the Node, Go and Java SDKs, or curl; copied to the
// clipboard, optionally opened in an editor. `milvus-tls snippet` prints the same.
import * as vscode from 'vscode';
import path from 'node:path';
// The address module, not the connection barrel: that one brings the gRPC stack into this bundle.
import { parseAddress } from '../../core/connection/address';
import type { SnippetClient } from '../../core/snippets';
import { SNIPPET_CLIENTS, TOKEN_ENV } from '../../core/snippets';
import { snippetInput } from '../../core/usecases/snippetInput';
import type { ExtensionContextHolder } from '../context';
import { readGenerateSettings } from '../settings';
import {
  connectionFolder,
  offeredAddress,
  pickMode,
  readConnectionSettings,
  credentialsStoredFor,
  workspaceConnection,
} from './connectionInputs';

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
    const connection = await workspaceConnection(folder, log, 'snippet', TITLE);
    if (!connection) return;
    const { plan } = connection;
    const address = offeredAddress(plan, folder).text;
    const { host, port } = parseAddress(address);
    const deploymentMode = plan.mode?.value;
    const mode = deploymentMode === 1 || deploymentMode === 2 ? deploymentMode : await pickMode(TITLE, deploymentMode);
    if (mode === undefined) return;
    const picked = await vscode.window.showQuickPick<ClientItem>(
      SNIPPET_CLIENTS.map((client) => ({ client, label: client.label, description: client.description })),
      {
        title: TITLE,
        placeHolder: `Client for tlsMode ${mode} (${mode === 2 ? 'mutual' : 'one-way'} TLS) at ${address}`,
        ignoreFocusOut: true,
      },
    );
    if (!picked) return;
    const outputDir = folder ? path.resolve(folder.uri.fsPath, readGenerateSettings(folder.uri).outputFolder) : path.resolve('tls');
    const { input, missing } = snippetInput(plan, {
      mode,
      host,
      port,
      serverName: readConnectionSettings(folder?.uri).serverName,
      credentialsStored: await credentialsStoredFor(ctx, host, port),
      outputDir,
      joinPath: (dir, name) => path.join(dir, name),
    });
    const snippet = picked.client.generate(input);
    await vscode.env.clipboard.writeText(snippet.text);
    log.info(
      `snippet: copied ${picked.client.id} for tlsMode ${mode}, ${address}, server name ${input.serverName ?? host}` +
        (missing.length > 0 ? `; not found yet: ${missing.join(', ')}` : ''),
    );
    const notes = [
      ...(missing.length > 0
        ? [`${missing.join(' and ')} not found: the snippet uses ${outputDir}, where Generate Certificates writes them.`]
        : []),
      ...(input.auth ? [`It reads the credentials from $${TOKEN_ENV}.`] : []),
    ];
    void vscode.window
      .showInformationMessage(
        `Copied the ${picked.client.label} snippet (tlsMode ${mode}).${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`,
        OPEN_IN_EDITOR,
      )
      .then(async (choice) => {
        if (choice !== OPEN_IN_EDITOR) return;
        const document = await vscode.workspace.openTextDocument({ language: snippet.language, content: snippet.text });
        await vscode.window.showTextDocument(document);
      })
      .then(undefined, (error: unknown) => log.error(`snippet: ${String(error)}`));
  };
}
