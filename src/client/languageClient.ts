/**
 * The client of the milvus.yaml language server (dist/server.js, over IPC). It runs in untrusted
 * workspaces too: the server only reads and reports, and its one write path, the "Generate
 * Certificates…" quick fix, goes through the command, which checks trust itself.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import { CONFIG_SECTION, LanguageServer } from '../constants';
import { configuredGlobs, documentSelector } from './configDocuments';
import type { ExtensionContextHolder } from './context';
/** Files whose change changes diagnostics: certificates and keys, compose files and their .env, companion configs. */
const WATCHED_FILES = ['**/*.{pem,crt,cer,key}', '**/{compose,docker-compose}.{yaml,yml}', '**/.env', '**/{milvus,user}.yaml'];

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
  };
  return new LanguageClient(LanguageServer.id, LanguageServer.name, serverOptions, clientOptions);
}

/**
 * Starts the client and restarts it when `milvusTls.configFiles` changes (the document selector is
 * fixed for a client's lifetime). Failures are logged, never thrown: the rest of the extension works
 * without diagnostics.
 */
export function registerLanguageClient(ctx: ExtensionContextHolder): void {
  const watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
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
  ctx.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(`${CONFIG_SECTION}.${LanguageServer.configFilesSetting}`)) return;
      const previous = client;
      client = undefined;
      await previous?.stop().catch(() => undefined);
      await start();
    }),
    { dispose: () => client?.stop().catch(() => undefined) },
  );
  void start();
}
