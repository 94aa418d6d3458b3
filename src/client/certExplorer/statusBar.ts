// The status bar item: the soonest-expiring certificate within its warning window, hidden otherwise.
import * as vscode from 'vscode';
import { CertExplorer } from '../../constants';
import { Commands } from '../../shared/protocol';
import type { WorkspaceInspection } from '../../core/inspect/types';
import { soonestExpiring } from './statusModel';

export class ExpiryStatusBar implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem(CertExplorer.statusBarId, vscode.StatusBarAlignment.Left, 0);

  constructor(private readonly warnDaysFor: (file: string) => number) {
    this.#item.name = 'Milvus TLS Certificate Expiry';
  }

  update(inspection: WorkspaceInspection): void {
    const entry = soonestExpiring(inspection.certificates, new Date(), this.warnDaysFor);
    if (!entry) {
      this.#item.hide();
      return;
    }
    this.#item.text = entry.text;
    this.#item.tooltip = entry.tooltip;
    this.#item.backgroundColor = new vscode.ThemeColor(entry.expired ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    this.#item.command = { command: Commands.revealCertificate, title: 'Show in Certificates', arguments: [entry.certificateId] };
    this.#item.show();
  }

  dispose(): void {
    this.#item.dispose();
  }
}
