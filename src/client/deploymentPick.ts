// Which deployment a command acts on, asked the editor's way: the open config file's, the only one,
// or the user's pick among several (src/core/usecases/selectDeployment.ts decides the default).
import * as vscode from 'vscode';
import type { ResolveContext } from '../core/deployment';
import type { DeploymentSelection } from '../core/usecases';
import { selectDeployment } from '../core/usecases';

/**
 * The open editor's file when it may be a Milvus config or a Kubernetes file of this folder: its
 * deployment is the one meant (selectDeployment checks which it is; compose files are left out).
 */
function activeConfigFile(folder: vscode.WorkspaceFolder): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme !== 'file' || !/\.ya?ml$/i.test(uri.fsPath) || /(^|[\\/])(docker-)?compose[^\\/]*\.ya?ml$/i.test(uri.fsPath)) {
    return undefined;
  }
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString() ? uri.fsPath : undefined;
}

/** Undefined when the user cancelled the pick. */
export async function pickDeployment(
  folder: vscode.WorkspaceFolder,
  context: ResolveContext,
  title: string,
  log: vscode.LogOutputChannel,
  logPrefix: string,
): Promise<DeploymentSelection | undefined> {
  let selection = await selectDeployment(folder.uri.fsPath, context, activeConfigFile(folder));
  if (selection.all.length > 1) {
    const picked = await vscode.window.showQuickPick(
      selection.all.map((deployment) => ({ label: deployment.label, description: `tlsMode ${deployment.tlsMode.mode}`, deployment })),
      { title, placeHolder: 'Which Milvus deployment?', ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    selection = { ...selection, chosen: picked.deployment, reason: 'picked' };
  }
  log.info(`${logPrefix}: ${selection.chosen ? `${selection.chosen.label} (${selection.reason})` : selection.reason}`);
  for (const note of selection.chosen?.notes ?? []) log.info(`${logPrefix}: ${note}`);
  return selection;
}
