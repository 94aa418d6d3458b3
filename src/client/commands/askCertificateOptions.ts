// The questions Generate Certificates and Export OpenSSL Script share: trust, workspace folder, the
// six-step wizard with its defaults, and a last check of what the settings contribute.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { KeyPregeneration } from '../../core/pki/keyPregeneration';
import type { CertificateSetOptions } from '../../core/pki/types';
import { validateCertificateSetOptions } from '../../core/pki/validate';
import type { ExtensionContextHolder } from '../context';
import { milvusNamesOf, selectDeployment } from '../../core/usecases';
import { workspaceContext } from '../workspaceFileSystem';
import { certificateSetOptionsFrom, generateWizardSteps, initialWizardState } from '../generate/generateWizard';
import { outputFolderLabel, resolveOutputDir } from '../generate/outputFolder';
import { runWizard } from '../quickInput/multiStep';
import { readGenerateSettings } from '../settings';
import { ensureTrustedWorkspace, pickWorkspaceFolder } from '../workspace';

export interface AnsweredCertificateOptions {
  workspaceFolder: vscode.WorkspaceFolder;
  options: CertificateSetOptions;
  /** Absolute output folder. */
  outputDir: string;
  /** The folder as the user reads it: "tls/". */
  label: string;
}

export interface AskCertificateOptions {
  /** Prefix of the log lines: "generate", "export". */
  logPrefix: string;
  /** Completes "Milvus TLS needs an open folder to …". */
  purpose: string;
  wizardTitle: string;
  folderPurpose: string;
  /** Preselected output folder (absolute or relative to the workspace folder), e.g. from a quick fix. */
  outputFolder?: string;
  /** Given by commands that write keys: they are made while the questions are answered. */
  keys?: KeyPregeneration;
}

/** Asks everything; undefined when the user cancelled or nothing may be written (already explained). */
export async function askCertificateOptions(ctx: ExtensionContextHolder, ask: AskCertificateOptions): Promise<AnsweredCertificateOptions | undefined> {
  const log = ctx.log;
  if (!ensureTrustedWorkspace(log, ask.logPrefix)) return undefined;
  const workspaceFolder = await pickWorkspaceFolder(log, ask.purpose);
  if (!workspaceFolder) return undefined;
  const root = workspaceFolder.uri.fsPath;

  const settings = readGenerateSettings(workspaceFolder);
  // The preselected type's keys start now; picking another type in the wizard switches.
  const startKeys = (keyType: CertificateSetOptions['keyType']): void => {
    if (!ask.keys) return;
    const started = performance.now();
    void ask.keys.start(keyType).then(() => log.info(`${ask.logPrefix}: ${keyType} keys made in ${Math.round(performance.now() - started)} ms`));
  };
  startKeys(settings.keyType);
  const { all } = await selectDeployment(root, workspaceContext());
  const composeNames = milvusNamesOf(all);
  if (composeNames.length > 0) log.info(`${ask.logPrefix}: compose names Milvus ${composeNames.join(', ')}`);
  const context = {
    settings, composeNames, workspaceFolderName: workspaceFolder.name, folderPurpose: ask.folderPurpose,
    onKeyTypeChosen: startKeys,
  };
  const state = initialWizardState(settings);
  if (ask.outputFolder !== undefined) state.outputFolder = outputFolderLabel(root, resolveOutputDir(root, ask.outputFolder)).replace(/\/$/, '') || '.';
  if (!(await runWizard(ask.wizardTitle, generateWizardSteps(state, context)))) {
    log.info(`${ask.logPrefix}: cancelled in the questions; nothing written`);
    return undefined;
  }
  const options = certificateSetOptionsFrom(state, context);
  const problems = validateCertificateSetOptions(options);
  if (problems.length > 0) {
    // Only the settings (days, CA name) can still be wrong here: each step validated its own answer.
    log.error(`${ask.logPrefix}: invalid options: ${problems.join('; ')}`);
    void vscode.window.showErrorMessage(`Milvus TLS: ${problems.join('; ')}. Check the milvusTls.generate settings.`);
    return undefined;
  }
  const outputDir = resolveOutputDir(root, state.outputFolder);
  return { workspaceFolder, options, outputDir, label: outputFolderLabel(root, outputDir) };
}
