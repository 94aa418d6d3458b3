// The result message Enable / Disable TLS share, with its follow-up buttons.
import * as vscode from 'vscode';
import { Commands } from '../../shared/protocol';
import type { ExtensionContextHolder } from '../context';

const TEST_CONNECTION = 'Test Connection';
const SHOW_OUTPUT = 'Show Output';

/** Shows the result, with "Test Connection" after an enable. */
export async function offerFollowUp(ctx: ExtensionContextHolder, message: string, warn: boolean, offerTest = true): Promise<void> {
  const buttons = [...(offerTest ? [TEST_CONNECTION] : []), SHOW_OUTPUT];
  const choice = warn
    ? await vscode.window.showWarningMessage(message, ...buttons)
    : await vscode.window.showInformationMessage(message, ...buttons);
  if (choice === TEST_CONNECTION) await vscode.commands.executeCommand(Commands.testConnection);
  else if (choice === SHOW_OUTPUT) ctx.log.show(true);
}
