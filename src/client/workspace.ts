// The two questions every writing command asks first: may we write here, and into which folder?
import * as vscode from 'vscode';

const MANAGE_TRUST = 'Manage Workspace Trust';
const OPEN_FOLDER = 'Open Folder…';

/**
 * True in a trusted workspace. Otherwise tells the user why nothing is written, with a button to
 * the trust editor: Restricted Mode exists so that opened repositories cannot make us write files.
 * `what` completes "Milvus TLS writes … only in a trusted workspace", `action` "Trust this folder to …".
 */
export function ensureTrustedWorkspace(log: vscode.LogOutputChannel, action: string, what = 'certificates'): boolean {
  if (vscode.workspace.isTrusted) return true;
  log.warn(`${action}: workspace is not trusted; nothing written`);
  const message = `Milvus TLS writes ${what} only in a trusted workspace. Trust this folder (Manage Workspace Trust) to ${action}.`;
  void vscode.window.showWarningMessage(message, MANAGE_TRUST).then((choice) => {
    if (choice === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}

/** The only workspace folder, or the one the user picks in a multi-root workspace; undefined if none. */
export async function pickWorkspaceFolder(log: vscode.LogOutputChannel, purpose: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    log.warn(`${purpose}: no workspace folder is open`);
    void vscode.window
      .showWarningMessage(`Milvus TLS needs an open folder to ${purpose}: open your Milvus project folder first.`, OPEN_FOLDER)
      .then((choice) => {
        if (choice === OPEN_FOLDER) void vscode.commands.executeCommand('workbench.action.files.openFolder');
      });
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: `Workspace folder to ${purpose} in`, ignoreFocusOut: true });
}
