/**
 * The docker-compose half of Enable TLS: on every Milvus service, mount the certificate folder and
 * the config file unless a mount already provides them, and publish the REST port on the service
 * that serves it. Existing mounts are reused (their container path goes into milvus.yaml), so a
 * second run plans nothing.
 */
import path from 'node:path';
import type { ComposeService } from '../compose/composeFile';
import { containerPathsOfHostPath, findMilvusServices, isAtLeastVersion, mapContainerPath, parseComposeFile } from '../compose/composeFile';
import { normaliseEnvName } from '../config/keyNormalisation';
import { parseYamlWithRanges } from '../config/yamlSource';
import { appendToServiceList, detectDashOffset, type ComposeTextContext } from './composeLists';
import { EditPlanError } from './errors';
import { EditCollector, type TextEdit } from './textEdit';
import { detectEol, detectIndentUnit } from './yamlText';

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
}

export interface ComposePlan {
  edits: TextEdit[];
  summary: string[];
  /** The certificate folder as the container sees it (an existing mount's, else /milvus/tls). */
  certsContainerDir: string;
}

export function planComposeEdits(input: ComposePlanInput): ComposePlan {
  const { text, label } = input;
  const fail = (message: string): never => { throw new EditPlanError(label, message); };
  const compose = parseComposeFile(text, `${COMPOSE_DIR}/${path.posix.basename(label)}`);
  const syntaxError = compose.errors.find((problem) => problem.severity === 'error');
  if (syntaxError) fail(`cannot be edited safely: ${syntaxError.message}. Fix the YAML first.`);
  const services = findMilvusServices(compose);
  if (services.length === 0) fail('has no Milvus service (an image milvusdb/milvus or a command "milvus run …")');

  const context: ComposeTextContext = {
    text, document: parseYamlWithRanges(text).document, eol: detectEol(text), label,
    dashOffset: detectDashOffset(text, detectIndentUnit(text)),
  };
  const collector = new EditCollector();
  const summary: string[] = [];
  const certsHost = hostPath(input.certsHostDir);
  const configHost = hostPath(input.configHostPath);
  // The REST port belongs to the service that serves the external ports: standalone, or the proxy of a cluster.
  const serving = services.filter((service) => service.milvusRole === 'standalone' || service.milvusRole === 'proxy');
  const primary = serving.length > 0 ? serving : services;
  const certsContainerDir = existingContainerPath(certsHost, primary[0] as ComposeService) ?? DEFAULT_CERTS_CONTAINER_DIR;

  for (const service of services) {
    const mounts: string[] = [];
    if (mapContainerPath(certsContainerDir, service, COMPOSE_DIR)?.hostPath !== certsHost) {
      refuseOccupied(service, certsContainerDir, 'the certificate folder', fail);
      mounts.push(`${sourceText(input.certsHostDir)}:${certsContainerDir}`);
      summary.push(`${label} (${service.name}): mount ${displayDir(input.certsHostDir)} at ${certsContainerDir}`);
    }
    const configTargets = [MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH];
    if (!configTargets.some((target) => mapContainerPath(target, service, COMPOSE_DIR)?.hostPath === configHost)) {
      // 2.3 reads only milvus.yaml; an unknown tag (latest) is a current release.
      const target = input.configCreated && isAtLeastVersion(service.imageVersion, '2.4.0') ? USER_YAML_CONTAINER_PATH : MILVUS_YAML_CONTAINER_PATH;
      refuseOccupied(service, target, `${input.configHostPath}`, fail);
      mounts.push(`${sourceText(input.configHostPath)}:${target}`);
      summary.push(`${label} (${service.name}): mount ${input.configHostPath} at ${target}`);
    }
    appendToServiceList(context, service.name, 'volumes', mounts, undefined, collector);
    const overrides = service.environment.filter((variable) => input.keysSet.includes(normaliseEnvName(variable.name)));
    for (const variable of overrides) {
      summary.push(`warning: ${label} (${service.name}) sets ${variable.name}=${variable.rawValue ?? ''}, which overrides milvus.yaml; remove it or set it to the same value`);
    }
  }
  for (const service of primary) {
    if (service.ports.some((port) => port.targetPort === input.httpPort)) continue;
    appendToServiceList(context, service.name, 'ports', [`${input.httpPort}:${input.httpPort}`], '"', collector);
    summary.push(`${label} (${service.name}): publish port ${input.httpPort} (REST, proxy.http.port)`);
    const clash = compose.services.find((other) => other.ports.some((port) => port.publishedPort === input.httpPort));
    if (clash) summary.push(`warning: ${label}: host port ${input.httpPort} is also published by service "${clash.name}"; change one of them`);
  }
  return { edits: collector.edits, summary, certsContainerDir };
}

