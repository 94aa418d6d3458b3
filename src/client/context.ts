import type * as vscode from 'vscode';

/** What every part of the client needs: built once in activate(), never a module-level singleton. */
export class ExtensionContextHolder {
  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {}

  get subscriptions(): vscode.Disposable[] {
    return this.extension.subscriptions;
  }
}
