// "Milvus TLS: Disable TLS": common.security.tlsMode back to 0 in milvus.yaml, nothing else, as an
// undoable edit. Certificate paths and mounts stay, so enabling again only flips the mode.
import * as vscode from 'vscode';
import { EditPlanError, planDisableTls, type DisableTlsPlan } from '../../core/edit';
import type { ExtensionContextHolder } from '../context';
import { applyDocumentChanges } from '../tlsConfig/applyPlan';
import { ensureTrustedForEdits, offerFollowUp } from '../tlsConfig/messages';
import { pickMilvusYaml, relativeLabel } from '../tlsConfig/projectFiles';
import { pickWorkspaceFolder } from '../workspace';

export function disableTlsCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    if (!ensureTrustedForEdits(log, 'disable TLS')) return;
    const folder = await pickWorkspaceFolder(log, 'disable TLS');
    if (!folder) return;
    const picked = await pickMilvusYaml(folder, 'Disable TLS');
    if (picked === 'cancelled') return;
    if (picked === 'none') {
      log.info('disable TLS: no milvus.yaml in the workspace');
      void vscode.window.showInformationMessage('There is no milvus.yaml in this workspace: Milvus runs with tlsMode 0 unless it is set elsewhere (environment, Helm values).');
      return;
    }
    const document = await vscode.workspace.openTextDocument(picked);
    const label = relativeLabel(folder, picked, false);
    let plan: DisableTlsPlan;
    try {
      plan = planDisableTls({ milvusYamlText: document.getText(), milvusYamlLabel: label });
    } catch (error) {
      if (!(error instanceof EditPlanError)) throw error;
      log.warn(`disable TLS: ${error.message}; nothing changed`);
      void vscode.window.showErrorMessage(`Milvus TLS could not disable TLS: ${error.message} Nothing was changed.`);
      return;
    }
    if (plan.milvusYaml.length === 0) {
      void vscode.window.showInformationMessage(`TLS is already disabled (tlsMode 0) in ${label}: nothing to change.`);
      return;
    }
    const versions = new Map([[document.uri.toString(), document.version]]);
    if (!(await applyDocumentChanges([{ uri: picked, document, edits: plan.milvusYaml }], versions, 'Disable TLS'))) {
      void vscode.window.showErrorMessage('Milvus TLS: VS Code did not apply the edit; nothing was changed.');
      return;
    }
    for (const line of plan.summary) log.info(`disable TLS: ${line}`);
    await offerFollowUp(ctx, `TLS disabled (tlsMode 0) in ${label}. Restart Milvus to apply it; clients must then connect without TLS.`, false, false);
  };
}
