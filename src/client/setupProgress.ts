// Keeps the walkthrough's context keys in step with the workspace: the deployment model decides
// whether the certificates Milvus loads are in place and whether TLS is on, re-read (debounced) when
// a config, compose or certificate file changes, folders change or the workspace is trusted.
import * as vscode from 'vscode';
import { SetupProgressContext } from '../constants';
import { discoverDeployments } from '../core/deployment';
import type { Deployment } from '../core/deployment';
import { setupProgressOf } from '../core/deployment/setupProgress';
import { WATCHED_FILE_GLOBS } from '../shared/protocol';
import type { ExtensionContextHolder } from './context';
import { workspaceContext } from './workspaceFileSystem';

const DEBOUNCE_MS = 500;

async function deploymentsInWorkspace(): Promise<Deployment[]> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  const context = workspaceContext();
  const found = await Promise.all(folders.map((folder) => discoverDeployments(folder.uri.fsPath, context)));
  return found.flatMap((discovery) => discovery.deployments);
}

export function registerSetupProgress(ctx: ExtensionContextHolder): void {
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  const update = async (): Promise<void> => {
    const mine = ++generation;
    const progress = setupProgressOf(await deploymentsInWorkspace());
    // A later update started meanwhile: its answer is the current one.
    if (mine !== generation) return;
    await vscode.commands.executeCommand('setContext', SetupProgressContext.certificatesInPlace, progress.certificatesInPlace);
    await vscode.commands.executeCommand('setContext', SetupProgressContext.tlsEnabled, progress.tlsEnabled);
    ctx.log.debug(`setup progress: certificates in place ${progress.certificatesInPlace}, TLS enabled ${progress.tlsEnabled}`);
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      update().catch((error: unknown) => ctx.log.warn(`setup progress: ${error instanceof Error ? error.message : String(error)}`));
    }, DEBOUNCE_MS);
  };
  const subscriptions = ctx.extension.subscriptions;
  for (const glob of WATCHED_FILE_GLOBS) {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    subscriptions.push(watcher, watcher.onDidCreate(schedule), watcher.onDidChange(schedule), watcher.onDidDelete(schedule));
  }
  subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(schedule), vscode.workspace.onDidGrantWorkspaceTrust(schedule), {
    dispose: () => clearTimeout(timer),
  });
  schedule();
}
