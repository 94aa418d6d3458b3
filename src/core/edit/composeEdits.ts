/**
 * The docker-compose half of Enable TLS: on every Milvus service, mount the certificate folder and
 * the config file unless a mount already provides them, and publish the REST port on the service
 * that serves it. Existing mounts are reused (their container path goes into milvus.yaml), so a
 * second run plans nothing.
 */
import path from 'node:path';
import type { ComposeService } from '../compose/composeFile';
import { isAtLeastVersion, mapContainerPath, parseComposeFile } from '../compose/composeFile';
import { normaliseEnvName } from '../config/keyNormalisation';
import { addServiceEntry, appendToServiceList, composeTextContext, serviceNode, type ServiceList } from './composeLists';
import type { ComposePlanView, ComposeProjectView } from './composePlanView';
import { projectView, singleFileView } from './composePlanView';
import { EditPlanError } from './errors';
import { volumeEntry, type VolumeSource } from './insertedText';
import { blockingProblem, readBackFailed } from './readBack';
import { applyTextEdits, EditCollector, type TextEdit } from './textEdit';

/** Where the docs mount the certificates and the config (milvus-tls-facts.md §2). */
export const DEFAULT_CERTS_CONTAINER_DIR = '/milvus/tls';
export const MILVUS_YAML_CONTAINER_PATH = '/milvus/configs/milvus.yaml';
export const USER_YAML_CONTAINER_PATH = '/milvus/configs/user.yaml';
/** Relative host paths are written the way the shipped compose files write theirs. */
const VOLUME_DIRECTORY_PREFIX = '${DOCKER_VOLUME_DIRECTORY:-.}';
/** The compose file's folder, for resolving relative host paths without touching the disk. */
const COMPOSE_DIR = '/compose';

export interface ComposePlanInput {
  text: string;
  label: string;
  /** Certificate folder, relative to the compose file's folder (or absolute). */
  certsHostDir: string;
  /** The Milvus config file, relative to the compose file's folder (or absolute). */
  configHostPath: string;
  /** The config file is new: mount it as user.yaml where Milvus reads one, so the image's full milvus.yaml stays. */
  configCreated: boolean;
  httpPort: number;
  /** Normalised Milvus keys the plan sets, to warn about environment variables that override them. */
  keysSet: readonly string[];
  /**
   * The project the file belongs to (the file with its override, or COMPOSE_FILE's list): what is
   * already mounted or published is decided on it, so nothing another file provides is added again.
   * Host paths above are then relative to the project folder. Undefined: the file on its own.
   */
  project?: ComposeProjectView;
}

export interface ComposePlan {
  edits: TextEdit[];
  summary: string[];
  /** The certificate folder as the container sees it (an existing mount's, else /milvus/tls). */
  certsContainerDir: string;
}

