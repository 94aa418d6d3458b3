/**
 * Enable TLS, once for every front: pick the files Milvus really reads (the config file the compose
 * service mounts, the one read last; the compose file that defines the service), refuse files
 * outside the project or behind links, plan the minimal edits (src/core/edit), then check the result
 * with the deployment model: what Milvus would run with once the edits are applied.
 */
import type { Deployment, ResolveContext, ServiceEditTarget } from '../deployment';
import { deploymentForConfigFile, MILVUS_YAML_CONTAINER_PATH, serviceEditTarget, USER_YAML_CONTAINER_PATH } from '../deployment';
import { composeFileIn } from '../deployment/compose/composeProject';
import type { ComposeProjectView, EnableTlsPlan } from '../edit';
import { planEnableTls } from '../edit';
import { localMachine, readText } from '../workspace';
import type { FileChange } from './fileChanges';
import { resultText } from './fileChanges';
import { projectLabel, relativePosixPath } from './projectPaths';
import { checkWritableTarget } from './targetFiles';
import { verifiedContext } from './verify';
import { planKubernetesEnableTlsChanges } from './kubernetesTls';

export const CERTIFICATE_FILES_BY_MODE: Readonly<Record<1 | 2, readonly string[]>> = {
  1: ['server.pem', 'server.key'],
  2: ['server.pem', 'server.key', 'ca.pem'],
};

export class MissingCertificatesError extends Error {
  override readonly name = 'MissingCertificatesError';
  constructor(
    readonly folder: string,
    readonly missing: readonly string[],
  ) {
    super(`${folder} has no ${missing.join(', ')}`);
  }
}

export interface EnableTlsRequest {
  /** The project folder (workspace folder, CLI --dir or the current folder). */
  root: string;
  mode: 1 | 2;
  /** Host folder holding server.pem, server.key (and ca.pem for mode 2). */
  certsDir: string;
  httpPort?: number;
  /** The deployment to enable TLS for (chosen by the front); undefined: none found. */
  deployment: Deployment | undefined;
  /** Named by the user: written even outside the project (never through a link). */
  configPath?: string;
  composePath?: string;
  /** Kubernetes: the Secret holding the certificates (certsDir is then not read). */
  secretName?: string;
}

export interface EnableTlsOutcome {
  changes: FileChange[];
  /** One line per change, then warnings ("warning: …") and notes ("note: …"). */
  summary: string[];
  plan: EnableTlsPlan;
  configPath: string;
  composePath: string | undefined;
  /** Kubernetes: how to apply the change (`helm upgrade …`, `kubectl apply -f …`); undefined for compose. */
  applyHint?: string;
}

/** The config file Milvus reads last among those the deployment loads from the workspace. */
function configFileOf(deployment: Deployment | undefined): string | undefined {
  const hostFiles = (deployment?.configFiles ?? []).filter(
    (file) => file.source === 'host' && file.hostPath !== undefined && file.ignoredBecause === undefined,
  );
  return hostFiles[hostFiles.length - 1]?.hostPath;
}

export async function missingCertificateFiles(certsDir: string, mode: 1 | 2, context: ResolveContext): Promise<string[]> {
  const missing: string[] = [];
  for (const name of CERTIFICATE_FILES_BY_MODE[mode]) {
    if ((await context.fs.stat(context.fs.path.join(certsDir, name)))?.type !== 'file') missing.push(name);
  }
  return missing;
}

/** A config file the service mounts but the deployment could not read (outside the project): the one the user means. */
function unreadableMountedConfig(deployment: Deployment | undefined): string | undefined {
  for (const containerPath of [USER_YAML_CONTAINER_PATH, MILVUS_YAML_CONTAINER_PATH]) {
    const location = deployment?.mounts.locate(containerPath);
    if (location?.kind === 'host' && !deployment?.configFiles.some((file) => file.hostPath === location.hostPath)) return location.hostPath;
  }
  return undefined;
}

/**
 * The compose file Enable TLS writes the mounts and the port into: the one of the deployment's project
 * that already lists the Milvus service's volumes (the override, when the user keeps mounts there).
 * `ambiguous` when several do: the front asks, and passes the answer as `composePath`.
 */
export function enableTlsComposeTarget(deployment: Deployment | undefined): ServiceEditTarget | undefined {
  const compose = deployment?.compose;
  return compose ? serviceEditTarget(compose.project, compose.service, 'volumes') : undefined;
}

async function chooseFiles(
  request: EnableTlsRequest,
  context: ResolveContext,
): Promise<{ configPath: string; composePath: string | undefined }> {
  const pathApi = context.fs.path;
  const composeDir = request.deployment?.compose?.project.dir;
  let configPath =
    request.configPath !== undefined
      ? pathApi.resolve(request.configPath)
      : (unreadableMountedConfig(request.deployment) ?? configFileOf(request.deployment));
  if (configPath === undefined) configPath = pathApi.join(composeDir ?? request.root, 'milvus.yaml');
  const composePath =
    request.composePath !== undefined
      ? pathApi.resolve(request.composePath)
      : (enableTlsComposeTarget(request.deployment)?.file ?? (await composeFileIn(pathApi.dirname(configPath), context)));
  return { configPath, composePath };
}

/** The merged project when the compose file to edit is one of its files: decisions are made on it, paths are relative to its folder. */
function projectOf(
  deployment: Deployment | undefined,
  composePath: string | undefined,
  context: ResolveContext,
): ComposeProjectView | undefined {
  const project = deployment?.compose?.project;
  if (!project || composePath === undefined || !project.files.includes(composePath)) return undefined;
  const machine = context.machine ?? localMachine(context.fs.path);
  return { compose: project.compose, dir: project.dir, pathApi: context.fs.path, caseInsensitive: machine.caseInsensitivePaths };
}

