/**
 * What the compose half of Enable TLS decides on: the Milvus services and where their container
 * paths lead. Edits go into one file's text, but whether a mount or a port already exists is a
 * question about the project Compose runs: the file with its override (or COMPOSE_FILE's list), so a
 * mount the override provides is never added again to the base file. Without a project (a compose
 * file named on its own), the file is the project.
 */
import path from 'node:path';
import type { ComposeService } from '../compose/composeFile';
import { containerPathsOfHostPath, findMilvusServices, mapContainerPath } from '../compose/composeFile';
import type { ComposeFile } from '../compose/composeFile';
import type { PathApi } from '../workspace/fileSystem';

/** The merged project the edited file belongs to, with bind sources resolved on this machine. */
export interface ComposeProjectView {
  compose: ComposeFile;
  /** Relative host paths in the edit (certsHostDir, configHostPath) are relative to this folder, as Compose resolves them. */
  dir: string;
  pathApi: PathApi;
  caseInsensitive: boolean;
}

export interface ComposePlanView {
  /** Every service, for port clashes. */
  services: ComposeService[];
  milvusServices: ComposeService[];
  /** A host path written relative to the project folder (or absolute), as a comparable absolute path. */
  hostOf(relativeOrAbsolute: string): string;
  /** The host path a container path leads to in the service, if a bind (or bind volume) provides it. */
  hostAt(containerPath: string, service: ComposeService): string | undefined;
  /** The container path at which a host folder is visible in the service (not hidden by a deeper mount). */
  containerPathOf(host: string, service: ComposeService): string | undefined;
  same(a: string | undefined, b: string): boolean;
}

/** The compose file's folder, for resolving relative host paths of a file read on its own without touching the disk. */
const COMPOSE_DIR = '/compose';

function toPosix(value: string): string {
  return value.replace(/\\/g, '/');
}

/** The file alone: relative paths against a stand-in folder, posix paths, exact comparison. */
export function singleFileView(compose: ComposeFile): ComposePlanView {
  const hostAt = (containerPath: string, service: ComposeService): string | undefined =>
    mapContainerPath(containerPath, service, COMPOSE_DIR)?.hostPath;
  return {
    services: compose.services,
    milvusServices: findMilvusServices(compose),
    hostOf: (relativeOrAbsolute) => path.posix.resolve(COMPOSE_DIR, toPosix(relativeOrAbsolute)),
    hostAt,
    containerPathOf: (host, service) =>
      containerPathsOfHostPath(host, service, COMPOSE_DIR).find((candidate) => hostAt(candidate.containerPath, service) === host)
        ?.containerPath,
    same: (a, b) => a === b,
  };
}

/** The merged project: services as Compose merges them, host paths of this machine. */
export function projectView(project: ComposeProjectView): ComposePlanView {
  const { pathApi, caseInsensitive } = project;
  const same = (a: string | undefined, b: string): boolean =>
    a !== undefined && (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  const hostAt = (containerPath: string, service: ComposeService): string | undefined =>
    mapContainerPath(containerPath, service, undefined, pathApi)?.hostPath;
  return {
    services: project.compose.services,
    milvusServices: findMilvusServices(project.compose),
    hostOf: (relativeOrAbsolute) => pathApi.resolve(project.dir, relativeOrAbsolute),
    hostAt,
    containerPathOf: (host, service) =>
      containerPathsOfHostPath(host, service, undefined, { pathApi, caseInsensitive }).find((candidate) =>
        same(hostAt(candidate.containerPath, service), host),
      )?.containerPath,
    same,
  };
}
