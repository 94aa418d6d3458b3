/**
 * The client of the milvus.yaml language server (dist/server.js, over IPC). It runs in untrusted
 * workspaces too: the server only reads and reports, and its one write path, the "Generate
 * Certificates…" quick fix, goes through the command, which checks trust itself.
 */
import * as vscode from 'vscode';
import type { DocumentFilter, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import { CONFIG_SECTION, LanguageServer } from '../constants';
import type { ExtensionContextHolder } from './context';

/**
 * Files whose change changes diagnostics: certificates and keys, compose files and their .env,
 * companion configs, and YAML files (Secret manifests, ConfigMaps, values files feed Kubernetes deployments).
 */
const WATCHED_FILES = ['**/*.{pem,crt,cer,key}', '**/{compose,docker-compose}.{yaml,yml}', '**/.env', '**/*.{yaml,yml}'];

/**
 * Milvus config names (and `milvusTls.configFiles`), plus every YAML file: Kubernetes files (chart
 * values, Milvus resources, Secrets, cert-manager objects) are recognised by content, whatever their
 * name, and the server answers any other YAML file with nothing.
 */
export function documentSelector(extraGlobs: readonly string[]): DocumentFilter[] {
  return [...LanguageServer.configFilePatterns, ...extraGlobs].map((pattern): DocumentFilter => ({ scheme: 'file', pattern }))
    .concat([{ scheme: 'file', language: 'yaml' }]);
}

function configuredGlobs(): string[] {
  const globs = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(LanguageServer.configFilesSetting);
  return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string' && glob !== '') : [];
}

function createClient(ctx: ExtensionContextHolder, watchers: vscode.FileSystemWatcher[]): LanguageClient {
  const module = ctx.extension.asAbsolutePath(LanguageServer.serverModule);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(configuredGlobs()),
    initializationOptions: { configFiles: configuredGlobs() },
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
