// "Milvus TLS: Disable TLS": common.security.tlsMode back to 0 wherever the deployment's Milvus reads
// it, nothing else, as one undoable edit. Certificate paths and mounts stay, so enabling again only
// flips the mode. The same use case as `milvus-tls disable` (planDisableTlsChanges).
import * as vscode from 'vscode';
import { EditPlanError } from '../../core/edit';
import type { DisableTlsOutcome } from '../../core/usecases';
import { NoConfigError, planDisableTlsChanges, UnsafeTargetError } from '../../core/usecases';
import type { ExtensionContextHolder } from '../context';
import { pickDeployment } from '../deploymentPick';
import { applyFileChanges } from '../tlsConfig/applyPlan';
import { offerFollowUp } from '../tlsConfig/messages';
import { ensureTrustedWorkspace, pickWorkspaceFolder } from '../workspace';
import { workspaceContext } from '../workspaceFileSystem';

export function disableTlsCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    if (!ensureTrustedWorkspace(log, 'disable TLS', 'milvus.yaml and docker-compose')) return;
    const folder = await pickWorkspaceFolder(log, 'disable TLS');
    if (!folder) return;
    const context = workspaceContext();
    const selection = await pickDeployment(folder, context, 'Disable TLS', log, 'disable TLS');
    if (!selection) return;
    let outcome: DisableTlsOutcome;
    try {
      outcome = await planDisableTlsChanges({ root: folder.uri.fsPath, deployment: selection.chosen }, context);
    } catch (error) {
      if (error instanceof NoConfigError) {
        log.info(`disable TLS: ${error.message}`);
        void vscode.window.showInformationMessage(`Milvus TLS: ${error.message}.`);
        return;
      }
      if (!(error instanceof EditPlanError || error instanceof UnsafeTargetError)) throw error;
      log.warn(`disable TLS: ${error.message}; nothing changed`);
      void vscode.window.showErrorMessage(`Milvus TLS could not disable TLS: ${error.message} Nothing was changed.`);
      return;
    }
    const warnings = outcome.summary.filter((line) => line.startsWith('warning:'));
    for (const line of outcome.summary) log.info(`disable TLS: ${line}`);
    if (outcome.changes.length === 0) {
      void vscode.window.showInformationMessage(
        `TLS is already disabled (tlsMode 0)${selection.chosen ? ` for ${selection.chosen.label}` : ''}: nothing to change.${warnings.length > 0 ? ` ${warnings.join(' ')}` : ''}`,
      );
      return;
    }
    if (!(await applyFileChanges(outcome.changes, 'Disable TLS'))) {
      void vscode.window.showErrorMessage('Milvus TLS: VS Code did not apply the edit; nothing was changed.');
      return;
    }
    const labels = outcome.changes.map((change) => change.label).join(' and ');
    const apply =
      selection.chosen?.kind === 'kubernetes' ? 'Apply it (helm upgrade or kubectl apply); the pods restart' : 'Restart Milvus to apply it';
    await offerFollowUp(
      ctx,
      `TLS disabled (tlsMode 0) in ${labels}. ${apply}; clients must then connect without TLS.${warnings.length > 0 ? ` ${warnings.join(' ')}` : ''}`,
      warnings.length > 0,
      false,
    );
  };
}