/** Says which file got the compose edits when another one could have, and how to pick it. */
function composeTargetNote(
  request: EnableTlsRequest,
  plan: EnableTlsPlan,
  composePath: string | undefined,
  pathApi: ResolveContext['fs']['path'],
): string[] {
  const target = enableTlsComposeTarget(request.deployment);
  if (!target?.ambiguous || request.composePath !== undefined || composePath === undefined || plan.compose.length === 0) return [];
  const names = target.candidates.map((file) => projectLabel(pathApi, request.root, file));
  return [
    `note: ${names.join(' and ')} all list the volumes of the Milvus service; the mounts and the port went into ${projectLabel(pathApi, request.root, composePath)} (Compose merges it last)`,
  ];
}

export async function planEnableTlsChanges(request: EnableTlsRequest, context: ResolveContext): Promise<EnableTlsOutcome> {
  if (request.deployment?.kind === 'kubernetes') return kubernetesOutcome(request, request.deployment, context);
  const pathApi = context.fs.path;
  const missing = await missingCertificateFiles(request.certsDir, request.mode, context);
  if (missing.length > 0) throw new MissingCertificatesError(request.certsDir, missing);
  const { configPath, composePath } = await chooseFiles(request, context);
  await checkWritableTarget(configPath, request.root, request.configPath !== undefined, context);
  if (composePath !== undefined) await checkWritableTarget(composePath, request.root, request.composePath !== undefined, context);
  const configText = (await readText(context.fs, configPath)).text;
  const composeText = composePath === undefined ? undefined : (await readText(context.fs, composePath)).text;
  const composeProject = projectOf(request.deployment, composePath, context);
  // Relative paths in any of a project's files resolve against the project folder, not the file's own.
  const baseDir = composeProject?.dir ?? pathApi.dirname(composePath ?? configPath);
  const configLabel = projectLabel(pathApi, request.root, configPath);
  const composeLabel = composePath === undefined ? undefined : projectLabel(pathApi, request.root, composePath);
  const plan = planEnableTls({
    milvusYamlText: configText,
    composeText,
    mode: request.mode,
    milvusYamlLabel: configLabel,
    composeLabel,
    certsHostDir: relativePosixPath(pathApi, baseDir, request.certsDir),
    configHostPath: relativePosixPath(pathApi, baseDir, configPath),
    files: { serverPem: 'server.pem', serverKey: 'server.key', caPem: 'ca.pem' },
    ...(request.httpPort !== undefined ? { httpPort: request.httpPort } : {}),
    ...(composeProject ? { composeProject } : {}),
  });
  const changes: FileChange[] = [{ path: configPath, label: configLabel, before: configText, edits: plan.milvusYaml }];
  if (composePath !== undefined && composeLabel !== undefined) {
    changes.push({ path: composePath, label: composeLabel, before: composeText, edits: plan.compose });
  }
  const summary = [...plan.summary, ...composeTargetNote(request, plan, composePath, pathApi)];
  if (composePath === undefined) {
    summary.push(
      `note: no compose file next to ${configLabel}: mount ${projectLabel(pathApi, request.root, request.certsDir)} at ${plan.certsContainerDir} and the config into the Milvus container yourself`,
    );
  }
  summary.push(...(await effectiveWarnings(request, changes, configPath, context)));
  return { changes, summary, plan, configPath, composePath };
}

/** What Milvus would run with after the edits: environment variables or a later file can still override them. */
async function effectiveWarnings(
  request: EnableTlsRequest,
  changes: readonly FileChange[],
  configPath: string,
  context: ResolveContext,
): Promise<string[]> {
  const after = verifiedContext(
    context,
    changes.map((change) => ({ path: change.path, text: resultText(change) })),
  );
  const deployment = await deploymentForConfigFile(configPath, [request.root], after);
  const warnings: string[] = [];
  if (deployment.tlsMode.mode !== request.mode) {
    const from = deployment.provenanceOf('common.security.tlsMode');
    warnings.push(
      `warning: after this change Milvus still runs with tlsMode ${deployment.tlsMode.mode}${from ? `, set by ${from.text}` : ''}: change it there too`,
    );
  }
  return warnings;
}

/** A Kubernetes deployment: the values file or Milvus resource is the one file edited (kubernetesTls.ts). */
async function kubernetesOutcome(request: EnableTlsRequest, deployment: Deployment, context: ResolveContext): Promise<EnableTlsOutcome> {
  const outcome = await planKubernetesEnableTlsChanges(
    {
      root: request.root,
      deployment,
      mode: request.mode,
      explicit: request.configPath !== undefined,
      ...(request.secretName !== undefined ? { secretName: request.secretName } : {}),
      ...(request.httpPort !== undefined ? { httpPort: request.httpPort } : {}),
    },
    context,
  );
  const edits = outcome.changes[0]?.edits;
  return {
    changes: outcome.changes,
    summary: outcome.summary,
    plan: {
      milvusYaml: Array.isArray(edits) ? edits : [],
      compose: [],
      summary: outcome.summary,
      changes: [],
      certsContainerDir: outcome.certsContainerDir,
      httpPort: outcome.httpPort,
    },
    configPath: outcome.file,
    composePath: undefined,
    applyHint: outcome.applyHint,
  };
}
