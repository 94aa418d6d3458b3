// The certificate explorer's wiring: scanner → tree view, status bar and details documents; the
// PEM CodeLens; and the view's commands. activate() calls registerCertExplorer and nothing else.
import * as vscode from 'vscode';
import { CertExplorer } from '../../constants';
import type { CertificateViewCommandId } from '../../shared/protocol';
import { Commands, CONFIG_SECTION, Settings, settingId } from '../../shared/protocol';
import { DEFAULT_WARN_DAYS } from '../../core/inspect/lint';
import { onFirstUse, registerCommands } from '../commandTable';
import type { ExtensionContextHolder } from '../context';
import { CertificatesProvider } from './certificatesProvider';
import { PEM_FILES, PemCodeLensProvider } from './codeLens';
import type { CertificateLocation } from './detailsDocument';
import { CertificateDetailsProvider, showCertificateDetails } from './detailsDocument';
import type * as LifecycleCommands from './lifecycleCommands';
import type { ScanSnapshot } from './scanner';
import { CertificateScanner } from './scanner';
import { ExpiryStatusBar } from './statusBar';
import type { CertificateNode, TreeNode } from './treeModel';
import { buildCertificateTree } from './treeModel';

/** Renew…, Renew Expiring… and Rotate CA…: one bundle, loaded on the first run of one of them (see extension.ts). */
const lifecycleCommands = (): Promise<typeof LifecycleCommands> => import('./lifecycleCommands.js');

function warnDaysFor(scope: vscode.Uri | undefined): number {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION, scope).get<number>(Settings.expiryWarningDays, DEFAULT_WARN_DAYS);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_WARN_DAYS;
}

function isCertificateNode(value: unknown): value is CertificateNode {
  return typeof value === 'object' && value !== null && (value as TreeNode).kind === 'certificate';
}

/** From a tree node (context menu) or a CodeLens argument. */
function locationFrom(argument: unknown): CertificateLocation | undefined {
  if (isCertificateNode(argument)) {
    const hash = argument.certificateId.lastIndexOf('#');
    return { file: argument.certificateId.slice(0, hash), indexInFile: Number(argument.certificateId.slice(hash + 1)) };
  }
  const candidate = argument as Partial<CertificateLocation> | undefined;
  return typeof candidate?.file === 'string' && typeof candidate.indexInFile === 'number'
    ? { file: candidate.file, indexInFile: candidate.indexInFile }
    : undefined;
}

export function registerCertExplorer(ctx: ExtensionContextHolder): void {
  const { log } = ctx;
  const fileWarnDays = (file: string): number => warnDaysFor(vscode.Uri.file(file));
  const scanner = new CertificateScanner(log, () => warnDaysFor(undefined));
  const provider = new CertificatesProvider();
  const treeView = vscode.window.createTreeView(CertExplorer.view, { treeDataProvider: provider, showCollapseAll: true });
  const statusBar = new ExpiryStatusBar(fileWarnDays);
  const details = new CertificateDetailsProvider(() => scanner.latest);
  ctx.subscriptions.push(
    scanner,
    provider,
    treeView,
    statusBar,
    details,
    vscode.workspace.registerTextDocumentContentProvider(CertExplorer.detailsScheme, details),
    vscode.languages.registerCodeLensProvider(PEM_FILES, new PemCodeLensProvider()),
  );

  const show = ({ inspection, scanning }: ScanSnapshot): void => {
    provider.update(
      buildCertificateTree(inspection, {
        now: new Date(inspection.now),
        warnDaysFor: fileWarnDays,
        manifestLine: (path) => scanner.locate(path)?.line,
      }),
    );
    statusBar.update(inspection);
    treeView.message = scanning ? `Reading certificates… ${inspection.certificates.length} so far` : undefined;
    if (!scanning) {
      void vscode.commands.executeCommand('setContext', CertExplorer.scannedContextKey, true);
      details.refreshOpen();
    }
  };
  scanner.onDidUpdate(show, undefined, ctx.subscriptions);
  vscode.workspace.onDidChangeConfiguration(
    (event) => {
      if (event.affectsConfiguration(settingId(Settings.expiryWarningDays))) scanner.reinspect();
    },
    undefined,
    ctx.subscriptions,
  );

  registerCommands<CertificateViewCommandId>(ctx, {
    [Commands.refreshCertificates]: () => () => scanner.refresh(),
    [Commands.revealCertificateInExplorer]: () => async (node: unknown) => {
      const file = (node as TreeNode | undefined)?.file;
      if (file !== undefined) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file));
    },
    [Commands.copyCertificateFingerprint]: () => async (node: unknown) => {
      if (!isCertificateNode(node)) return;
      await vscode.env.clipboard.writeText(node.fingerprint);
      vscode.window.setStatusBarMessage(`$(check) Copied the SHA-256 fingerprint of ${node.label}`, 3000);
    },
    [Commands.showCertificateDetails]: () => async (argument: unknown, label: unknown) => {
      const location = locationFrom(argument);
      const name = isCertificateNode(argument) ? argument.label : typeof label === 'string' ? label : 'certificate';
      if (location) await showCertificateDetails(location, name);
    },
    [Commands.renewCertificate]: () => async (node: unknown) => {
      if (!isCertificateNode(node)) return;
      const { renewCertificate } = await lifecycleCommands();
      await renewCertificate(node, scanner.latest?.inspection, log, (paths) => scanner.reread(paths));
    },
    [Commands.renewExpiringCertificates]: onFirstUse(async () => {
      const { renewExpiringCommand } = await lifecycleCommands();
      return () =>
        renewExpiringCommand({
          log,
          inspection: () => scanner.latest?.inspection,
          warnDays: () => warnDaysFor(undefined),
          reread: (paths) => scanner.reread(paths),
        });
    }),
    [Commands.rotateCa]: onFirstUse(async () => {
      const { rotateCaCommand } = await lifecycleCommands();
      return () => rotateCaCommand({ log, inspection: () => scanner.latest?.inspection, reread: (paths) => scanner.reread(paths) });
    }),
    [Commands.revealCertificate]: () => async (certificateId: unknown) => {
      const node = typeof certificateId === 'string' ? provider.nodeOfCertificate(certificateId) : undefined;
      if (node) await treeView.reveal(node, { select: true, focus: true, expand: true });
    },
  });

  // The first scan runs in the background: activation must not wait for a large workspace.
  void scanner
    .rescan()
    .catch((error: unknown) => log.error(`certificates: scan failed: ${error instanceof Error ? error.message : String(error)}`));
}
