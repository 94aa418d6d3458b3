/**
 * Which deployments a folder holds, and which one a file belongs to. The rules are the ones Compose
 * and Milvus follow, written once:
 * - A compose project is what `docker compose` loads in a folder: its compose file and override, or
 *   the COMPOSE_FILE list of its `.env` (composeSelection.ts); each Milvus service in it is a deployment.
 * - A Milvus config belongs to the nearest compose project above it (up to the root): the service
 *   that mounts it, else the project's first Milvus service (the file is then checked as if mounted).
 * - A config with no compose project above it is a deployment of its own (config-only).
 * - A Kubernetes file is recognised by content (kubernetes/discoverKubernetes.ts): a chart values
 *   file is one Helm release, each Milvus resource one deployment.
 */
import { COMPOSE_FILE_NAMES, containerPathsOfHostPath, findMilvusServices } from '../compose';
import type { ComposeService } from '../compose';
import { isInsideFolder, localMachine, walkFiles } from '../workspace';
import type { PathApi } from '../workspace';
import { composeDeployment } from './compose/composeDeployment';
import { loadComposeProjectIn } from './compose/composeProject';
import type { ComposeProject } from './compose/composeProject';
import { MILVUS_CONFIG_DIR } from './imageDefaults';
import { configOnlyDeployment } from './configOnly';
import type { ResolveContext } from './context';
import type { KubernetesNames } from './kubernetes/kubernetesFacts';
import { kubernetesDeployments, recogniseFile } from './kubernetes/discoverKubernetes';
import type { Deployment } from './types';

const CONFIG_NAMES = ['milvus.yaml', 'user.yaml'];

/** Folders from `file`'s own folder up to `root` (inclusive), nearest first; only its own folder when outside root. */
export function foldersUpTo(pathApi: PathApi, file: string, root: string): string[] {
  let folder = pathApi.dirname(pathApi.resolve(file));
  const resolvedRoot = pathApi.resolve(root);
  if (!isInsideFolder(pathApi, folder, resolvedRoot)) return [folder];
  const folders = [folder];
  while (folder !== resolvedRoot) {
    const parent = pathApi.dirname(folder);
    if (parent === folder) break;
    folder = parent;
    folders.push(folder);
  }
  return folders;
}

/** The root (workspace folder) that holds a file: the innermost one, else the file's folder. */
export function rootOf(pathApi: PathApi, file: string, roots: readonly string[]): string {
  const holding = roots.filter((root) => isInsideFolder(pathApi, file, root)).sort((a, b) => b.length - a.length);
  return holding[0] ?? pathApi.dirname(file);
}

/** The nearest compose project above a file, up to its root (an override file alone is not one: Compose looks further up). */
export async function composeProjectAbove(file: string, root: string, context: ResolveContext): Promise<ComposeProject | undefined> {
  for (const folder of foldersUpTo(context.fs.path, file, root)) {
    const project = await loadComposeProjectIn(folder, context);
    if (project) return project;
  }
  return undefined;
}

/** The service that mounts the file under /milvus/configs (directly or through a mounted folder), in whichever project file the mount is written. */
function serviceMounting(services: ComposeService[], file: string, context: ResolveContext): ComposeService | undefined {
  const caseInsensitive = (context.machine ?? localMachine(context.fs.path)).caseInsensitivePaths;
  return services.find((service) =>
    containerPathsOfHostPath(file, service, undefined, { pathApi: context.fs.path, caseInsensitive }).some(
      (mount) => mount.mount.host?.kind === 'local' && mount.containerPath.startsWith(`${MILVUS_CONFIG_DIR}/`),
    ),
  );
}

/** Whether a compose project above the file mounts it into a Milvus service's /milvus/configs, whatever its name. */
export async function isMountedConfigFile(file: string, roots: readonly string[], context: ResolveContext): Promise<boolean> {
  const project = await composeProjectAbove(file, rootOf(context.fs.path, file, roots), context);
  return project !== undefined && serviceMounting(findMilvusServices(project.compose), file, context) !== undefined;
}

/**
 * The services clients talk to: standalone, or the proxy of a cluster. A cluster's other components
 * (query nodes, coordinators) share its config but are not what Test Connection dials.
 */
function servingServices(project: ComposeProject): ComposeService[] {
  const services = findMilvusServices(project.compose);
  const serving = services.filter((service) => service.milvusRole === 'standalone' || service.milvusRole === 'proxy');
  return serving.length > 0 ? serving : services;
}

