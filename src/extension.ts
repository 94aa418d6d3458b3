import type * as vscode from 'vscode';
import type { CertificateViewCommandId, CommandId } from './shared/protocol';
import { Commands } from './shared/protocol';
import type { CommandFactory } from './client/commandTable';
import { registerCertExplorer } from './client/certExplorer';
import { registerCommands } from './client/commandTable';
import { disableTlsCommand } from './client/commands/disableTls';
import { enableTlsCommand } from './client/commands/enableTls';
import { copyConnectionSnippetCommand } from './client/commands/copyConnectionSnippet';
import { exportOpenSslScriptCommand } from './client/commands/exportOpenSslScript';
import { generateCertificatesCommand } from './client/commands/generateCertificates';
import { generateCertManagerCommand } from './client/commands/generateCertManager';
import { setConnectionCredentialsCommand } from './client/commands/setConnectionCredentials';
import { testConnectionCommand } from './client/commands/testConnection';
import { ExtensionContextHolder } from './client/context';
import { createLog } from './client/log';
import { registerLanguageClient } from './client/languageClient';
import { registerSetupProgress } from './client/setupProgress';

export function activate(extension: vscode.ExtensionContext): void {
  const log = createLog();
  extension.subscriptions.push(log);
  const ctx = new ExtensionContextHolder(extension, log);
  // Typed as every command but the view's: a command contributed in package.json and not registered does not compile.
  const table: Record<Exclude<CommandId, CertificateViewCommandId>, CommandFactory> = {
    [Commands.showOutput]: () => () => log.show(),
    [Commands.generateCertificates]: generateCertificatesCommand,
    [Commands.exportOpenSslScript]: exportOpenSslScriptCommand,
    [Commands.enableTls]: enableTlsCommand,
    [Commands.disableTls]: disableTlsCommand,
    [Commands.testConnection]: testConnectionCommand,
    [Commands.setConnectionCredentials]: setConnectionCredentialsCommand,
    [Commands.copyConnectionSnippet]: copyConnectionSnippetCommand,
    [Commands.generateCertManagerResources]: generateCertManagerCommand,
  };
  registerCommands(ctx, table);
  registerCertExplorer(ctx);
  registerLanguageClient(ctx);
  registerSetupProgress(ctx);
  const manifest = extension.extension.packageJSON as { version: string };
  log.info(`activated (${manifest.version})`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
