// "Milvus TLS: Renew Expiring Certificates…": every server and client certificate of the workspace
// within the expiry warning window (milvusTls.expiryWarningDays) whose CA and CA key are in the
// workspace, picked in a list and renewed by the lifecycle engine, one transaction per folder.
import { dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import { expiryPhrase } from '../../core/inspect';
import type { WorkspaceInspection } from '../../core/inspect/types';
import { renewLeaves } from '../../core/lifecycle/renew';
import { pemBlockText, selectRenewals, type RenewCandidate } from '../../core/lifecycle/renewSelection';
import { certificateLabel } from '../certExplorer/format';
import { ensureTrustedWorkspace } from '../workspace';
import { refreshView } from '../certExplorer/refreshView';

export interface RenewExpiringContext {
  log: vscode.LogOutputChannel;
  inspection: () => WorkspaceInspection | undefined;
  warnDays: () => number;
  reread: (paths: readonly string[]) => Promise<void>;
}

function shown(path: string): string {
  return vscode.workspace.asRelativePath(path, true);
}

async function readText(file: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8');
}

async function renewInFolder(candidates: RenewCandidate[]): Promise<{ written: string[]; backupFolder: string | undefined }> {
  const requests = await Promise.all(
    candidates.map(async ({ plan, issuerKey }) => ({
      plan,
      ca: { certificatePem: plan.issuer.pem, privateKeyPem: pemBlockText(await readText(issuerKey.file), issuerKey.range) },
    })),
  );
  return renewLeaves(requests);
}

export function renewExpiringCommand(context: RenewExpiringContext): () => Promise<void> {
  return async () => {
    const { log } = context;
    if (!ensureTrustedWorkspace(log, 'renew expiring certificates')) return;
    const inspection = context.inspection();
    const warnDays = context.warnDays();
    const now = new Date();
    if (!inspection) {
      void vscode.window.showInformationMessage("Milvus TLS is still reading the workspace's certificates; try again in a moment.");
      return;
    }
    const selection = selectRenewals(inspection, { withinDays: warnDays, now });
    for (const { certificate, reason } of selection.blocked) log.warn(`renew: ${certificate.file}: ${reason}`);
    if (selection.due.length === 0) {
      const blocked = selection.blocked.length > 0 ? ` ${selection.blocked.length} that do cannot be renewed here (see the Output).` : '';
      void vscode.window.showInformationMessage(
        `Milvus TLS: no server or client certificate that can be renewed expires within ${warnDays} days.${blocked}`,
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(
      selection.due.map((candidate) => ({
        label: certificateLabel(candidate.plan.certificate),
        description: `${expiryPhrase(new Date(candidate.plan.certificate.notAfter), now)} · ${shown(candidate.plan.certificate.file)}`,
        detail: candidate.plan.notes.join(' '),
        picked: true,
        candidate,
      })),
      {
        canPickMany: true,
        title: `Renew certificates expiring within ${warnDays} days`,
        placeHolder: 'The old files are kept in a backup folder beside them',
        ignoreFocusOut: true,
      },
    );
    if (!picked || picked.length === 0) return;
    const byFolder = new Map<string, RenewCandidate[]>();
    for (const { candidate } of picked) {
      byFolder.set(candidate.plan.directory, [...(byFolder.get(candidate.plan.directory) ?? []), candidate]);
    }
    const written: string[] = [];
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Milvus TLS: renewing certificates…' },
      async () => {
        for (const [folder, candidates] of byFolder) {
          const outcome = await renewInFolder(candidates);
          written.push(...outcome.written);
          log.info(
            `renew: ${folder}: wrote ${outcome.written.map((path) => relative(folder, path)).join(', ')}; old files in ${outcome.backupFolder ?? '?'}`,
          );
        }
      },
    );
    refreshView(context.reread, written, context.log, 'renew');
    const folders = [...byFolder.keys()].map((folder) => shown(folder)).join(', ');
    void vscode.window.showInformationMessage(
      `Milvus TLS: renewed ${picked.length} certificate${picked.length === 1 ? '' : 's'} in ${folders} (old files in ${shown(dirname(written[0] ?? ''))}/.milvus-tls-backups). ` +
        'Restart Milvus and give the renewed client files to their clients: certificates are read at start-up.',
    );
  };
}