export function planComposeEdits(input: ComposePlanInput): ComposePlan {
  const { text, label } = input;
  const fail = (message: string): never => {
    throw new EditPlanError(label, message);
  };
  const compose = parseComposeFile(text, `${COMPOSE_DIR}/${path.posix.basename(label)}`);
  const syntaxError = blockingProblem(compose.errors);
  if (syntaxError) fail(`cannot be edited safely: ${syntaxError.message.replace(/\.$/, '')}. Fix the YAML first.`);
  const view = input.project ? projectView(input.project) : singleFileView(compose);
  const services = view.milvusServices;
  if (services.length === 0) {
    fail(
      input.project
        ? 'belongs to a project with no Milvus service'
        : 'has no Milvus service (an image milvusdb/milvus or a command "milvus run …")',
    );
  }

  const context = composeTextContext(text, label);
  const collector = new EditCollector();
  const summary: string[] = [];
  const certsHost = view.hostOf(input.certsHostDir);
  const configHost = view.hostOf(input.configHostPath);
  // The REST port belongs to the service that serves the external ports: standalone, or the proxy of a cluster.
  const serving = services.filter((service) => service.milvusRole === 'standalone' || service.milvusRole === 'proxy');
  const primary = serving.length > 0 ? serving : services;
  const certsContainerDir = view.containerPathOf(certsHost, primary[0] as ComposeService) ?? DEFAULT_CERTS_CONTAINER_DIR;
  // A service the edited file does not define yet (an override names only some) gets one entry of its own there.
  const missing = new Map<string, ServiceList[]>();
  const listIn = (service: ComposeService, key: 'volumes' | 'ports', values: string[], quote: '"' | undefined): void => {
    if (values.length === 0) return;
    if (serviceNode(context, service.name) !== undefined) appendToServiceList(context, service.name, key, values, quote, collector);
    else missing.set(service.name, [...(missing.get(service.name) ?? []), { key, values, quote }]);
  };

  for (const service of services) {
    const mounts: string[] = [];
    if (!view.same(view.hostAt(certsContainerDir, service), certsHost)) {
      refuseOccupied(service, certsContainerDir, 'the certificate folder', fail);
      mounts.push(volumeEntry(label, sourceText(input.certsHostDir), certsContainerDir));
      summary.push(`${label} (${service.name}): mount ${displayDir(input.certsHostDir)} at ${certsContainerDir}`);
    }
    const configTargets = [MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH];
    if (!configTargets.some((target) => view.same(view.hostAt(target, service), configHost))) {
      // 2.3 reads only milvus.yaml; an unknown tag (latest) is a current release.
      const target =
        input.configCreated && isAtLeastVersion(service.imageVersion, '2.4.0') ? USER_YAML_CONTAINER_PATH : MILVUS_YAML_CONTAINER_PATH;
      refuseOccupied(service, target, `${input.configHostPath}`, fail);
      mounts.push(volumeEntry(label, sourceText(input.configHostPath), target));
      summary.push(`${label} (${service.name}): mount ${input.configHostPath} at ${target}`);
    }
    listIn(service, 'volumes', mounts, undefined);
    const overrides = service.environment.filter((variable) => input.keysSet.includes(normaliseEnvName(variable.name)));
    for (const variable of overrides) {
      summary.push(
        `warning: ${label} (${service.name}) sets ${variable.name}=${variable.rawValue ?? ''}, which overrides milvus.yaml; remove it or set it to the same value`,
      );
    }
  }
  for (const service of primary) {
    if (service.ports.some((port) => port.targetPort === input.httpPort)) continue;
    listIn(service, 'ports', [`${input.httpPort}:${input.httpPort}`], '"');
    summary.push(`${label} (${service.name}): publish port ${input.httpPort} (REST, proxy.http.port)`);
    const clash = view.services.find((other) => other.ports.some((port) => port.publishedPort === input.httpPort));
    if (clash) {
      summary.push(`warning: ${label}: host port ${input.httpPort} is also published by service "${clash.name}"; change one of them`);
    }
  }
  for (const [name, lists] of missing) addServiceEntry(context, name, lists, collector);
  const edits = collector.edits;
  readBack(applyTextEdits(text, edits), label, view, {
    services,
    serving: primary,
    certsContainerDir,
    certsHost,
    configHost,
    httpPort: input.httpPort,
    project: input.project !== undefined,
  });
  return { edits, summary, certsContainerDir };
}

interface Intended {
  services: readonly ComposeService[];
  serving: readonly ComposeService[];
  certsContainerDir: string;
  certsHost: string;
  configHost: string;
  httpPort: number;
  /** Part of a project: another file may provide what this one does not. */
  project: boolean;
}

/**
 * The edited file parsed as Compose will: it must parse, and every Milvus service it defines must
 * mount both and (the serving ones) publish the port, unless another file of the project already
 * does; otherwise the plan is refused rather than handed out.
 */
function readBack(edited: string, label: string, view: ComposePlanView, intended: Intended): void {
  const compose = parseComposeFile(edited, `${COMPOSE_DIR}/${path.posix.basename(label)}`);
  const problem = blockingProblem(compose.errors);
  if (problem) readBackFailed(label, `the result has a YAML problem: ${problem.message}`);
  const editedView = intended.project ? undefined : singleFileView(compose);
  for (const planned of intended.services) {
    const service = compose.services.find((candidate) => candidate.name === planned.name);
    if (!service) {
      if (intended.project) continue;
      return readBackFailed(label, `service "${planned.name}" is gone`);
    }
    const hostAt = (containerPath: string): string | undefined =>
      (editedView ?? view).hostAt(containerPath, editedView ? service : mergedWith(planned, service, view));
    if (!view.same(hostAt(intended.certsContainerDir), intended.certsHost)) {
      readBackFailed(label, `service "${planned.name}" does not mount the certificate folder at ${intended.certsContainerDir}`);
    }
    if (![MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH].some((target) => view.same(hostAt(target), intended.configHost))) {
      readBackFailed(label, `service "${planned.name}" does not mount the config file`);
    }
    if (
      intended.serving.some((serving) => serving.name === planned.name) &&
      !service.ports.some((port) => port.targetPort === intended.httpPort) &&
      !planned.ports.some((port) => port.targetPort === intended.httpPort)
    ) {
      readBackFailed(label, `service "${planned.name}" does not publish port ${intended.httpPort}`);
    }
  }
}

