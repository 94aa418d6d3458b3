/**
 * The docker-compose kind: one Milvus service of a compose project. Milvus reads the config files the
 * service mounts at /milvus/configs (else the image's own milvus.yaml), its environment overrides
 * them, its image tag gives the version, its volumes map container paths to workspace files and its
 * `ports:` say where clients connect.
 */
import type { ComposeService } from '../../compose';
import type { EnvironmentVariableInput } from '../../config/effectiveConfig';
import { environmentFromCompose } from '../../config/effectiveConfig';
import { localMachine, readText } from '../../workspace';
import type { PathApi } from '../../workspace';
import type { AssembleInput } from '../assemble';
import { assembleDeployment } from '../assemble';
import type { ResolveContext } from '../context';
import { imageConfigFile, MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH } from '../imageDefaults';
import { fromDefault, fromFile } from '../provenance';
import type { ConfigSlot, Deployment, DeploymentConfigFile, MountTable, Traced } from '../types';
import { composeMountTable, composePortPublisher, composeValueOrigin } from './composeMounts';
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

async function mountedConfig(
  slot: ConfigSlot,
  mounts: MountTable,
  context: ResolveContext,
  notes: string[],
): Promise<DeploymentConfigFile | undefined> {
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
    slot,
    containerPath,
    source: 'host',
    hostPath: location.hostPath,
    config: context.parsed.config(location.hostPath, read.text),
    ...(location.mount ? { mountedBy: location.mount.from } : {}),
  };
}

function versionOf(service: ComposeService, root: string, context: ResolveContext): Traced<ComposeService['imageVersion']> {
  if (service.image === undefined) {
    return { value: undefined, from: fromDefault(`the service "${service.name}" names no image: treated as the newest Milvus`) };
  }
  const note = service.imageVersion ? '' : ' (no version in the tag: treated as the newest Milvus)';
  const from = composeValueOrigin(context.fs.path, root, service.imageDefinedIn, service.imageRange?.start ?? 0);
  return { value: service.imageVersion, from: { ...from, text: `${from.text}, image ${service.image}${note}` } };
}

/** The service's environment, each variable with the file (base or override) that sets it. */
function serviceEnvironment(service: ComposeService): EnvironmentVariableInput[] {
  const inputs = environmentFromCompose(service);
  return inputs.map((input, index) => {
    const definedIn = service.environment[index]?.definedIn;
    return definedIn ? { ...input, fileName: definedIn.fileName, lines: definedIn.lines } : input;
  });
}

/** `docker-compose.yml + docker-compose.override.yml`, relative to the root. */
function projectFilesText(project: ComposeProject, pathApi: PathApi, root: string): string {
  const names = project.files.map((file) => fromFile(pathApi, root, file, undefined, undefined).text).join(' + ');
  return project.selectedBy.startsWith('COMPOSE_FILE') ? `${names}, from ${project.selectedBy}` : names;
}

/** Why the service might not start with a plain `docker compose up`, and which files Compose merged. */
function projectNotes(project: ComposeProject, service: ComposeService, pathApi: PathApi, root: string): string[] {
  const notes: string[] = [];
  if (project.files.length > 1 || project.included.length > 0) {
    const included = project.included.map((file) => fromFile(pathApi, root, file, undefined, undefined).text);
    notes.push(
      `Compose merges ${projectFilesText(project, pathApi, root)}${included.length > 0 ? ` (including ${included.join(', ')})` : ''}`,
    );
  }
  const profileNote = profilesNote(project, service);
  if (profileNote !== undefined) notes.push(profileNote);
  return notes;
}

function profilesNote(project: ComposeProject, service: ComposeService): string | undefined {
  if (service.profiles.length === 0) return undefined;
  const names = service.profiles.map((profile) => `"${profile}"`).join(', ');
  const active = service.profiles.filter((profile) => project.activeProfiles.includes(profile) || project.activeProfiles.includes('*'));
  return active.length > 0
    ? `the service "${service.name}" is in the profile ${names}, which COMPOSE_PROFILES turns on`
    : `the service "${service.name}" is only in the profile ${names}: it starts with docker compose --profile ${service.profiles[0] ?? ''} up (or COMPOSE_PROFILES)`;
}

export async function composeDeployment(request: ComposeDeploymentRequest, context: ResolveContext): Promise<Deployment> {
  const { project, service, root } = request;
  const compose = project.compose;
  const pathApi = context.fs.path;
  const machine = context.machine ?? localMachine(pathApi);
  const mounts = composeMountTable(service, compose, root, pathApi, { caseInsensitive: machine.caseInsensitivePaths });
  const notes: string[] = [...project.problems, ...projectNotes(project, service, pathApi, root)];
  const configFiles: DeploymentConfigFile[] = [];
  const milvusYaml = await mountedConfig('milvus.yaml', mounts, context, notes);
  configFiles.push(milvusYaml ?? imageConfigFile());
  const userYaml = await mountedConfig('user.yaml', mounts, context, notes);
  if (userYaml) configFiles.push(userYaml);
  let hypothetical: string | undefined;
  if (request.focus !== undefined && !configFiles.some((file) => file.hostPath === request.focus)) {
    const focusText = await readText(context.fs, request.focus);
    if (focusText.text !== undefined) {
      const slot = slotByName(pathApi, request.focus);
      const index = configFiles.findIndex((file) => file.slot === slot);
      const replaced: DeploymentConfigFile = {
        slot,
        containerPath: CONTAINER_PATH_OF_SLOT[slot],
        source: 'host',
        hostPath: request.focus,
        config: context.parsed.config(request.focus, focusText.text),
      };
      if (index >= 0) configFiles[index] = replaced;
      else configFiles.push(replaced);
      hypothetical = `the service "${service.name}" does not mount ${pathApi.basename(request.focus)}; checked as if it were its ${slot}`;
      notes.push(hypothetical);
    }
  }
  const profile = service.profiles.length > 0 ? `; profile ${service.profiles.map((name) => `"${name}"`).join(', ')}` : '';
  const input: AssembleInput = {
    kind: 'compose',
    id: `compose:${project.files[0] ?? project.dir}#${service.name}`,
    label: `compose service "${service.name}" (${projectFilesText(project, pathApi, root)}${profile})`,
    root,
    version: versionOf(service, root, context),
    configFiles: configFiles.sort((a, b) => Number(a.slot === 'user.yaml') - Number(b.slot === 'user.yaml')),
    environment: serviceEnvironment(service),
    mounts,
    publisher: composePortPublisher(service, root, pathApi),
    hostPathsAreLocal: false,
    notes,
  };
  const deployment = await assembleDeployment(input, context);
  deployment.compose = { project, service };
  if (hypothetical !== undefined) deployment.hypothetical = hypothetical;
  return deployment;
}
