/**
 * Pod volumes and container volume mounts as Kubernetes applies them, and what a container path is
 * once they are: a Secret or ConfigMap key (honouring `items` and `subPath`), another kind of
 * volume, or nothing (the image's own file system).
 *
 * Kubernetes: a Secret volume without `items` shows every key as a file named after the key; with
 * `items`, only the listed keys, each at its `path`. A `subPath` mount places one file (or folder)
 * of the volume at exactly `mountPath`. The longest mountPath covering a path wins.
 */
import path from 'node:path';
import type { OffsetRange } from '../config/yamlSource';
import type { NodeRef } from './yamlNodes';
import { boolValue, child, items, keyRangeOf, rangeOf, stringField } from './yamlNodes';

export type VolumeSource =
  | { kind: 'secret'; name: string; items: { key: string; path: string }[] | undefined; optional: boolean }
  | { kind: 'configMap'; name: string; items: { key: string; path: string }[] | undefined; optional: boolean }
  | { kind: 'other'; type: string };

export interface PodVolume {
  name: string;
  source: VolumeSource;
  range: OffsetRange | undefined;
  /** Which list it comes from: the global one or a component's own. */
  scope: string;
}

export interface PodVolumeMount {
  name: string;
  mountPath: string;
  subPath: string | undefined;
  readOnly: boolean;
  range: OffsetRange | undefined;
  mountPathRange: OffsetRange | undefined;
  scope: string;
}

export interface ComponentPod {
  component: string;
  volumes: PodVolume[];
  mounts: PodVolumeMount[];
}

function itemList(ref: NodeRef | undefined): { key: string; path: string }[] | undefined {
  if (ref === undefined || child(ref, 'items') === undefined) return undefined;
  return items(child(ref, 'items')).flatMap((item) => {
    const key = stringField(item, 'key');
    const itemPath = stringField(item, 'path');
    return key !== undefined && itemPath !== undefined ? [{ key, path: itemPath }] : [];
  });
}

function volumeSource(volume: NodeRef): VolumeSource {
  const secret = child(volume, 'secret');
  if (secret) {
    return {
      kind: 'secret',
      name: stringField(secret, 'secretName') ?? '',
      items: itemList(secret),
      optional: boolValue(child(secret, 'optional')) ?? false,
    };
  }
  const configMap = child(volume, 'configMap');
  if (configMap) {
    return {
      kind: 'configMap',
      name: stringField(configMap, 'name') ?? '',
      items: itemList(configMap),
      optional: boolValue(child(configMap, 'optional')) ?? false,
    };
  }
  const other = ['emptyDir', 'persistentVolumeClaim', 'hostPath', 'projected', 'csi', 'nfs', 'downwardAPI'].find(
    (type) => child(volume, type) !== undefined,
  );
  return { kind: 'other', type: other ?? 'unknown' };
}

export function readVolumes(list: NodeRef | undefined, scope: string): PodVolume[] {
  return items(list).flatMap((volume) => {
    const name = stringField(volume, 'name');
    return name === undefined ? [] : [{ name, source: volumeSource(volume), range: rangeOf(volume), scope }];
  });
}

export function readVolumeMounts(list: NodeRef | undefined, scope: string): PodVolumeMount[] {
  return items(list).flatMap((mount) => {
    const name = stringField(mount, 'name');
    const mountPath = stringField(mount, 'mountPath');
    if (name === undefined || mountPath === undefined) return [];
    return [
      {
        name,
        mountPath,
        subPath: stringField(mount, 'subPath'),
        readOnly: boolValue(child(mount, 'readOnly')) ?? false,
        range: rangeOf(mount),
        mountPathRange: keyRangeOf(mount, 'mountPath'),
        scope,
      },
    ];
  });
}

/** What a container path is, given a component's mounts. */
export type MountedPath =
  | {
      kind: 'volume-key';
      mount: PodVolumeMount;
      volume: PodVolume & { source: { kind: 'secret' | 'configMap' } };
      key: string | undefined;
      relative: string;
    }
  | { kind: 'other-volume'; mount: PodVolumeMount; volume: PodVolume }
  /** A mount names a volume the pod does not have: the API server rejects the pod. */
  | { kind: 'missing-volume'; mount: PodVolumeMount };

function normalise(containerPath: string): string {
  const normalised = path.posix.normalize(containerPath);
  return normalised.length > 1 ? normalised.replace(/\/$/, '') : normalised;
}

/** The mount that covers a path: the longest mountPath that is the path or a folder above it. */
export function coveringMount(containerPath: string, mounts: readonly PodVolumeMount[]): PodVolumeMount | undefined {
  const wanted = normalise(containerPath);
  let best: PodVolumeMount | undefined;
  for (const mount of mounts) {
    const target = normalise(mount.mountPath);
    const covers = wanted === target || (mount.subPath === undefined && wanted.startsWith(target === '/' ? '/' : `${target}/`));
    if (covers && (best === undefined || target.length >= normalise(best.mountPath).length)) best = mount;
  }
  return best;
}

export function locateInPod(containerPath: string, pod: ComponentPod): MountedPath | undefined {
  const mount = coveringMount(containerPath, pod.mounts);
  if (!mount) return undefined;
  const volume = pod.volumes.find((candidate) => candidate.name === mount.name);
  if (!volume) return { kind: 'missing-volume', mount };
  const source = volume.source;
  if (source.kind === 'other') return { kind: 'other-volume', mount, volume };
  const below = path.posix.relative(normalise(mount.mountPath), normalise(containerPath));
  const relative = mount.subPath !== undefined ? path.posix.join(mount.subPath, below) : below;
  const key = source.items
    ? source.items.find((item) => path.posix.normalize(item.path) === relative)?.key
    : relative.includes('/')
      ? undefined
      : relative;
  return { kind: 'volume-key', mount, volume: { ...volume, source }, key: key === '' ? undefined : key, relative };
}
