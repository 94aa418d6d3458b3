// The language client (vscode-languageclient, about 440 KB of the 1.2 MB activation used to load) and
// its server start when the first Milvus config document is open, not at activation. The server only
// answers for open documents (no workspace diagnostics), so nothing is missed before that.
import * as vscode from 'vscode';
import { Settings, settingId } from '../shared/protocol';
import { configuredGlobs, documentSelector } from './configDocuments';
import type { ExtensionContextHolder } from './context';

export function startLanguageClientOnDemand(ctx: ExtensionContextHolder): void {
  let started = false;
  const listeners: vscode.Disposable[] = [];
  const startFor = (documents: readonly vscode.TextDocument[]): void => {
    if (started) return;
    const selector = documentSelector(configuredGlobs());
    if (!documents.some((document) => vscode.languages.match(selector, document) > 0)) return;
    started = true;
    for (const listener of listeners) listener.dispose();
    import('./languageClient.js').then(
      ({ registerLanguageClient }) => registerLanguageClient(ctx),
      (error: unknown) => ctx.log.error(`language client failed to load: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  listeners.push(
    vscode.workspace.onDidOpenTextDocument((document) => startFor([document])),
    // New globs may cover a document that is already open.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settingId(Settings.configFiles))) startFor(vscode.workspace.textDocuments);
    }),
  );
  ctx.subscriptions.push(...listeners);
  startFor(vscode.workspace.textDocuments);
}