/**
 * In a project, the merged service with this file's edited volumes added: what Compose will mount.
 * The edited file was parsed on its own, so its bind sources are located in the project folder here.
 */
function mergedWith(merged: ComposeService, edited: ComposeService, view: ComposePlanView): ComposeService {
  const byTarget = new Map(merged.volumes.map((mount) => [mount.target, mount]));
  for (const mount of edited.volumes) {
    if (byTarget.has(mount.target)) continue;
    const located = mount.type === 'bind' && mount.source !== undefined ? { ...mount, hostPath: view.hostOf(mount.source) } : mount;
    byTarget.set(mount.target, located);
  }
  return { ...merged, volumes: [...byTarget.values()] };
}

/** A second mount on the same container path makes `docker compose up` fail: say so instead. */
function refuseOccupied(service: ComposeService, target: string, what: string, fail: (message: string) => never): void {
  const occupying = service.volumes.find((mount) => mount.target === target);
  if (occupying) {
    fail(
      `service "${service.name}" already mounts "${occupying.raw}" at ${target}, so ${what} cannot be mounted there. ` +
        'Point Milvus TLS at the files that mount uses, or remove it.',
    );
  }
}

function toPosix(value: string): string {
  return value.replace(/\\/g, '/');
}

/** `tls` → `${DOCKER_VOLUME_DIRECTORY:-.}/tls`, as the docs write it; absolute and `../` paths stay as they are. */
function sourceText(relativeOrAbsolute: string): VolumeSource {
  const normalised = path.posix.normalize(toPosix(relativeOrAbsolute));
  if (path.posix.isAbsolute(normalised) || normalised.startsWith('..')) return { prefix: '', path: normalised };
  return normalised === '.' ? { prefix: VOLUME_DIRECTORY_PREFIX, path: '' } : { prefix: `${VOLUME_DIRECTORY_PREFIX}/`, path: normalised };
}

function displayDir(value: string): string {
  const normalised = path.posix.normalize(toPosix(value));
  return normalised.endsWith('/') ? normalised : `${normalised}/`;
}

/** A folder to mount, as the "mount the folder" quick fix asks for it. */
export interface VolumeToAdd {
  /** Relative to the compose file's folder (`./certs`) or absolute. */
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

/**
 * Adds one volume to a service in the list's own layout, line endings and quoting. The paths are
 * checked and escaped like every inserted path (insertedText.ts), and the result is parsed back:
 * anything that does not come out as the intended mount is refused (EditPlanError).
 */
export function planAddServiceVolume(composeText: string, serviceName: string, volume: VolumeToAdd, label: string): TextEdit[] {
  const compose = parseComposeFile(composeText, `${COMPOSE_DIR}/compose.yaml`);
  if (blockingProblem(compose.errors)) throw new EditPlanError(label, 'cannot be edited safely: fix the YAML first.');
  if (!compose.services.some((service) => service.name === serviceName)) throw new EditPlanError(label, `has no service "${serviceName}"`);
  const entry = volumeEntry(label, { prefix: '', path: volume.hostPath }, volume.containerPath, volume.readOnly);
  const collector = new EditCollector();
  appendToServiceList(composeTextContext(composeText, label), serviceName, 'volumes', [entry], undefined, collector);
  const service = parseComposeFile(applyTextEdits(composeText, collector.edits), `${COMPOSE_DIR}/compose.yaml`).services.find(
    (candidate) => candidate.name === serviceName,
  );
  const mapped = service ? mapContainerPath(volume.containerPath, service, COMPOSE_DIR)?.hostPath : undefined;
  if (mapped !== path.posix.resolve(COMPOSE_DIR, volume.hostPath)) {
    readBackFailed(label, `the mount ${volume.hostPath}:${volume.containerPath}`);
  }
  return collector.edits;
}
