/**
 * Which deployments a folder holds, and which one a file belongs to. The rules are the ones Compose
 * and Milvus follow, written once:
 * - A compose project is a folder with a compose file; each Milvus service in it is a deployment.
 * - A Milvus config belongs to the nearest compose project above it (up to the root): the service
 *   that mounts it, else the project's first Milvus service (the file is then checked as if mounted).
 * - A config with no compose project above it is a deployment of its own (config-only).
 */
import { containerPathsOfHostPath, findMilvusServices } from '../compose';
import type { ComposeService } from '../compose';
import { isInsideFolder, walkFiles } from '../workspace';
import type { PathApi } from '../workspace';
import { composeDeployment } from './compose/composeDeployment';
import { composeFileIn, loadComposeProject } from './compose/composeProject';
import type { ComposeProject } from './compose/composeProject';
import { configOnlyDeployment } from './configOnly';
import type { ResolveContext } from './context';
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

/** The nearest compose project above a file, up to its root. */
export async function composeProjectAbove(file: string, root: string, context: ResolveContext): Promise<ComposeProject | undefined> {
  for (const folder of foldersUpTo(context.fs.path, file, root)) {
    const composePath = await composeFileIn(folder, context);
    if (composePath !== undefined) return loadComposeProject(composePath, context);
  }
  return undefined;
}

/** The service that mounts the file under /milvus/configs (directly or through a mounted folder). */
function serviceMounting(project: ComposeProject, services: ComposeService[], file: string): ComposeService | undefined {
  return services.find((service) => containerPathsOfHostPath(file, service, project.compose.composeDir)
    .some((mount) => mount.containerPath.startsWith('/milvus/configs/')));
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
  const service = project ? serviceMounting(project, findMilvusServices(project.compose), file) ?? services[0] : undefined;
  if (project && service) return composeDeployment({ project, service, root, focus: file }, context);
  const deployment = await configOnlyDeployment(context.fs.path.dirname(file), root, context, file);
  if (deployment) return deployment;
  // Unreadable (too large, a FIFO, outside the workspace): an empty config-only deployment carries the reason.
  throw new DeploymentError(`${file} cannot be read as a Milvus config`);
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
export async function discoverDeployments(root: string, context: ResolveContext, maxDepth = 4): Promise<Discovery> {
  const pathApi = context.fs.path;
  const walk = await walkFiles(context.fs, root, (name) => CONFIG_NAMES.includes(name) || /^(docker-)?compose\.ya?ml$/.test(name), { maxDepth });
  const deployments: Deployment[] = [];
  const composeFolders = new Set<string>();
  for (const file of walk.files.filter((candidate) => /^(docker-)?compose\.ya?ml$/.test(pathApi.basename(candidate)))) {
    const folder = pathApi.dirname(file);
    if (composeFolders.has(folder)) continue;
    composeFolders.add(folder);
    const composePath = await composeFileIn(folder, context);
    const project = composePath !== undefined ? await loadComposeProject(composePath, context) : undefined;
    for (const service of project ? servingServices(project) : []) {
      if (project) deployments.push(await composeDeployment({ project, service, root }, context));
    }
  }
  const configFolders = new Set(walk.files.filter((file) => CONFIG_NAMES.includes(pathApi.basename(file))).map((file) => pathApi.dirname(file)));
  for (const folder of configFolders) {
    const governed = foldersUpTo(pathApi, pathApi.join(folder, 'milvus.yaml'), root).some((candidate) => composeFolders.has(candidate)
      && deployments.some((deployment) => deployment.compose?.project.dir === candidate));
    if (governed) continue;
    const deployment = await configOnlyDeployment(folder, root, context);
    if (deployment) deployments.push(deployment);
  }
  return { deployments: deployments.sort((a, b) => depthOf(pathApi, a) - depthOf(pathApi, b) || a.id.localeCompare(b.id)), truncated: walk.truncated };
}

function depthOf(pathApi: PathApi, deployment: Deployment): number {
  const anchor = deployment.compose?.project.dir ?? deployment.configFiles.find((file) => file.hostPath !== undefined)?.hostPath ?? deployment.root;
  return pathApi.relative(deployment.root, anchor).split(pathApi.sep).filter(Boolean).length;
}
