// "Milvus TLS: Enable TLS…": asks for the mode and the certificates, then sets milvus.yaml and
// docker-compose up the way the docs describe, as one undoable edit that keeps everything else.
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { Commands } from '../../shared/protocol';
import { EditPlanError, formatLineDiff, isEmptyPlan, mountedConfigFiles, planEnableTls, type EnableTlsPlan } from '../../core/edit';
import type { ExtensionContextHolder } from '../context';
import { applyDocumentChanges, changeCount, type DocumentChange } from '../tlsConfig/applyPlan';
import { ensureTrustedForEdits, offerFollowUp } from '../tlsConfig/messages';
import {
  exists, findCertificateFolders, findComposeIn, pickMilvusYaml, relativeLabel, relativePosix, requiredCertificateFiles, type CertificateFolder,
} from '../tlsConfig/projectFiles';
import { pickWorkspaceFolder } from '../workspace';

const TITLE = 'Enable TLS';
const GENERATE = 'Generate Certificates';

/** Optional arguments, e.g. from the Generate Certificates follow-up: the folder just written. */
export interface EnableTlsArguments {
  certsDir?: string;
  mode?: 1 | 2;
}

export function enableTlsCommand(ctx: ExtensionContextHolder): (args?: unknown) => Promise<void> {
  return async (args?: unknown) => {
    const log = ctx.log;
    const given = (typeof args === 'object' && args !== null ? args : {}) as EnableTlsArguments;
    if (!ensureTrustedForEdits(log, 'enable TLS')) return;
    const folder = await pickWorkspaceFolder(log, 'enable TLS');
    if (!folder) return;
    const mode = given.mode === 1 || given.mode === 2 ? given.mode : await pickMode();
    if (!mode) return;
    const certs = typeof given.certsDir === 'string' ? vscode.Uri.file(given.certsDir) : (await pickCertificates(ctx, folder, mode))?.uri;
    if (!certs) return;

    const rootCompose = await findComposeIn(folder.uri);
    const mounted = rootCompose ? await configMountedBy(rootCompose, folder) : undefined;
    const picked = mounted ?? await pickMilvusYaml(folder, TITLE);
    if (picked === 'cancelled') return;
    const configUri = picked === 'none' ? vscode.Uri.joinPath(rootCompose ? vscode.Uri.joinPath(rootCompose, '..') : folder.uri, 'milvus.yaml') : picked;
    const configDir = vscode.Uri.joinPath(configUri, '..');
    const composeUri = await findComposeIn(configDir) ?? rootCompose;
    const baseDir = composeUri ? vscode.Uri.joinPath(composeUri, '..') : configDir;

    const configDocument = picked === 'none' || !(await exists(configUri)) ? undefined : await vscode.workspace.openTextDocument(configUri);
    const composeDocument = composeUri ? await vscode.workspace.openTextDocument(composeUri) : undefined;
    const versions = new Map([configDocument, composeDocument].filter((doc) => doc !== undefined).map((doc) => [doc.uri.toString(), doc.version]));
    const configLabel = relativeLabel(folder, configUri, false);
    const composeLabel = composeUri ? relativeLabel(folder, composeUri, false) : undefined;

    const configText = configDocument?.getText();
    const composeText = composeDocument?.getText();
    let plan: EnableTlsPlan;
    try {
      plan = planEnableTls({
        milvusYamlText: configText, composeText, mode,
        milvusYamlLabel: configLabel, composeLabel,
        certsHostDir: relativePosix(baseDir, certs), configHostPath: relativePosix(baseDir, configUri),
        files: { serverPem: 'server.pem', serverKey: 'server.key', caPem: 'ca.pem' },
      });
    } catch (error) {
      if (!(error instanceof EditPlanError)) throw error;
      log.warn(`enable TLS: ${error.message}; nothing changed`);
      void vscode.window.showErrorMessage(`Milvus TLS could not enable TLS: ${error.message} Nothing was changed.`);
      return;
    }
    if (isEmptyPlan(plan)) {
      log.info(`enable TLS: ${configLabel}${composeLabel ? ` and ${composeLabel}` : ''} already set for tlsMode ${mode}`);
      void vscode.window.showInformationMessage(`TLS is already enabled (tlsMode ${mode}) in ${configLabel}: nothing to change.`);
      return;
    }

    const changes: DocumentChange[] = [{ uri: configUri, document: configDocument, edits: plan.milvusYaml }];
    if (composeUri) changes.push({ uri: composeUri, document: composeDocument, edits: plan.compose });
    if (!(await applyDocumentChanges(changes, versions, `${TITLE} (tlsMode ${mode})`))) {
      void vscode.window.showErrorMessage('Milvus TLS: VS Code did not apply the edit; nothing was changed.');
      return;
    }
    logPlan(ctx, plan, { label: configLabel, text: configText }, composeLabel === undefined ? undefined : { label: composeLabel, text: composeText });
    const counts = changes.filter((change) => changeCount(change) > 0)
      .map((change) => `${relativeLabel(folder, change.uri, false)} ${Array.isArray(change.edits) ? `(${change.edits.length} ${change.edits.length === 1 ? 'edit' : 'edits'})` : '(created)'}`);
    const warnings = plan.summary.filter((line) => line.startsWith('warning:'));
    const noCompose = composeUri ? '' : ` No compose file found: mount ${relativeLabel(folder, certs, true)} at ${plan.certsContainerDir} yourself.`;
    const message = `TLS enabled (tlsMode ${mode}): ${counts.join(', ')}. REST is on port ${plan.httpPort}. `
      + `Restart Milvus (docker compose up -d) to apply it.${noCompose}${warnings.length > 0 ? ` ${warnings.length} warning(s) in the Output.` : ''}`;
    await offerFollowUp(ctx, message, warnings.length > 0);
  };
}

