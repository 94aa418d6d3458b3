// "Milvus TLS: Rotate CA…": shows where the workspace's certificate set stands in a CA rotation and
// offers the one phase that can run now (or undoing the last), then says what to do before the next.
// The phases are the lifecycle engine's (src/core/lifecycle/rotate.ts), the same as `milvus-tls rotate`.
import * as vscode from 'vscode';
import { Commands } from '../../shared/protocol';
import type { WorkspaceInspection } from '../../core/inspect/types';
import { readRotation, rotateFinish, rotateReissue, rotateStart, type PhaseOutcome } from '../../core/lifecycle/rotate';
import { AFTER_PHASE, describePhase, ROTATION_PLAN, rotationChoices, type RotationChoice } from '../../core/lifecycle/rotationGuide';
import { setFolders } from '../../core/lifecycle/setFolders';
import { lastUndoablePhase, rotateUndo } from '../../core/lifecycle/undo';
import { ensureTrustedWorkspace } from '../workspace';
import { refreshView } from '../certExplorer/refreshView';

export interface RotateCaContext {
  log: vscode.LogOutputChannel;
  inspection: () => WorkspaceInspection | undefined;
  reread: (paths: readonly string[]) => Promise<void>;
}

const TEST_CONNECTION = 'Test Connection';

async function pickFolder(inspection: WorkspaceInspection | undefined): Promise<string | undefined> {
  const folders = inspection ? setFolders(inspection) : [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(
      'Milvus TLS: no folder of the workspace holds ca.pem and ca.key, so there is no CA to rotate. Generate a set first.',
    );
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const picked = await vscode.window.showQuickPick(
    folders.map((folder) => ({ label: vscode.workspace.asRelativePath(folder, true), folder })),
    { title: 'Rotate CA: which certificate folder?', ignoreFocusOut: true },
  );
  return picked?.folder;
}

function run(choice: RotationChoice, folder: string): Promise<PhaseOutcome> {
  switch (choice.action) {
    case 'start':
      return rotateStart(folder);
    case 'reissue':
      return rotateReissue(folder);
    case 'finish':
      return rotateFinish(folder);
    case 'undo':
      return rotateUndo(folder);
  }
}

export function rotateCaCommand(context: RotateCaContext): () => Promise<void> {
  return async () => {
    const { log } = context;
    if (!ensureTrustedWorkspace(log, 'rotate the CA')) return;
    const folder = await pickFolder(context.inspection());
    if (!folder) return;
    const label = vscode.workspace.asRelativePath(folder, true);
    const { status } = await readRotation(folder);
    const undoable = await lastUndoablePhase(folder);
    const choices = rotationChoices(status.phase, undoable?.name);
    const where = status.phase ? describePhase(status.phase) : `a phase cannot run: ${status.problem ?? ''}`;
    const plan = ROTATION_PLAN.map((entry, index) => `${index + 1}. ${entry.title}: ${entry.does}`).join(' ');
    const picked = await vscode.window.showQuickPick(
      choices.map((choice) => ({ label: choice.label, detail: choice.detail, choice })),
      {
        title: `Rotate CA in ${label}`,
        placeHolder: `Now: ${where}`,
        ignoreFocusOut: true,
      },
    );
    if (!picked) return;
    const confirm = picked.choice.action === 'undo' ? 'Undo' : picked.choice.label.replace(/^Phase \d of 3: /, '');
    const pressed = await vscode.window.showWarningMessage(
      `${picked.choice.label} in ${label}?`,
      { modal: true, detail: `${picked.choice.detail}\n\nThe three phases: ${plan}\n\nThe files it replaces are kept in a backup folder.` },
      confirm,
    );
    if (pressed !== confirm) return;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Milvus TLS: ${picked.choice.label}…` },
      () => run(picked.choice, folder),
    );
    log.info(
      `rotate ${picked.choice.action}: ${folder}: wrote ${outcome.written.join(', ')}; removed ${outcome.removed.join(', ') || 'nothing'}; backup ${outcome.backupFolder ?? '?'}`,
    );
    // Removed files leave the view through the file watcher; written ones are read at once, beside the
    // message: what the user reads next does not wait for the view.
    refreshView(context.reread, outcome.written, log, `rotate ${picked.choice.action}`);
    const next =
      picked.choice.action === 'undo'
        ? `Undone. Now: ${outcome.status.phase ? describePhase(outcome.status.phase) : (outcome.status.problem ?? '')}. Restart Milvus so it loads these files.`
        : `${picked.choice.label} done. Next: ${AFTER_PHASE[picked.choice.action]}`;
    const choice = await vscode.window.showInformationMessage(`Milvus TLS: ${next}`, TEST_CONNECTION);
    if (choice === TEST_CONNECTION) await vscode.commands.executeCommand(Commands.testConnection);
  };
}
