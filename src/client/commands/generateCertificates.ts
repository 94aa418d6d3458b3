// "Milvus TLS: Generate Certificates…": asks six questions (Enter keeps each default), then writes
// the docs' nine files, refusing to replace existing ones without an explicit choice. The keys are
// made while the questions are answered (KeyPregeneration): after the last answer it signs and writes.
import * as vscode from 'vscode';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addGitignoreEntries, findRepositoryRoot, gitignoreEntryForKeys, unignoredKeyFiles } from '../../core/pki/gitignore';
import { KeyPregeneration, type CertificateSetKeys } from '../../core/pki/keyPregeneration';
import { CERTIFICATE_SET_FILES, type CertificateSetOptions } from '../../core/pki/types';
import { existingSetFiles } from '../../core/pki/writeSet';
import type { ExtensionContextHolder } from '../context';
import { actionForChoice, existingSetPrompt } from '../generate/existingSet';
import { offerFollowUps, type GeneratedSetResult } from '../generate/followUps';
import type { SetWriteMode, WrittenSet } from '../../core/usecases';
import { generateAndWriteSet } from '../../core/usecases';
import type { GenerateCertificatesArguments } from '../../shared/protocol';
import { secretManifestFileName } from '../../core/kubernetes';
import { askCertificateOptions } from './askCertificateOptions';

const WIZARD_TITLE = 'Generate Certificates';

function argumentsOf(args: unknown): GenerateCertificatesArguments {
  if (typeof args !== 'object' || args === null) return {};
  const { outputFolder, containerPath } = args as Record<string, unknown>;
  return { ...(typeof outputFolder === 'string' ? { outputFolder } : {}), ...(typeof containerPath === 'string' ? { containerPath } : {}) };
}

// Benchmark switch, not a setting: MILVUS_TLS_KEY_PREGENERATION=off makes the keys after the last
// answer, as before pregeneration, so that the e2e run can measure the wait users no longer have.
const pregenerationOff = (): boolean => process.env.MILVUS_TLS_KEY_PREGENERATION === 'off';

export function generateCertificatesCommand(ctx: ExtensionContextHolder): (args?: unknown) => Promise<void> {
  return async (args?: unknown) => {
    const keys = new KeyPregeneration();
    try {
      await generateCertificates(ctx, argumentsOf(args), pregenerationOff() ? undefined : keys);
    } finally {
      // Cancelled, refused, failed or done: the keys it still holds go.
      keys.dispose();
    }
  };
}

async function generateCertificates(
  ctx: ExtensionContextHolder,
  given: GenerateCertificatesArguments,
  keys: KeyPregeneration | undefined,
): Promise<void> {
  const log = ctx.log;
  // From a quick fix: the folder a config path points at, so the files land where Milvus looks.
  const answered = await askCertificateOptions(ctx, {
    logPrefix: 'generate',
    purpose: 'generate certificates',
    wizardTitle: WIZARD_TITLE,
    folderPurpose:
      given.containerPath !== undefined
        ? `Folder for the nine files: ${given.containerPath} in the container is here`
        : 'Folder for the nine files (ca.*, server.*, client.*)',
    ...(given.outputFolder !== undefined ? { outputFolder: given.outputFolder } : {}),
    offerKubernetes: true,
    keys,
  });
  if (!answered) return;
  const { workspaceFolder, options, outputDir, label, kubernetes } = answered;
  const secret = kubernetes ? { name: kubernetes.secretName, namespace: kubernetes.namespace } : undefined;
  const manifestName = secret ? secretManifestFileName(secret.name) : undefined;
  const mode = await chooseWriteMode(outputDir, label, manifestName);
  if (!mode) {
    log.info(`generate: kept the existing files in ${outputDir}; nothing written`);
    return;
  }
  log.info(
    `generate: ${mode} in ${outputDir}: ${options.keyType}, server CN ${options.serverCommonName}, ` +
      `SANs ${options.serverSans.join(', ')}, client CN ${options.clientCommonName}, CA ${options.caDays} days, leaves ${options.leafDays} days`,
  );
  const started = performance.now();
  const written = await generateAndWrite(options, outputDir, mode, { secret, keys: keys?.take(options.keyType) });
  if (!written) {
    log.info('generate: cancelled; nothing written');
    void vscode.window.showInformationMessage('Certificate generation cancelled: nothing was written.');
    return;
  }
  log.info(
    `generate: wrote ${written.paths.length} files in ${Math.round(performance.now() - started)} ms: ` +
      `${written.paths.map((path) => relative(outputDir, path)).join(', ')}`,
  );

  const result: GeneratedSetResult = { workspaceFolder, outputDir, writtenFiles: written.paths, options, reissued: mode === 'reissue' };
  if (written.capNote !== undefined) log.info(`generate: ${written.capNote}`);
  const message =
    mode === 'reissue'
      ? `Reissued the server and client certificates in ${label} with the existing CA (${written.paths.length} files written)${written.capNote !== undefined ? `; ${written.capNote}` : ''}`
      : `Generated ${written.paths.length} files in ${label}`;
  const note = manifestName
    ? `, and ${manifestName} (kubectl apply -f it; Milvus reads certificates at start-up, so restart its pods after a new Secret)`
    : '';
  void offerFollowUps(message + note, result).catch((error: unknown) => log.error(`generate: follow-up failed: ${String(error)}`));
  void offerGitignore(ctx, outputDir, manifestName).catch((error: unknown) =>
    log.warn(`generate: .gitignore check skipped: ${String(error)}`),
  );
}

