// The buttons of the "Generated 9 files in tls/" message. Other features add theirs here (for
// example "Open milvus.yaml" or "Test Connection") by appending to GENERATE_FOLLOW_UPS.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { Commands } from '../../shared/protocol';
import type { CertificateSetOptions } from '../../core/pki/types';

/** What was just generated, for follow-ups to act on. */
export interface GeneratedSetResult {
  workspaceFolder: vscode.WorkspaceFolder;
  /** Absolute folder that holds the set. */
  outputDir: string;
  /** Absolute paths of the files written (nine, or seven when only the leaves were reissued). */
  writtenFiles: string[];
  options: CertificateSetOptions;
  reissued: boolean;
}

export interface GenerateFollowUp {
  /** The button text; keep it short, a notification shows few buttons. */
  label: string;
  /** Hide the button when it makes no sense for this result (default: shown). */
  isAvailable?(result: GeneratedSetResult): boolean;
  run(result: GeneratedSetResult): Thenable<unknown> | Promise<unknown> | void;
}

export const revealInExplorerFollowUp: GenerateFollowUp = {
  label: 'Reveal in Explorer',
  run: (result) => vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(join(result.outputDir, 'ca.pem'))),
};

/** Wires the set just written into milvus.yaml and docker-compose (Enable TLS asks only for the mode). */
export const enableTlsFollowUp: GenerateFollowUp = {
  label: 'Enable TLS…',
  run: (result) => vscode.commands.executeCommand(Commands.enableTls, { certsDir: result.outputDir }),
};

/** In button order. Append, don't reorder: Reveal in Explorer stays first. */
export const GENERATE_FOLLOW_UPS: GenerateFollowUp[] = [revealInExplorerFollowUp, enableTlsFollowUp];

/** Shows the success message with the available follow-ups and runs the one the user picks. */
export async function offerFollowUps(message: string, result: GeneratedSetResult): Promise<void> {
  const available = GENERATE_FOLLOW_UPS.filter((followUp) => followUp.isAvailable?.(result) ?? true);
  const choice = await vscode.window.showInformationMessage(message, ...available.map((followUp) => followUp.label));
  await available.find((followUp) => followUp.label === choice)?.run(result);
}
