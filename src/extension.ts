import type * as vscode from 'vscode';
import type { CertificateViewCommandId, CommandId } from './shared/protocol';
import { Commands } from './shared/protocol';
import { registerCertExplorer } from './client/certExplorer';
import { onFirstUse, registerCommands, type CommandFactory } from './client/commandTable';
import { ExtensionContextHolder } from './client/context';
import { createLog } from './client/log';
import { startLanguageClientOnDemand } from './client/languageClientOnDemand';

// Activation loads the certificate explorer and nothing else: the commands' code is in two bundles
// loaded on the first run of one of theirs (connectionCommands: the connection test with gRPC, the
// snippets, the credentials; workspaceCommands: generation and the YAML edits), and the language
// client once a Milvus config is open. dist/extension.js stays small, so activation is quick.
export function activate(extension: vscode.ExtensionContext): void {
  const log = createLog();
  extension.subscriptions.push(log);
  const ctx = new ExtensionContextHolder(extension, log);
  // Typed as every command but the view's: a command contributed in package.json and not registered does not compile.
  const table: Record<Exclude<CommandId, CertificateViewCommandId>, CommandFactory> = {
    [Commands.showOutput]: () => () => log.show(),
    [Commands.generateCertificates]: onFirstUse(
      async () => (await import('./client/commands/workspaceCommands.js')).generateCertificatesCommand,
    ),
    [Commands.exportOpenSslScript]: onFirstUse(
      async () => (await import('./client/commands/workspaceCommands.js')).exportOpenSslScriptCommand,
    ),
    [Commands.enableTls]: onFirstUse(async () => (await import('./client/commands/workspaceCommands.js')).enableTlsCommand),
    [Commands.disableTls]: onFirstUse(async () => (await import('./client/commands/workspaceCommands.js')).disableTlsCommand),
    [Commands.testConnection]: onFirstUse(async () => (await import('./client/commands/connectionCommands.js')).testConnectionCommand),
    [Commands.setConnectionCredentials]: onFirstUse(
      async () => (await import('./client/commands/connectionCommands.js')).setConnectionCredentialsCommand,
    ),
    [Commands.copyConnectionSnippet]: onFirstUse(
      async () => (await import('./client/commands/connectionCommands.js')).copyConnectionSnippetCommand,
    ),
    [Commands.generateCertManagerResources]: onFirstUse(
      async () => (await import('./client/commands/workspaceCommands.js')).generateCertManagerCommand,
    ),
  };
  registerCommands(ctx, table);
  registerCertExplorer(ctx);
  startLanguageClientOnDemand(ctx);
  // The walkthrough's progress reads the deployment model (and YAML): loaded after activation, not in it.
  import('./client/setupProgress.js').then(
    ({ registerSetupProgress }) => registerSetupProgress(ctx),
    (error: unknown) => log.error(`setup progress failed to load: ${error instanceof Error ? error.message : String(error)}`),
  );
  const manifest = extension.extension.packageJSON as { version: string };
  log.info(`activated (${manifest.version})`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