/** 'create' for a fresh folder; for existing files the user's modal choice, undefined when cancelled. */
async function chooseWriteMode(outputDir: string, label: string, manifestName: string | undefined): Promise<SetWriteMode | undefined> {
  const existing = await existingSetFiles(outputDir, [...CERTIFICATE_SET_FILES, ...(manifestName !== undefined ? [manifestName] : [])]);
  const prompt = existingSetPrompt(existing, label);
  if (!prompt) return 'create';
  const pressed = await vscode.window.showWarningMessage(
    prompt.message,
    { modal: true, detail: prompt.detail },
    ...prompt.choices.map((choice) => choice.label),
  );
  return actionForChoice(prompt, pressed);
}

/** Runs the generate use case under a progress notification whose Cancel aborts it. */
async function generateAndWrite(
  options: CertificateSetOptions,
  outputDir: string,
  mode: SetWriteMode,
  extra: { secret: { name: string; namespace?: string } | undefined; keys: Promise<CertificateSetKeys> | undefined },
): Promise<WrittenSet | undefined> {
  const { secret, keys } = extra;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: mode === 'reissue' ? 'Milvus TLS: reissuing server and client certificates' : 'Milvus TLS: generating certificates',
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        return await generateAndWriteSet({
          options,
          outputDir,
          mode,
          signal: abort.signal,
          onPhase: (message) => progress.report({ message }),
          ...(secret ? { kubernetesSecret: secret } : {}),
          ...(keys ? { keys } : {}),
        });
      } finally {
        subscription.dispose();
      }
    },
  );
}

const ADD_TO_GITIGNORE = 'Add to .gitignore';

/** Private keys committed to git leak to everyone who clones: offer to ignore them. */
async function offerGitignore(ctx: ExtensionContextHolder, outputDir: string, manifestName: string | undefined): Promise<void> {
  const repoRoot = await findRepositoryRoot(outputDir);
  if (!repoRoot) {
    ctx.log.info(`generate: ${outputDir} is not in a git repository; no .gitignore check`);
    return;
  }
  const keyFiles = [
    ...CERTIFICATE_SET_FILES.filter((name) => name.endsWith('.key')),
    ...(manifestName !== undefined ? [manifestName] : []),
  ].map((name) => join(outputDir, name));
  const unignored = await unignoredKeyFiles(repoRoot, keyFiles);
  if (unignored.length === 0) {
    ctx.log.info(`generate: git (${repoRoot}) ignores the private keys, or could not tell`);
    return;
  }
  const entries = [
    gitignoreEntryForKeys(repoRoot, outputDir),
    ...(manifestName !== undefined ? [gitignoreEntryForKeys(repoRoot, outputDir, '*.secret.yaml')] : []),
  ];
  const names = unignored.map((path) => relative(outputDir, path)).join(', ');
  ctx.log.warn(`generate: private keys not ignored by git: ${names}`);
  const choice = await vscode.window.showWarningMessage(
    `The private keys (${names}${manifestName !== undefined ? '; the Secret manifest holds server.key' : ''}) are not ignored by git: committing them gives them to everyone with the repository.`,
    ADD_TO_GITIGNORE,
  );
  if (choice !== ADD_TO_GITIGNORE) return;
  await addGitignoreEntries(repoRoot, entries);
  ctx.log.info(`generate: added ${entries.join(', ')} to ${join(repoRoot, '.gitignore')}`);
}
