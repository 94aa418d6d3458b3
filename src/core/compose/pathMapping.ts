/**
 * Container path ↔ host path through a service's volumes. Milvus resolves relative config paths
 * against its working directory, which the image sets to `/milvus` (`WORKDIR /milvus`,
 * build/docker/milvus/ubuntu22.04/Dockerfile:28), so `configs/cert/server.pem` is
 * `/milvus/configs/cert/server.pem`.
 */
import path from 'node:path';
import type { PathApi } from '../workspace/fileSystem';
import { isInsideFolder } from '../workspace/fileSystem';
import type { VolumeMount } from './volumes';
import { normaliseContainerPath } from './volumes';

export const MILVUS_WORKDIR = '/milvus';

export interface ContainerPathMapping {
  /** Host path of the container path; undefined for named/anonymous volumes, tmpfs, `~` binds or an unknown compose folder. */
  hostPath: string | undefined;
  mount: VolumeMount;
  readOnly: boolean;
  /** The container path, absolute and normalised. */
  containerPath: string;
  /** The part of the container path below the mount target ('' when it is the target itself, e.g. a file mount). */
  pathInMount: string;
}

/** Relative container paths are relative to the Milvus image's working directory. */
export function resolveContainerPath(containerPath: string, workdir: string = MILVUS_WORKDIR): string {
  const absolute = containerPath.startsWith('/') ? containerPath : path.posix.join(workdir, containerPath);
  return normaliseContainerPath(absolute);
}

/** The mount that covers a container path (the longest matching target wins, as in the container's mount table). */
export function coveringMount(
  containerPath: string,
  volumes: readonly VolumeMount[],
): { mount: VolumeMount; containerPath: string; pathInMount: string } | undefined {
  const absolute = resolveContainerPath(containerPath);
  let best: VolumeMount | undefined;
  for (const mount of volumes) {
    if (!isUnder(absolute, mount.target)) continue;
    if (!best || mount.target.length >= best.target.length) best = mount;
  }
  if (!best) return undefined;
  const pathInMount = best.target === '/' ? absolute.slice(1) : absolute.slice(best.target.length + 1);
  return { mount: best, containerPath: absolute, pathInMount };
}

/**
 * The mount that provides `containerPath` in `service` and the host path behind it. Undefined when no
 * volume covers it, i.e. the path is the image's own file system. Host paths are in `pathApi`'s
 * flavour when the project loader resolved the mount (`mount.host`), else posix paths resolved
 * against `composeDir`.
 */
export function mapContainerPath(
  containerPath: string,
  service: { volumes: readonly VolumeMount[] },
  composeDir?: string,
  pathApi: PathApi = path.posix,
): ContainerPathMapping | undefined {
  const covering = coveringMount(containerPath, service.volumes);
  if (!covering) return undefined;
  return {
    hostPath: hostPathOf(covering.mount, covering.pathInMount, composeDir, pathApi),
    mount: covering.mount,
    readOnly: covering.mount.readOnly,
    containerPath: covering.containerPath,
    pathInMount: covering.pathInMount,
  };
}

export interface HostPathMount {
  containerPath: string;
  mount: VolumeMount;
  readOnly: boolean;
}

export interface HostPathOptions {
  pathApi?: PathApi;
  /** Compare host paths case-insensitively (Windows, default macOS volumes). */
  caseInsensitive?: boolean;
}

/**
 * The container paths at which a host file or folder appears in `service` (reverse of
 * mapContainerPath), e.g. which of milvus.yaml / user.yaml a workspace file becomes. A path hidden
 * by a more specific mount is still listed: callers that care can check with mapContainerPath.
 */
export function containerPathsOfHostPath(
  hostPath: string,
  service: { volumes: readonly VolumeMount[] },
  composeDir?: string,
  options: HostPathOptions = {},
): HostPathMount[] {
  const pathApi = options.pathApi ?? path.posix;
  const normalisedHost = pathApi.resolve(hostPath);
  const result: HostPathMount[] = [];
  for (const mount of service.volumes) {
    const mountHost = hostPathOf(mount, '', composeDir, pathApi);
    if (mountHost === undefined || !isInsideFolder(pathApi, normalisedHost, mountHost, options.caseInsensitive)) continue;
    // Inside the mount's folder (in any case): what follows its path is the part below it.
    const below = normalisedHost.slice(pathApi.resolve(mountHost).length).replace(/^[\\/]+/, '');
    result.push({
      containerPath: below === '' ? mount.target : path.posix.join(mount.target, below.split(pathApi.sep).join('/')),
      mount,
      readOnly: mount.readOnly,
    });
  }
  return result;
}

function hostPathOf(mount: VolumeMount, pathInMount: string, composeDir: string | undefined, pathApi: PathApi): string | undefined {
  if (mount.host !== undefined) {
    if (mount.host.kind !== 'local') return undefined;
    return pathInMount === '' ? mount.host.path : pathApi.join(mount.host.path, ...pathInMount.split('/'));
  }
  if (mount.type !== 'bind' || mount.source === undefined || !/^[./]/.test(mount.source)) return undefined;
  let base: string;
  if (mount.source.startsWith('/')) base = mount.source;
  else if (composeDir !== undefined) base = path.posix.resolve(composeDir, mount.source);
  else if (mount.hostPath !== undefined) base = mount.hostPath;
  else return undefined;
  const joined = pathInMount === '' ? base : path.posix.join(base, pathInMount);
  return path.posix.normalize(joined).replace(/(.)\/$/, '$1');
}

function isUnder(candidate: string, folder: string): boolean {
  if (folder === '/') return true;
  return candidate === folder || candidate.startsWith(`${folder}/`);
}
