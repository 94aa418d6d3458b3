// "Renew": reissues a server or client certificate from its CA (both in the workspace) with the
// same subject and SANs, after a modal confirmation, and replaces the files atomically.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceInspection } from '../../core/inspect/types';
import { reissueLeaves } from '../../core/pki/generate';
import type { CertificateSetFileName, GeneratedFile } from '../../core/pki/types';
import { writeCertificateSet } from '../../core/pki/writeSet';
import { ensureTrustedWorkspace } from '../workspace';
import { certificateLabel } from './format';
import { planRenewal } from './renewPlan';
import type { CertificateNode } from './treeModel';

/** The PEM text of one block of a file (a key may share its file with other blocks). */
async function blockText(file: string, range: { startLine: number; endLine: number } | undefined): Promise<string> {
  const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8');
  if (!range) throw new Error(`${basename(file)} is DER; the CA key must be PEM to sign with it`);
  return `${text.split(/\r?\n/).slice(range.startLine, range.endLine + 1).join('\n')}\n`;
}

export async function renewCertificate(
  node: CertificateNode, inspection: WorkspaceInspection | undefined, log: vscode.LogOutputChannel, reread: (paths: readonly string[]) => Promise<void>,
): Promise<void> {
  if (!ensureTrustedWorkspace(log, 'renew certificate')) return;
  const cert = inspection?.certificates.find((candidate) => candidate.id === node.certificateId);
  const ca = inspection?.certificates.find((candidate) => candidate.id === node.renewFrom?.caCertificateId);
  const caKey = inspection?.keys.find((candidate) => candidate.id === node.renewFrom?.caKeyId);
  if (!cert || !ca || !caKey) {
    void vscode.window.showWarningMessage('Milvus TLS: this certificate or its CA changed since the view was drawn; refresh and try again.');
    return;
  }
  const plan = planRenewal(cert, ca, cert.keyFile, new Date());
  if (typeof plan === 'string') {
    void vscode.window.showWarningMessage(`Milvus TLS cannot renew ${certificateLabel(cert)}: ${plan}.`);
    return;
  }
  const replaced = plan.targets.map((target) => basename(target.path)).join(' and ');
  const choice = await vscode.window.showWarningMessage(
    `Renew ${certificateLabel(cert)}? This replaces ${replaced}.`,
    { modal: true, detail: plan.notes.join('\n\n') },
    'Renew',
  );
  if (choice !== 'Renew') return;

  const caPem = { certificatePem: ca.pem, privateKeyPem: await blockText(caKey.file, caKey.range) };
  const written = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Renewing ${certificateLabel(cert)}…` },
    async () => {
      const generated = await reissueLeaves(caPem, plan.options, { server: plan.role === 'server', client: plan.role === 'client' });
      const files = plan.targets.map((target): GeneratedFile => {
        const file = generated.find((candidate) => candidate.name === target.generated);
        if (!file) throw new Error(`the generator produced no ${target.generated}`);
        // TODO(#3): writeCertificateSet only types the docs' nine names; it joins any name to the
        // folder, and renewing must keep the user's own file names (tls.crt, milvus-server.key...).
        return { ...file, name: basename(target.path) as CertificateSetFileName };
      });
      return writeCertificateSet(plan.directory, files, { overwrite: true });
    },
  );
  log.info(`renewed ${cert.file}: wrote ${written.join(', ')}`);
  await reread(written);
  void vscode.window.showInformationMessage(`Milvus TLS: renewed ${certificateLabel(cert)} (${replaced}). Restart the services that use it.`);
}