/** The deployment a Milvus config file (milvus.yaml, user.yaml, …) belongs to, with the file in it. */
export async function deploymentForConfigFile(file: string, roots: readonly string[], context: ResolveContext): Promise<Deployment> {
  const root = rootOf(context.fs.path, file, roots);
  const project = await composeProjectAbove(file, root, context);
  const services = project ? servingServices(project) : [];
  const service = project ? (serviceMounting(findMilvusServices(project.compose), file, context) ?? services[0]) : undefined;
  if (project && service) return composeDeployment({ project, service, root, focus: file }, context);
  const deployment = await configOnlyDeployment(context.fs.path.dirname(file), root, context, file);
  if (deployment) return deployment;
  // Unreadable (too large, a FIFO, outside the workspace): an empty config-only deployment carries the reason.
  throw new DeploymentError(`${file} cannot be read as a Milvus config`);
}

/**
 * The deployments a file belongs to: the Kubernetes deployments it holds when it is a Kubernetes
 * file (none for a Secret on its own), else the one of the Milvus config it is.
 */
export async function deploymentsForFile(
  file: string,
  roots: readonly string[],
  context: ResolveContext,
  names: KubernetesNames = {},
): Promise<Deployment[]> {
  const recognised = await recogniseFile(file, context);
  if (recognised) return kubernetesDeployments(recognised, rootOf(context.fs.path, file, roots), context, names);
  return [await deploymentForConfigFile(file, roots, context)];
}

export class DeploymentError extends Error {
  override readonly name = 'DeploymentError';
}

export interface Discovery {
  deployments: Deployment[];
  /** True when the folder was too large to walk completely. */
  truncated: boolean;
}

/** Every deployment under `root`: compose services running Milvus, and configs with no compose project. */
export async function discoverDeployments(
  root: string,
  context: ResolveContext,
  maxDepth = 4,
  names: KubernetesNames = {},
): Promise<Discovery> {
  const pathApi = context.fs.path;
  // A folder is a project when it has a default compose file, or a .env whose COMPOSE_FILE names its files.
  const isProjectMarker = (name: string): boolean => COMPOSE_FILE_NAMES.includes(name) || name === '.env';
  // Every YAML file is walked: Kubernetes files are recognised by content, whatever their name.
  const walk = await walkFiles(context.fs, root, (name) => /\.ya?ml$/i.test(name) || isProjectMarker(name), { maxDepth });
  const deployments: Deployment[] = [];
  const kubernetesFiles = new Set<string>();
  for (const file of walk.files.filter((candidate) => /\.ya?ml$/i.test(candidate) && !isProjectMarker(pathApi.basename(candidate)))) {
    const recognised = await recogniseFile(file, context);
    if (!recognised) continue;
    kubernetesFiles.add(file);
    deployments.push(...(await kubernetesDeployments(recognised, root, context, names)));
  }
  /** Folders whose compose project runs Milvus: configs below them belong to it. */
  const milvusProjectFolders = new Set<string>();
  for (const folder of new Set(walk.files.filter((file) => isProjectMarker(pathApi.basename(file))).map((file) => pathApi.dirname(file)))) {
    const project = await loadComposeProjectIn(folder, context);
    for (const service of project ? servingServices(project) : []) {
      if (!project) continue;
      milvusProjectFolders.add(folder);
      const deployment = await composeDeployment({ project, service, root }, context);
      // COMPOSE_FILE in a parent's .env may name the files of a child project: one deployment each.
      if (!deployments.some((existing) => existing.id === deployment.id)) deployments.push(deployment);
    }
  }
  const configFolders = new Set(
    walk.files
      .filter((file) => CONFIG_NAMES.includes(pathApi.basename(file)) && !kubernetesFiles.has(file))
      .map((file) => pathApi.dirname(file)),
  );
  for (const folder of configFolders) {
    const governed = foldersUpTo(pathApi, pathApi.join(folder, 'milvus.yaml'), root).some((candidate) =>
      milvusProjectFolders.has(candidate),
    );
    if (governed) continue;
    const deployment = await configOnlyDeployment(folder, root, context);
    if (deployment) deployments.push(deployment);
  }
  return {
    deployments: deployments.sort((a, b) => depthOf(pathApi, a) - depthOf(pathApi, b) || a.id.localeCompare(b.id)),
    truncated: walk.truncated,
  };
}

function depthOf(pathApi: PathApi, deployment: Deployment): number {
  const anchor =
    deployment.compose?.project.dir ??
    deployment.kubernetes?.file ??
    deployment.configFiles.find((file) => file.hostPath !== undefined)?.hostPath ??
    deployment.root;
  return pathApi.relative(deployment.root, anchor).split(pathApi.sep).filter(Boolean).length;
}
