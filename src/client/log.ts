import * as vscode from 'vscode';
import { EXTENSION_NAME } from '../shared/protocol';

/** The extension's single Output channel; the language client writes to it too. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(EXTENSION_NAME, { log: true });
}
