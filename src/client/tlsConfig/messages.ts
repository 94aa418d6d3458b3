// The messages Enable / Disable TLS share: refusing in Restricted Mode, and the result with its
// follow-up buttons (Test Connection only once that command is registered).
import * as vscode from 'vscode';
import { Commands } from '../../shared/protocol';
import type { ExtensionContextHolder } from '../context';

const MANAGE_TRUST = 'Manage Workspace Trust';
const TEST_CONNECTION = 'Test Connection';
const SHOW_OUTPUT = 'Show Output';

/** Restricted Mode exists so that an opened repository cannot make us edit its files: say so. */
export function ensureTrustedForEdits(log: vscode.LogOutputChannel, action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  log.warn(`${action}: workspace is not trusted; nothing changed`);
  void vscode.window.showWarningMessage(
    `Milvus TLS edits milvus.yaml and docker-compose only in a trusted workspace. Trust this folder (Manage Workspace Trust) to ${action}.`,
    MANAGE_TRUST,
  ).then((choice) => {
    if (choice === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}

/** Shows the result; "Test Connection" is offered when another part of the extension provides it. */
export async function offerFollowUp(ctx: ExtensionContextHolder, message: string, warn: boolean, offerTest = true): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  const buttons = [...(offerTest && commands.includes(Commands.testConnection) ? [TEST_CONNECTION] : []), SHOW_OUTPUT];
  const choice = warn ? await vscode.window.showWarningMessage(message, ...buttons) : await vscode.window.showInformationMessage(message, ...buttons);
  if (choice === TEST_CONNECTION) await vscode.commands.executeCommand(Commands.testConnection);
  else if (choice === SHOW_OUTPUT) ctx.log.show(true);
}
