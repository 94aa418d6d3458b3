import type * as vscode from 'vscode';
import { Commands } from './constants';
import { registerCommands } from './client/commandTable';
import { ExtensionContextHolder } from './client/context';
import { createLog } from './client/log';

export function activate(extension: vscode.ExtensionContext): void {
  const log = createLog();
  extension.subscriptions.push(log);
  const ctx = new ExtensionContextHolder(extension, log);
  registerCommands(ctx, {
    [Commands.showOutput]: () => () => log.show(),
  });
  const manifest = extension.extension.packageJSON as { version: string };
  log.info(`activated (${manifest.version})`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
