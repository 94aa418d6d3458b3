/**
 * Container path ↔ host path through a service's volumes. Milvus resolves relative config paths
 * against its working directory, which the image sets to `/milvus` (`WORKDIR /milvus`,
 * build/docker/milvus/ubuntu22.04/Dockerfile:28), so `configs/cert/server.pem` is
 * `/milvus/configs/cert/server.pem`.
 */
import path from 'node:path';
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

/**
 * The mount that provides `containerPath` in `service` (the longest matching target wins, as in
 * the container's mount table) and the host path behind it. Undefined when no volume covers it,
 * i.e. the path is the image's own file system.
 */
export function mapContainerPath(containerPath: string, service: { volumes: readonly VolumeMount[] }, composeDir?: string): ContainerPathMapping | undefined {
  const absolute = resolveContainerPath(containerPath);
  let best: VolumeMount | undefined;
  for (const mount of service.volumes) {
    if (!isUnder(absolute, mount.target)) continue;
    if (!best || mount.target.length >= best.target.length) best = mount;
  }
  if (!best) return undefined;
  const pathInMount = best.target === '/' ? absolute.slice(1) : absolute.slice(best.target.length + 1);
  return {
    hostPath: hostPathOf(best, pathInMount, composeDir),
    mount: best,
    readOnly: best.readOnly,
    containerPath: absolute,
    pathInMount,
  };
}

export interface HostPathMount {
  containerPath: string;
  mount: VolumeMount;
  readOnly: boolean;
}

/**
 * The container paths at which a host file or folder appears in `service` (reverse of
 * mapContainerPath), e.g. which of milvus.yaml / user.yaml a workspace file becomes. A path hidden
 * by a more specific mount is still listed: callers that care can check with mapContainerPath.
 */
export function containerPathsOfHostPath(hostPath: string, service: { volumes: readonly VolumeMount[] }, composeDir?: string): HostPathMount[] {
  const normalisedHost = path.posix.normalize(hostPath).replace(/(.)\/$/, '$1');
  const result: HostPathMount[] = [];
  for (const mount of service.volumes) {
    const mountHost = hostPathOf(mount, '', composeDir);
    if (mountHost === undefined || !isUnder(normalisedHost, mountHost)) continue;
    const below = normalisedHost === mountHost ? '' : normalisedHost.slice(mountHost === '/' ? 1 : mountHost.length + 1);
    result.push({
      containerPath: below === '' ? mount.target : path.posix.join(mount.target, below),
      mount,
      readOnly: mount.readOnly,
    });
  }
  return result;
}

function hostPathOf(mount: VolumeMount, pathInMount: string, composeDir: string | undefined): string | undefined {
  if (mount.type !== 'bind' || mount.source === undefined || mount.source.startsWith('~')) return undefined;
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
