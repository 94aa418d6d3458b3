// "Milvus TLS: Generate cert-manager Resources…": for a Kubernetes deployment of the workspace (or a
// release and namespace typed in), writes cert-manager.yaml — an Issuer over our CA when the
// output folder has one, else a selfSigned → CA chain; a server Certificate for the Service names;
// a client Certificate for tlsMode 2 — then offers Enable TLS with the Secret it fills. What goes
// into the file is decided in core (writeCertManagerResources), as for `generate --cert-manager`.
import * as vscode from 'vscode';
import type { Deployment } from '../../core/deployment';
import { kubernetesTarget } from '../../core/deployment';
import { DEFAULT_NAMESPACE, DEFAULT_RELEASE } from '../../core/kubernetes';
import { addGitignoreEntries, findRepositoryRoot, gitignoreEntryForKeys, unignoredKeyFiles } from '../../core/pki/gitignore';
import { FilesExistError } from '../../core/pki/errors';
import { CERT_MANAGER_FILE, selectDeployment, writeCertManagerResources } from '../../core/usecases';
import { Commands, CONFIG_SECTION, Settings } from '../../shared/protocol';
import type { ExtensionContextHolder } from '../context';
import type { KubernetesChoice } from '../generate/kubernetesTarget';
import { chosenTarget, initialChoice, kubernetesSteps, validateDnsLabel, validateSecretName } from '../generate/kubernetesTarget';
import { outputFolderLabel, resolveOutputDir } from '../generate/outputFolder';
import { runWizard } from '../quickInput/multiStep';
import { pickTlsMode } from '../quickInput/tlsMode';
import { readGenerateSettings } from '../settings';
import { ensureTrustedWorkspace, pickWorkspaceFolder } from '../workspace';
import { workspaceContext } from '../workspaceFileSystem';

const TITLE = 'Generate cert-manager Resources';
const ENABLE = 'Enable TLS…';
const REPLACE = 'Replace';

async function pickKubernetesDeployment(all: readonly Deployment[]): Promise<Deployment | 'none' | undefined> {
  const found = all.filter((deployment) => deployment.kind === 'kubernetes');
  if (found.length === 0) return 'none';
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((deployment) => ({ label: deployment.label, deployment })),
    { title: TITLE, placeHolder: 'For which Milvus?', ignoreFocusOut: true },
  );
  return picked?.deployment;
}

/** Without a values file or Milvus resource here: release, namespace and Secret typed in. */
async function askWithoutDeployment(): Promise<{ release: string; namespace: string; secretName: string } | undefined> {
  const state = { release: DEFAULT_RELEASE, namespace: DEFAULT_NAMESPACE, secretName: 'milvus-tls' };
  const accepted = await runWizard(TITLE, [
    {
      kind: 'input',
      title: 'Helm release',
      prompt: 'The release name of `helm install RELEASE milvus/milvus`',
      value: () => state.release,
      validate: (value) => validateDnsLabel(value, 'release name'),
      accept: (value) => {
        state.release = value.trim();
      },
    },
    {
      kind: 'input',
      title: 'Namespace',
      prompt: 'The namespace Milvus runs in',
      value: () => state.namespace,
      validate: (value) => validateDnsLabel(value, 'namespace'),
      accept: (value) => {
        state.namespace = value.trim();
      },
    },
    {
      kind: 'input',
      title: 'Secret name',
      prompt: 'The Secret cert-manager writes the server certificate into (the Milvus pods mount it)',
      value: () => state.secretName,
      validate: validateSecretName,
      accept: (value) => {
        state.secretName = value.trim();
      },
    },
  ]);
  return accepted ? state : undefined;
}

export function generateCertManagerCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    if (!ensureTrustedWorkspace(log, 'generate cert-manager resources')) return;
    const folder = await pickWorkspaceFolder(log, 'generate cert-manager resources');
    if (!folder) return;
    const root = folder.uri.fsPath;
    const settings = readGenerateSettings(folder);
    const { all } = await selectDeployment(root, workspaceContext());
    const deployment = await pickKubernetesDeployment(all);
    if (!deployment) return;
    let choice: KubernetesChoice | undefined;
    let target;
    if (deployment === 'none') {
      const typed = await askWithoutDeployment();
      if (!typed) return;
      target = kubernetesTarget({ flavour: 'helm', release: typed.release, namespace: typed.namespace, secretName: typed.secretName });
    } else {
      const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION, folder.uri);
      const release = cfg.get<string>(Settings.kubernetesRelease)?.trim();
      const namespace = cfg.get<string>(Settings.kubernetesNamespace)?.trim();
      choice = initialChoice(deployment, { ...(release ? { release } : {}), ...(namespace ? { namespace } : {}) });
      if (!(await runWizard(TITLE, kubernetesSteps(choice)))) return;
      target = chosenTarget(choice);
    }
    if (!target) return;
    const mode = await pickTlsMode(TITLE, 'tlsMode 2 adds a client Certificate (mutual TLS)');
    if (!mode) return;
    const outputDir = resolveOutputDir(root, settings.outputFolder);
    const label = outputFolderLabel(root, outputDir);
    let overwrite = false;
    for (;;) {
      try {
        const outcome = await writeCertManagerResources({
          target,
          namespace: choice?.namespace ?? target.namespace,
          mode,
          keyType: settings.keyType,
          outputDir,
          selfSigned: false,
          overwrite,
          clientCommonName: settings.clientCommonName,
          leafDays: settings.days,
        });
        for (const line of outcome.summary) log.info(`cert-manager: ${line}`);
        if (outcome.manifest.holdsPrivateKey) {
          void offerGitignore(outputDir, outcome.path).catch((error: unknown) =>
            log.warn(`cert-manager: .gitignore check skipped: ${String(error)}`),
          );
        }
        const opened = await vscode.workspace.openTextDocument(vscode.Uri.file(outcome.path));
        await vscode.window.showTextDocument(opened, { preview: false });
        const pressed = await vscode.window.showInformationMessage(
          `Wrote ${label}${CERT_MANAGER_FILE}: ${outcome.summary.join(' ')} Apply it with kubectl apply -f.`,
          ENABLE,
        );
        if (pressed === ENABLE) await vscode.commands.executeCommand(Commands.enableTls, { mode, secretName: target.secretName });
        return;
      } catch (error) {
        if (!(error instanceof FilesExistError) || overwrite) throw error;
        const pressed = await vscode.window.showWarningMessage(
          `${label}${CERT_MANAGER_FILE} exists. Replace it?`,
          { modal: true },
          REPLACE,
        );
        if (pressed !== REPLACE) return;
        overwrite = true;
      }
    }
  };
}

/** The file holds our CA's private key: offer to keep it out of git. */
async function offerGitignore(outputDir: string, file: string): Promise<void> {
  const repoRoot = await findRepositoryRoot(outputDir);
  if (!repoRoot || (await unignoredKeyFiles(repoRoot, [file])).length === 0) return;
  const entry = gitignoreEntryForKeys(repoRoot, outputDir, CERT_MANAGER_FILE);
  const choice = await vscode.window.showWarningMessage(
    `${CERT_MANAGER_FILE} holds the CA private key and git would commit it.`,
    'Add to .gitignore',
  );
  if (choice === 'Add to .gitignore') await addGitignoreEntries(repoRoot, [entry]);
}
