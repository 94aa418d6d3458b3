/**
 * How a compose service's container sees the host: its volumes as a MountTable and its `ports:` as a
 * PortPublisher. Container paths map through compose/pathMapping.ts, the one implementation of
 * Compose's volume semantics.
 */
import type { ComposeFile, ComposeService, VolumeMount } from '../../compose';
import { containerPathsOfHostPath, mapContainerPath } from '../../compose';
import type { PathApi } from '../../workspace';
import type { PortPublisher } from '../endpoints';
import { fromFile } from '../provenance';
import type { MountInfo, MountTable, PathLocation, Traced } from '../types';

export function composeMountInfo(mount: VolumeMount, compose: ComposeFile, root: string, pathApi: PathApi): MountInfo {
  const file = compose.fileName;
  const from = file !== undefined ? fromComposeLine(pathApi, root, file, compose, mount.range.start) : { kind: 'derived' as const, text: 'the compose file' };
  return { target: mount.target, raw: mount.raw, readOnly: mount.readOnly, from };
}

/** A line of the compose file as provenance (`docker-compose.yml:14`). */
export function fromComposeLine(pathApi: PathApi, root: string, file: string, compose: ComposeFile, offset: number): MountInfo['from'] {
  const base = fromFile(pathApi, root, file, undefined, undefined);
  const line = compose.lines.linePos(offset).line;
  return { ...base, line, text: `${base.text}:${line}` };
}

function opaqueReason(mount: VolumeMount): string {
  if (mount.type === 'bind' && mount.source?.startsWith('~')) return `it is in ${mount.source}, the home folder of whoever runs docker compose`;
  if (mount.type === 'volume') return `it is inside the named volume "${mount.source ?? ''}", which exists only in Docker`;
  if (mount.type === 'anonymous') return 'it is inside an anonymous volume, which exists only in Docker';
  return `it is inside a ${mount.type} mount, which exists only in Docker`;
}

export function composeMountTable(service: ComposeService, compose: ComposeFile, root: string, pathApi: PathApi): MountTable {
  const composeDir = compose.composeDir;
  return {
    locate(containerPath): PathLocation | undefined {
      const mapping = mapContainerPath(containerPath, service, composeDir);
      if (!mapping) return undefined;
      const mount = composeMountInfo(mapping.mount, compose, root, pathApi);
      if (mapping.hostPath === undefined) return { kind: 'opaque', reason: opaqueReason(mapping.mount), mount };
      return { kind: 'host', hostPath: mapping.hostPath, mount };
    },
    containerPathsOf(hostPath) {
      return containerPathsOfHostPath(hostPath, service, composeDir).map((mount) => mount.containerPath);
    },
    boundFolders() {
      return service.volumes.flatMap((mount) => {
        const mapping = mapContainerPath(mount.target, service, composeDir);
        return mapping?.hostPath !== undefined && mapping.mount === mount ? [{ hostPath: mapping.hostPath, containerPath: mount.target }] : [];
      });
    },
    uncoveredReason: `no volume of the compose service "${service.name}" covers it`,
  };
}

export function composePortPublisher(service: ComposeService, compose: ComposeFile, root: string, pathApi: PathApi): PortPublisher {
  return {
    publishedPort(containerPort): Traced<number> | undefined {
      const port = service.ports.find((candidate) => candidate.targetPort === containerPort && candidate.protocol === 'tcp' && candidate.publishedPort !== undefined);
      if (!port?.publishedPort || compose.fileName === undefined) return undefined;
      const from = fromComposeLine(pathApi, root, compose.fileName, compose, port.range.start);
      return { value: port.publishedPort, from: { ...from, text: `${from.text} (ports: ${port.raw.startsWith("{") ? port.raw : JSON.stringify(port.raw)})` } };
    },
    unpublishedNote: `the compose service "${service.name}" does not publish it`,
  };
}
