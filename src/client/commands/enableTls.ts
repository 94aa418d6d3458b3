// "Milvus TLS: Enable TLS…": asks for the mode and the certificates, then sets up the files the
// deployment's Milvus reads (milvus.yaml or user.yaml, docker-compose) the way the docs describe,
// as one undoable edit that keeps everything else. What to edit is decided in core
// (planEnableTlsChanges), the same function `milvus-tls enable` runs.
import * as vscode from 'vscode';
import { EditPlanError, formatLineDiff, isEmptyPlan } from '../../core/edit';
import type { Deployment } from '../../core/deployment';
import type { EnableTlsOutcome } from '../../core/usecases';
import {
  enableTlsComposeTarget,
  hasChanges,
  planEnableTlsChanges,
  UnsafeTargetError,
  CERTIFICATE_FILES_BY_MODE,
} from '../../core/usecases';
import type { EnableTlsArguments } from '../../shared/protocol';
import { Commands } from '../../shared/protocol';
import type { ExtensionContextHolder } from '../context';
import { pickDeployment } from '../deploymentPick';
import { pickTlsMode } from '../quickInput/tlsMode';
import { applyFileChanges } from '../tlsConfig/applyPlan';
import { offerFollowUp } from '../tlsConfig/messages';
import { findCertificateFolders, relativeLabel, type CertificateFolder } from '../tlsConfig/projectFiles';
import { ensureTrustedWorkspace, pickWorkspaceFolder } from '../workspace';
import { workspaceContext } from '../workspaceFileSystem';
import { DEFAULT_SECRET_NAME, generationTargetOf } from '../../core/deployment';
import { validateSecretName } from '../generate/kubernetesTarget';

const TITLE = 'Enable TLS';
const GENERATE = 'Generate Certificates';

function argumentsOf(args: unknown): EnableTlsArguments {
  if (typeof args !== 'object' || args === null) return {};
  const { certsDir, mode, secretName } = args as Record<string, unknown>;
  return {
    ...(typeof certsDir === 'string' ? { certsDir } : {}),
    ...(mode === 1 || mode === 2 ? { mode } : {}),
    ...(typeof secretName === 'string' ? { secretName } : {}),
  };
}

export function enableTlsCommand(ctx: ExtensionContextHolder): (args?: unknown) => Promise<void> {
  return async (args?: unknown) => {
    const log = ctx.log;
    const given = argumentsOf(args);
    if (!ensureTrustedWorkspace(log, 'enable TLS', 'milvus.yaml and docker-compose')) return;
    const folder = await pickWorkspaceFolder(log, 'enable TLS');
    if (!folder) return;
    const mode = given.mode ?? (await pickTlsMode(TITLE));
    if (!mode) return;
    const context = workspaceContext();
    const selection = await pickDeployment(folder, context, TITLE, log, 'enable TLS');
    if (!selection) return;
    // Kubernetes: the certificates are a Secret the pods mount, named here; compose: a folder of files.
    const kubernetes = selection.chosen?.kind === 'kubernetes' ? selection.chosen : undefined;
    const secretName = kubernetes ? (given.secretName ?? (await askSecretName(kubernetes))) : undefined;
    if (kubernetes && secretName === undefined) return;
    const certs = kubernetes
      ? folder.uri
      : given.certsDir !== undefined
        ? vscode.Uri.file(given.certsDir)
        : (await pickCertificates(ctx, folder, mode))?.uri;
    if (!certs) return;

    const planWith = (composePath?: string): Promise<EnableTlsOutcome> =>
      planEnableTlsChanges(
        {
          root: folder.uri.fsPath,
          mode,
          certsDir: certs.fsPath,
          deployment: selection.chosen,
          ...(composePath !== undefined ? { composePath } : {}),
          ...(secretName !== undefined ? { secretName } : {}),
        },
        context,
      );

    let outcome: EnableTlsOutcome;
    try {
      outcome = await planWith();
      // Where the mounts and the port go is asked only when there are some, and another file could take them.
      if (outcome.plan.compose.length > 0) {
        const composePath = await pickComposeFile(folder, selection.chosen);
        if (composePath === null) return;
        if (composePath !== undefined && composePath !== outcome.composePath) outcome = await planWith(composePath);
      }
    } catch (error) {
      if (!(error instanceof EditPlanError || error instanceof UnsafeTargetError)) throw error;
      log.warn(`enable TLS: ${error.message}; nothing changed`);
      void vscode.window.showErrorMessage(`Milvus TLS could not enable TLS: ${error.message} Nothing was changed.`);
      return;
    }
    const { changes, plan, summary } = outcome;
    if (isEmptyPlan(plan)) {
      log.info(`enable TLS: ${changes.map((change) => change.label).join(' and ')} already set for tlsMode ${mode}`);
      void vscode.window.showInformationMessage(
        `TLS is already enabled (tlsMode ${mode}) in ${changes[0]?.label ?? 'milvus.yaml'}: nothing to change.`,
      );
      return;
    }
    if (!(await applyFileChanges(changes, `${TITLE} (tlsMode ${mode})`))) {
      void vscode.window.showErrorMessage('Milvus TLS: VS Code did not apply the edit; nothing was changed.');
      return;
    }
    logOutcome(ctx, outcome);
    const counts = changes
      .filter(hasChanges)
      .map(
        (change) =>
          `${change.label} ${Array.isArray(change.edits) ? `(${change.edits.length} ${change.edits.length === 1 ? 'edit' : 'edits'})` : '(created)'}`,
      );
    const warnings = summary.filter((line) => line.startsWith('warning:'));
    const noCompose =
      outcome.composePath !== undefined || kubernetes
        ? ''
        : ` No compose file found: mount ${relativeLabel(folder, certs, true)} at ${plan.certsContainerDir} yourself.`;
    const apply =
      outcome.applyHint !== undefined
        ? `The Secret "${secretName ?? ''}" is mounted at ${plan.certsContainerDir}. Apply it with ${outcome.applyHint}; Milvus reads certificates at start-up, so its pods restart with them.`
        : 'Restart Milvus (docker compose up -d) to apply it.';
    const message =
      `TLS enabled (tlsMode ${mode}): ${counts.join(', ')}. REST is on port ${plan.httpPort}. ` +
      `${apply}${noCompose}${warnings.length > 0 ? ` ${warnings.length} warning(s) in the Output.` : ''}`;
    await offerFollowUp(ctx, message, warnings.length > 0);
  };
}

