/**
 * How a Milvus pod sees its files, as a MountTable: a path under a Secret (or ConfigMap) volume
 * mount is that object's key, read from its manifest in the workspace (a 'manifest' location with
 * the bytes a pod would see) or, when the manifest is not here, an 'opaque' location naming it.
 * Pods have no host folders: nothing maps to a workspace file.
 */
import type { ManifestFile } from '../../kubernetes/manifestFile';
import { lineAt } from '../../kubernetes/manifestFile';
import { secretEntry } from '../../kubernetes/secret';
import type { ComponentPod, PodVolumeMount } from '../../kubernetes/volumes';
import { locateInPod } from '../../kubernetes/volumes';
import type { PathApi } from '../../workspace';
import type { PortPublisher } from '../endpoints';
import { fromFile } from '../provenance';
import type { Deployment, MountInfo, MountTable, PathLocation, Provenance, Traced } from '../types';
import type { ManifestIndex } from './manifestIndex';
import { findManifest } from './manifestIndex';

export interface PodFiles {
  pod: ComponentPod;
  /** The file the pod's volumes and mounts are written in. */
  file: string;
  manifest: ManifestFile;
  root: string;
  pathApi: PathApi;
  index: ManifestIndex;
  namespace: string | undefined;
}

export function lineProvenance(
  pathApi: PathApi,
  root: string,
  file: string,
  manifest: ManifestFile,
  offset: number | undefined,
): Provenance {
  const base = fromFile(pathApi, root, file, undefined, undefined);
  if (offset === undefined) return base;
  const line = lineAt(manifest, offset);
  return { ...base, line, text: `${base.text}:${line}` };
}

function mountInfo(mount: PodVolumeMount, files: PodFiles): MountInfo {
  const raw = `volume "${mount.name}" at ${mount.mountPath}${mount.subPath !== undefined ? ` (subPath ${mount.subPath})` : ''}`;
  return {
    target: mount.mountPath,
    raw,
    readOnly: mount.readOnly,
    from: lineProvenance(files.pathApi, files.root, files.file, files.manifest, mount.range?.start),
  };
}

/** `values.yaml#certs/tls.crt`, the label of a Secret key everywhere (inspect, the tree, messages). */
export function manifestLabel(pathApi: PathApi, root: string, file: string, name: string, key: string): string {
  return `${fromFile(pathApi, root, file, undefined, undefined).text}#${name}/${key}`;
}

export function locateInPodFiles(containerPath: string, files: PodFiles): PathLocation | undefined {
  const located = locateInPod(containerPath, files.pod);
  if (!located) return undefined;
  const mount = mountInfo(located.mount, files);
  const component = files.pod.component;
  if (located.kind === 'missing-volume') {
    return {
      kind: 'opaque',
      reason: `the volumeMount "${located.mount.name}" names no volume of the ${component} pod, so Kubernetes refuses to create the pod`,
      mount,
    };
  }
  if (located.kind === 'other-volume') {
    return {
      kind: 'opaque',
      reason: `it is inside the ${located.volume.source.kind === 'other' ? located.volume.source.type : ''} volume "${located.volume.name}", which exists only in the cluster`,
      mount,
    };
  }
  const source = located.volume.source;
  const what = source.kind === 'secret' ? 'Secret' : 'ConfigMap';
  const list = source.kind === 'secret' ? files.index.secrets : files.index.configMaps;
  const found = findManifest(list, source.name, files.namespace);
  const keyText = located.key ?? located.relative;
  if (!found) {
    return { kind: 'opaque', reason: `it is key "${keyText}" of the ${what} "${source.name}", which is not in the workspace`, mount };
  }
  const label = manifestLabel(files.pathApi, files.root, found.file, source.name, keyText);
  const entry = located.key !== undefined ? secretEntry(found.manifest, located.key) : undefined;
  if (!entry) return { kind: 'manifest', manifestPath: found.file, label, mount };
  return {
    kind: 'manifest',
    manifestPath: found.file,
    label,
    mount,
    range: entry.keyRange,
    ...(entry.bytes ? { bytes: entry.bytes } : {}),
  };
}

export function podMountTable(files: PodFiles): MountTable {
  return {
    locate: (containerPath) => locateInPodFiles(containerPath, files),
    // A pod has no host folders: workspace files reach it only through Secrets and ConfigMaps.
    containerPathsOf: () => [],
    boundFolders: () => [],
    uncoveredReason: `no volumeMount of the ${files.pod.component} pod covers it`,
  };
}

/**
 * Clients outside the cluster reach Milvus through `kubectl port-forward`, which listens on
 * localhost with the same port: what the connection test and snippets dial by default. The
 * Deployment is forwarded, not the Service: the chart's Service does not expose the REST port.
 */
export function portForwardPublisher(namespace: string, deploymentName: string): PortPublisher {
  return {
    publishedPort(containerPort): Traced<number> {
      return { value: containerPort, from: { kind: 'derived', text: portForwardCommand(namespace, deploymentName, [containerPort]) } };
    },
    unpublishedNote: '',
  };
}

export function portForwardCommand(namespace: string, deploymentName: string, ports: readonly number[]): string {
  return `kubectl port-forward${namespace === 'default' ? '' : ` -n ${namespace}`} deploy/${deploymentName} ${ports.map((port) => `${port}:${port}`).join(' ')}`;
}

/** One command forwards both ports: say so on each, so the report tells the user what to start. */
export function withPortForward(deployment: Deployment, namespace: string, deploymentName: string): void {
  const ports = [deployment.grpc.port.value, ...(deployment.rest ? [deployment.rest.port.value] : [])];
  const from = {
    kind: 'derived' as const,
    text: `${portForwardCommand(namespace, deploymentName, ports)} (start it first; nothing here talks to the cluster)`,
  };
  deployment.grpc = { ...deployment.grpc, port: { ...deployment.grpc.port, from } };
  if (deployment.rest) deployment.rest = { ...deployment.rest, port: { ...deployment.rest.port, from } };
}