/** The config file the compose file mounts into Milvus (it may not exist yet: then it is created there). */
async function configMountedBy(composeUri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  let files: string[];
  try {
    files = mountedConfigFiles((await vscode.workspace.openTextDocument(composeUri)).getText());
  } catch {
    return undefined;
  }
  const [first] = files;
  if (first === undefined) return undefined;
  const uri = first.startsWith('/') ? vscode.Uri.file(first) : vscode.Uri.joinPath(composeUri, '..', first);
  // Only files of this workspace folder: the command never edits files the user did not open.
  return posix.relative(folder.uri.path, uri.path).startsWith('..') ? undefined : uri;
}

async function pickMode(): Promise<1 | 2 | undefined> {
  const items: (vscode.QuickPickItem & { mode: 1 | 2 })[] = [
    { label: 'One-way TLS', description: 'tlsMode 1', detail: 'Milvus presents server.pem; clients verify it with ca.pem. The usual choice.', mode: 1 },
    { label: 'Mutual TLS', description: 'tlsMode 2', detail: 'Clients must also present a certificate signed by ca.pem (client.pem, client.key), over TLS 1.3.', mode: 2 },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: TITLE, placeHolder: 'Which TLS mode?', ignoreFocusOut: true });
  return picked?.mode;
}

/** A folder with the files the mode needs; when there is none, offers to generate a set first. */
async function pickCertificates(ctx: ExtensionContextHolder, folder: vscode.WorkspaceFolder, mode: 1 | 2): Promise<CertificateFolder | undefined> {
  let found = await findCertificateFolders(folder, mode);
  if (found.length === 0) {
    const needed = requiredCertificateFiles(mode).join(', ');
    const choice = await vscode.window.showInformationMessage(
      `Enable TLS needs ${needed} for tlsMode ${mode}, and the workspace has none. Generate a CA, server and client certificates now?`,
      { modal: true }, GENERATE,
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
function logPlan(ctx: ExtensionContextHolder, plan: EnableTlsPlan, config: { label: string; text: string | undefined },
  compose: { label: string; text: string | undefined } | undefined): void {
  for (const line of plan.summary) {
    if (line.startsWith('warning:')) ctx.log.warn(`enable TLS: ${line.slice('warning: '.length)}`);
    else ctx.log.info(`enable TLS: ${line}`);
  }
  const diffs = [formatLineDiff(config.label, config.text, plan.milvusYaml)];
  if (compose) diffs.push(formatLineDiff(compose.label, compose.text, plan.compose));
  else ctx.log.info(`enable TLS: no compose file; the certificates must reach ${posix.join(plan.certsContainerDir, 'server.pem')} in the container`);
  ctx.log.info(`enable TLS: changes:\n${diffs.filter((diff) => diff !== '').join('\n')}`);
}
