// "Renew Certificate…" on a server or client certificate of the tree: after a modal confirmation, the
// lifecycle engine (src/core/lifecycle) reissues it from its CA with the same subject, SANs and key
// type, capped at the CA's end, and replaces the files in one transaction, keeping the old ones.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceInspection } from '../../core/inspect/types';
import { planLeafRenewal } from '../../core/lifecycle/leafRenewal';
import { renewLeaves } from '../../core/lifecycle/renew';
import { pemBlockText } from '../../core/lifecycle/renewSelection';
import { ensureTrustedWorkspace } from '../workspace';
import { refreshView } from './refreshView';
import { certificateLabel } from './format';
import type { CertificateNode } from './treeModel';

export async function renewCertificate(
  node: CertificateNode,
  inspection: WorkspaceInspection | undefined,
  log: vscode.LogOutputChannel,
  reread: (paths: readonly string[]) => Promise<void>,
): Promise<void> {
  if (!ensureTrustedWorkspace(log, 'renew certificate')) return;
  const cert = inspection?.certificates.find((candidate) => candidate.id === node.certificateId);
  const ca = inspection?.certificates.find((candidate) => candidate.id === node.renewFrom?.caCertificateId);
  const caKey = inspection?.keys.find((candidate) => candidate.id === node.renewFrom?.caKeyId);
  if (!cert || !ca || !caKey) {
    void vscode.window.showWarningMessage(
      'Milvus TLS: this certificate or its CA changed since the view was drawn; refresh and try again.',
    );
    return;
  }
  const plan = planLeafRenewal(cert, ca, cert.keyFile, new Date());
  if (typeof plan === 'string') {
    void vscode.window.showWarningMessage(`Milvus TLS cannot renew ${certificateLabel(cert)}: ${plan}.`);
    return;
  }
  const replaced = plan.targets.map((target) => basename(target.path)).join(' and ');
  const choice = await vscode.window.showWarningMessage(
    `Renew ${certificateLabel(cert)}? This replaces ${replaced}; the old files are kept in a backup folder.`,
    { modal: true, detail: plan.notes.join('\n\n') },
    'Renew',
  );
  if (choice !== 'Renew') return;

  const caKeyText = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(caKey.file))).toString('utf8');
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Renewing ${certificateLabel(cert)}…` },
    () => renewLeaves([{ plan, ca: { certificatePem: ca.pem, privateKeyPem: pemBlockText(caKeyText, caKey.range) } }]),
  );
  log.info(`renewed ${cert.file}: wrote ${outcome.written.join(', ')}; old files in ${outcome.backupFolder ?? '?'}`);
  refreshView(reread, outcome.written, log, 'renew');
  void vscode.window.showInformationMessage(
    `Milvus TLS: renewed ${certificateLabel(cert)} (${replaced}). Restart Milvus and the services that use it: they read certificates at start-up.`,
  );
}
