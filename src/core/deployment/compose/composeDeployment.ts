/**
 * The docker-compose kind: one Milvus service of a compose project. Milvus reads the config files the
 * service mounts at /milvus/configs (else the image's own milvus.yaml), its environment overrides
 * them, its image tag gives the version, its volumes map container paths to workspace files and its
 * `ports:` say where clients connect.
 */
import type { ComposeFile, ComposeService } from '../../compose';
import { environmentFromCompose } from '../../config/effectiveConfig';
import { readText } from '../../workspace';
import type { AssembleInput } from '../assemble';
import { assembleDeployment } from '../assemble';
import type { ResolveContext } from '../context';
import { IMAGE_MILVUS_YAML_NAME, MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH, imageMilvusYaml } from '../imageDefaults';
import { derived, fromDefault, fromFile } from '../provenance';
import type { ConfigSlot, Deployment, DeploymentConfigFile, MountTable, Traced } from '../types';
import { composeMountTable, composePortPublisher, fromComposeLine } from './composeMounts';
import type { ComposeProject } from './composeProject';

export interface ComposeFacts {
  project: ComposeProject;
  service: ComposeService;
}

export interface ComposeDeploymentRequest {
  project: ComposeProject;
  service: ComposeService;
  /** The workspace folder (or CLI folder) the deployment belongs to; paths in messages are relative to it. */
  root: string;
  /**
   * A config file being edited that should stand in its slot even though the service does not mount
   * it: the language server checks what the file would do once mounted, and says that it is not.
   */
  focus?: string;
}

export const CONTAINER_PATH_OF_SLOT: Readonly<Record<ConfigSlot, string>> = {
  'milvus.yaml': MILVUS_YAML_CONTAINER_PATH,
  'user.yaml': USER_YAML_CONTAINER_PATH,
};

function slotByName(pathApi: { basename(path: string): string }, filePath: string): ConfigSlot {
  return pathApi.basename(filePath) === 'user.yaml' ? 'user.yaml' : 'milvus.yaml';
}

async function mountedConfig(slot: ConfigSlot, mounts: MountTable, context: ResolveContext, notes: string[]): Promise<DeploymentConfigFile | undefined> {
  const containerPath = CONTAINER_PATH_OF_SLOT[slot];
  const location = mounts.locate(containerPath);
  if (!location) return undefined;
  if (location.kind !== 'host') {
    notes.push(`${containerPath} is mounted, but ${location.kind === 'opaque' ? location.reason : 'not from a file we can read'}`);
    return undefined;
  }
  const read = await readText(context.fs, location.hostPath);
  if (read.text === undefined) {
    notes.push(`${containerPath} is mounted from ${location.hostPath}, which cannot be read: ${read.failure?.message ?? ''}`);
    return undefined;
  }
  return {
    slot, containerPath, source: 'host', hostPath: location.hostPath,
    config: context.parsed.config(location.hostPath, read.text),
    ...(location.mount ? { mountedBy: location.mount.from } : {}),
  };
}

function imageConfig(): DeploymentConfigFile {
  return { slot: 'milvus.yaml', containerPath: MILVUS_YAML_CONTAINER_PATH, source: 'image', config: imageMilvusYaml(), mountedBy: { kind: 'image', text: IMAGE_MILVUS_YAML_NAME } };
}

function versionOf(service: ComposeService, compose: ComposeFile, root: string, context: ResolveContext): Traced<ComposeService['imageVersion']> {
  if (service.image === undefined) return { value: undefined, from: fromDefault(`the service "${service.name}" names no image: treated as the newest Milvus`) };
  const note = service.imageVersion ? '' : ' (no version in the tag: treated as the newest Milvus)';
  const from = compose.fileName !== undefined && service.imageRange
    ? fromComposeLine(context.fs.path, root, compose.fileName, compose, service.imageRange.start)
    : derived('the compose file');
  return { value: service.imageVersion, from: { ...from, text: `${from.text}, image ${service.image}${note}` } };
}

export async function composeDeployment(request: ComposeDeploymentRequest, context: ResolveContext): Promise<Deployment> {
  const { project, service, root } = request;
  const compose = project.compose;
  const pathApi = context.fs.path;
  const mounts = composeMountTable(service, compose, root, pathApi);
  const notes: string[] = [...project.problems];
  const configFiles: DeploymentConfigFile[] = [];
  const milvusYaml = await mountedConfig('milvus.yaml', mounts, context, notes);
  configFiles.push(milvusYaml ?? imageConfig());
  const userYaml = await mountedConfig('user.yaml', mounts, context, notes);
  if (userYaml) configFiles.push(userYaml);
  let hypothetical: string | undefined;
  if (request.focus !== undefined && !configFiles.some((file) => file.hostPath === request.focus)) {
    const focusText = await readText(context.fs, request.focus);
    if (focusText.text !== undefined) {
      const slot = slotByName(pathApi, request.focus);
      const index = configFiles.findIndex((file) => file.slot === slot);
      const replaced: DeploymentConfigFile = { slot, containerPath: CONTAINER_PATH_OF_SLOT[slot], source: 'host', hostPath: request.focus, config: context.parsed.config(request.focus, focusText.text) };
      if (index >= 0) configFiles[index] = replaced;
      else configFiles.push(replaced);
      hypothetical = `the service "${service.name}" does not mount ${pathApi.basename(request.focus)}; checked as if it were its ${slot}`;
      notes.push(hypothetical);
    }
  }
  const composeName = compose.fileName !== undefined ? fromFile(pathApi, root, compose.fileName, undefined, undefined).text : 'the compose file';
  const input: AssembleInput = {
    kind: 'compose',
    id: `compose:${project.files[0] ?? project.dir}#${service.name}`,
    label: `compose service "${service.name}" (${composeName})`,
    root,
    version: versionOf(service, compose, root, context),
    configFiles: configFiles.sort((a, b) => Number(a.slot === 'user.yaml') - Number(b.slot === 'user.yaml')),
    environment: environmentFromCompose(service, compose.fileName, compose.lines),
    mounts,
    publisher: composePortPublisher(service, compose, root, pathApi),
    hostPathsAreLocal: false,
    notes,
  };
  const deployment = await assembleDeployment(input, context);
  deployment.compose = { project, service };
  if (hypothetical !== undefined) deployment.hypothetical = hypothetical;
  return deployment;
}
