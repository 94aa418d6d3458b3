// The questions Generate Certificates and Export OpenSSL Script share: trust, workspace folder, the
// six-step wizard with its defaults, and a last check of what the settings contribute.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { KeyPregeneration } from '../../core/pki/keyPregeneration';
import { warmUpSigning } from '../../core/pki/signingWarmUp';
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
import { CONFIG_SECTION, Settings } from '../../shared/protocol';
import type { Deployment, KubernetesGenerationTarget } from '../../core/deployment';
import type { KubernetesChoice } from '../generate/kubernetesTarget';
import { chosenTarget, initialChoice, kubernetesSteps } from '../generate/kubernetesTarget';

export interface AnsweredCertificateOptions {
  /** Set when the user chose a Kubernetes deployment as the target: a Secret manifest is written too. */
  kubernetes?: { secretName: string; namespace: string; target: KubernetesGenerationTarget };
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
  /** Offer the workspace's Kubernetes deployments as targets (Generate writes a Secret manifest for them). */
  offerKubernetes?: boolean;
  /** Given by commands that write keys: they are made while the questions are answered. */
  keys?: KeyPregeneration;
}

/** Undefined: docker-compose / this machine; 'cancel' when the user pressed Escape. */
async function askKubernetesTarget(
  all: readonly Deployment[],
  wizardTitle: string,
  log: ExtensionContextHolder['log'],
  folder: vscode.WorkspaceFolder,
): Promise<KubernetesChoice | 'cancel' | undefined> {
  const found = all.filter((deployment) => deployment.kind === 'kubernetes');
  if (found.length === 0) return undefined;
  log.info(`generate: Kubernetes deployments here: ${found.map((deployment) => deployment.label).join(', ')}`);
  const items = [
    {
      label: 'docker-compose or this machine',
      detail: 'Names: the server name, localhost and the compose service names',
      deployment: undefined,
    },
    ...found.map((deployment) => ({
      label: deployment.label,
      detail: 'Names: its Kubernetes Service names and localhost (kubectl port-forward); also writes a Secret manifest',
      deployment,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `${wizardTitle}: target`,
    placeHolder: 'Where does Milvus run? The certificate covers the names clients use there.',
    ignoreFocusOut: true,
  });
  if (!picked) return 'cancel';
  if (!picked.deployment) return undefined;
  const settings = vscode.workspace.getConfiguration(CONFIG_SECTION, folder.uri);
  const text = (value: string | undefined): string | undefined => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);
  const release = text(settings.get<string>(Settings.kubernetesRelease));
  const namespace = text(settings.get<string>(Settings.kubernetesNamespace));
  const choice = initialChoice(picked.deployment, {
    ...(release !== undefined ? { release } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
  });
  return (await runWizard(`${wizardTitle} for Kubernetes`, kubernetesSteps(choice))) ? choice : 'cancel';
}

/** Asks everything; undefined when the user cancelled or nothing may be written (already explained). */
export async function askCertificateOptions(
  ctx: ExtensionContextHolder,
  ask: AskCertificateOptions,
): Promise<AnsweredCertificateOptions | undefined> {
  const log = ctx.log;
  if (!ensureTrustedWorkspace(log, ask.logPrefix)) return undefined;
  const workspaceFolder = await pickWorkspaceFolder(log, ask.purpose);
  if (!workspaceFolder) return undefined;
  const root = workspaceFolder.uri.fsPath;

  const settings = readGenerateSettings(workspaceFolder);
  // The preselected type's keys start now; picking another type in the wizard switches. The signing
  // code is warmed up meanwhile, so that the first set of the session is not signed cold after the last answer.
  const startKeys = (keyType: CertificateSetOptions['keyType']): void => {
    if (!ask.keys) return;
    void warmUpSigning();
    const started = performance.now();
    void ask.keys
      .start(keyType)
      .then(() => log.info(`${ask.logPrefix}: ${keyType} keys made in ${Math.round(performance.now() - started)} ms`));
  };
  startKeys(settings.keyType);
  const { all } = await selectDeployment(root, workspaceContext());
  const kubernetes = ask.offerKubernetes === true ? await askKubernetesTarget(all, ask.wizardTitle, log, workspaceFolder) : undefined;
  if (kubernetes === 'cancel') {
    log.info(`${ask.logPrefix}: cancelled in the questions; nothing written`);
    return undefined;
  }
  const target = kubernetes ? chosenTarget(kubernetes) : undefined;
  const composeNames = target ? target.extraNames : milvusNamesOf(all);
  if (!target && composeNames.length > 0) log.info(`${ask.logPrefix}: compose names Milvus ${composeNames.join(', ')}`);
  const context = {
    settings,
    composeNames,
    workspaceFolderName: workspaceFolder.name,
    folderPurpose: ask.folderPurpose,
    ...(target ? { namesSource: `the Kubernetes Service ${target.serviceName}` } : {}),
    onKeyTypeChosen: startKeys,
  };
  const state = initialWizardState(settings);
  if (target) state.serverCommonName = target.commonName;
  if (ask.outputFolder !== undefined) {
    state.outputFolder = outputFolderLabel(root, resolveOutputDir(root, ask.outputFolder)).replace(/\/$/, '') || '.';
  }
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
  return {
    workspaceFolder,
    options,
    outputDir,
    label: outputFolderLabel(root, outputDir),
    ...(kubernetes && target ? { kubernetes: { secretName: kubernetes.secretName, namespace: kubernetes.namespace, target } } : {}),
  };
}