/**
 * When more than one of the project's compose files lists the Milvus service's volumes (the shipped
 * file and an override), asks which one gets the mounts and the port; the one Compose merges last
 * is first. Undefined: no question (the use case decides); null: cancelled.
 */
async function pickComposeFile(folder: vscode.WorkspaceFolder, deployment: Deployment | undefined): Promise<string | undefined | null> {
  const target = enableTlsComposeTarget(deployment);
  if (!target?.ambiguous) return undefined;
  const ordered = [target.file, ...target.candidates.filter((file) => file !== target.file)];
  const picked = await vscode.window.showQuickPick(
    ordered.map((file, index) => ({
      label: relativeLabel(folder, vscode.Uri.file(file), false),
      description: index === 0 ? 'merged last: its mounts win' : '',
      file,
    })),
    { title: TITLE, placeHolder: 'Compose file for the certificate mount and the REST port', ignoreFocusOut: true },
  );
  return picked ? picked.file : null;
}

/** The Secret with the certificates: the one the deployment mounts, else milvus-tls; undefined when cancelled. */
async function askSecretName(deployment: Deployment): Promise<string | undefined> {
  const value = generationTargetOf(deployment)?.secretName ?? DEFAULT_SECRET_NAME;
  const answer = await vscode.window.showInputBox({
    title: `${TITLE}: Secret`,
    prompt: `The Secret with the server certificate, its key and the CA, mounted into the Milvus pods of ${deployment.label} (Generate Certificates… writes one)`,
    value,
    ignoreFocusOut: true,
    validateInput: validateSecretName,
  });
  return answer?.trim();
}

/** A folder with the files the mode needs; when there is none, offers to generate a set first. */
async function pickCertificates(
  ctx: ExtensionContextHolder,
  folder: vscode.WorkspaceFolder,
  mode: 1 | 2,
): Promise<CertificateFolder | undefined> {
  let found = await findCertificateFolders(folder, mode);
  if (found.length === 0) {
    const needed = CERTIFICATE_FILES_BY_MODE[mode].join(', ');
    const choice = await vscode.window.showInformationMessage(
      `Enable TLS needs ${needed} for tlsMode ${mode}, and the workspace has none. Generate a CA, server and client certificates now?`,
      { modal: true },
      GENERATE,
    );
    if (choice !== GENERATE) return undefined;
    await vscode.commands.executeCommand(Commands.generateCertificates);
    found = await findCertificateFolders(folder, mode);
    if (found.length === 0) {
      ctx.log.info('enable TLS: no certificates after Generate Certificates; stopped');
      return undefined;
    }
  }
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((candidate) => ({ label: candidate.label, description: candidate.present.join(', '), candidate })),
    { title: TITLE, placeHolder: 'Folder with the server certificate and key', ignoreFocusOut: true },
  );
  return picked?.candidate;
}

/** The summary and the diff of every file in the Output channel, so the change can be reviewed. */
function logOutcome(ctx: ExtensionContextHolder, outcome: EnableTlsOutcome): void {
  for (const line of outcome.summary) {
    if (line.startsWith('warning:')) ctx.log.warn(`enable TLS: ${line.slice('warning: '.length)}`);
    else ctx.log.info(`enable TLS: ${line}`);
  }
  const diffs = outcome.changes.map((change) => formatLineDiff(change.label, change.before, change.edits));
  ctx.log.info(`enable TLS: changes:\n${diffs.filter((diff) => diff !== '').join('\n')}`);
}