/** The container path at which `host` is visible in the service (not hidden by a deeper mount). */
function existingContainerPath(host: string, service: ComposeService): string | undefined {
  return containerPathsOfHostPath(host, service, COMPOSE_DIR)
    .find((candidate) => mapContainerPath(candidate.containerPath, service, COMPOSE_DIR)?.hostPath === host)?.containerPath;
}

/** A second mount on the same container path makes `docker compose up` fail: say so instead. */
function refuseOccupied(service: ComposeService, target: string, what: string, fail: (message: string) => never): void {
  const occupying = service.volumes.find((mount) => mount.target === target);
  if (occupying) {
    fail(`service "${service.name}" already mounts "${occupying.raw}" at ${target}, so ${what} cannot be mounted there. `
      + 'Point Milvus TLS at the files that mount uses, or remove it.');
  }
}

function hostPath(relativeOrAbsolute: string): string {
  return path.posix.resolve(COMPOSE_DIR, toPosix(relativeOrAbsolute));
}

function toPosix(value: string): string {
  return value.replace(/\\/g, '/');
}

/** `tls` → `${DOCKER_VOLUME_DIRECTORY:-.}/tls`, as the docs write it; absolute and `../` paths stay as they are. */
function sourceText(relativeOrAbsolute: string): string {
  const normalised = path.posix.normalize(toPosix(relativeOrAbsolute));
  if (path.posix.isAbsolute(normalised) || normalised.startsWith('..')) return normalised;
  return normalised === '.' ? VOLUME_DIRECTORY_PREFIX : `${VOLUME_DIRECTORY_PREFIX}/${normalised}`;
}

function displayDir(value: string): string {
  const normalised = path.posix.normalize(toPosix(value));
  return normalised.endsWith('/') ? normalised : `${normalised}/`;
}

/**
 * Host files (relative to the compose file's folder when written relative) that the compose file
 * mounts as Milvus's config, milvus.yaml first: when a project keeps its config elsewhere
 * (`./configs/milvus.yaml`), that is the file to edit, not a new one at the root.
 */
export function mountedConfigFiles(composeText: string): string[] {
  const compose = parseComposeFile(composeText, `${COMPOSE_DIR}/compose.yaml`);
  const found: string[] = [];
  for (const target of [MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH]) {
    for (const service of findMilvusServices(compose)) {
      const mapping = mapContainerPath(target, service, COMPOSE_DIR);
      if (mapping?.hostPath === undefined) continue;
      const relative = mapping.mount.source?.startsWith('/') ? mapping.hostPath : path.posix.relative(COMPOSE_DIR, mapping.hostPath);
      if (!found.includes(relative)) found.push(relative);
    }
  }
  return found;
}

/**
 * Adds one volume to a service (the "mount the folder" quick fix), in the list's own indentation,
 * quoting and line endings; refused (EditPlanError) where the layout is unusual.
 */
export function planAddServiceVolume(composeText: string, serviceName: string, volume: string, label: string): TextEdit[] {
  const context: ComposeTextContext = {
    text: composeText, document: parseYamlWithRanges(composeText).document, eol: detectEol(composeText), label,
    dashOffset: detectDashOffset(composeText, detectIndentUnit(composeText)),
  };
  const collector = new EditCollector();
  appendToServiceList(context, serviceName, 'volumes', [volume], undefined, collector);
  return collector.edits;
}
