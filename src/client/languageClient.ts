/**
 * The client of the milvus.yaml language server (dist/server.js, over IPC). It runs in untrusted
 * workspaces too: the server only reads and reports, reads nothing outside the workspace folders
 * there (initializationOptions.trusted), and its one write path, the "Generate Certificates…" quick
 * fix, goes through the command, which checks trust itself. Granting trust restarts it.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import { LanguageServer } from '../constants';
import type { InitializationOptions } from '../shared/protocol';
import { CONFIG_SECTION, Settings, settingId, WATCHED_FILE_GLOBS } from '../shared/protocol';
import { configuredGlobs, documentSelector } from './configDocuments';
import type { ExtensionContextHolder } from './context';

function createClient(ctx: ExtensionContextHolder, watchers: vscode.FileSystemWatcher[]): LanguageClient {
  const module = ctx.extension.asAbsolutePath(LanguageServer.serverModule);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(configuredGlobs()),
    outputChannel: ctx.log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: { fileEvents: watchers, configurationSection: CONFIG_SECTION },
    initializationOptions: { trusted: vscode.workspace.isTrusted, configFiles: configuredGlobs() } satisfies InitializationOptions,
  };
  return new LanguageClient(LanguageServer.id, LanguageServer.name, serverOptions, clientOptions);
}

/**
 * Starts the client and restarts it when `milvusTls.configFiles` changes (the document selector is
 * fixed for a client's lifetime). Failures are logged, never thrown: the rest of the extension works
 * without diagnostics.
 */
export function registerLanguageClient(ctx: ExtensionContextHolder): void {
  const watchers = WATCHED_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  ctx.subscriptions.push(...watchers);
  let client: LanguageClient | undefined;
  const start = async (): Promise<void> => {
    client = createClient(ctx, watchers);
    try {
      await client.start();
    } catch (error) {
      ctx.log.error(`language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const restart = async (): Promise<void> => {
    const previous = client;
    client = undefined;
    await previous?.stop().catch(() => undefined);
    await start();
  };
  ctx.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(settingId(Settings.configFiles))) await restart();
    }),
    // The server was told the workspace is untrusted; now it may read what the workspace points at.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart()),
    { dispose: () => client?.stop().catch(() => undefined) },
  );
  void start();
}
