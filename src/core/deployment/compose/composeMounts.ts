/**
 * How a compose service's container sees the host: its volumes as a MountTable and its `ports:` as a
 * PortPublisher. Container paths map through compose/pathMapping.ts; where each mount's source is on
 * this machine was worked out when the project was loaded (`mount.host`). Every mount, port and
 * image says which file (and line) it is written in, for messages and hovers.
 */
import type { ComposeFile, ComposeService, ComposeSource, MountHost, VolumeMount } from '../../compose';
import { containerPathsOfHostPath, coveringMount, joinForeign } from '../../compose';
import type { PathApi } from '../../workspace';
import type { PortPublisher } from '../endpoints';
import { derived, fromFile } from '../provenance';
import type { MountInfo, MountTable, PathLocation, Provenance, Traced } from '../types';

/** A line of a compose file as provenance (`docker-compose.override.yml:14`). */
export function fromComposeLine(pathApi: PathApi, root: string, source: ComposeSource, offset: number): Provenance {
  const base = fromFile(pathApi, root, source.fileName, undefined, undefined);
  const line = source.lines.linePos(offset).line;
  return { ...base, line, text: `${base.text}:${line}` };
}

/** Where a value of a compose file was written, or a plain phrase when the parser had no file name. */
export function composeValueOrigin(pathApi: PathApi, root: string, definedIn: ComposeSource | undefined, offset: number): Provenance {
  return definedIn ? fromComposeLine(pathApi, root, definedIn, offset) : derived('the compose file');
}

export function composeMountInfo(mount: VolumeMount, compose: ComposeFile, root: string, pathApi: PathApi): MountInfo {
  const from = composeValueOrigin(pathApi, root, mount.definedIn, mount.range.start);
  const definition = mount.type === 'volume' ? compose.volumeDefinitions.find((candidate) => candidate.name === mount.source) : undefined;
  const raw =
    definition?.bindDevice !== undefined ? `${mount.raw} (the volume "${definition.name}" binds ${definition.bindDevice})` : mount.raw;
  return { target: mount.target, raw, readOnly: mount.readOnly, from };
}

function opaqueReason(mount: VolumeMount, host: MountHost | undefined): string {
  if (host?.kind === 'home-unknown') return `it is in ${host.path}, the home folder of whoever runs docker compose, which is unknown here`;
  if (host?.kind === 'named-pipe') return `it is inside the Windows named pipe ${host.path}, not a file`;
  if (mount.type === 'volume') return `it is inside the named volume "${mount.source ?? ''}", which exists only in Docker`;
  if (mount.type === 'anonymous') return 'it is inside an anonymous volume, which exists only in Docker';
  return `it is inside a ${mount.type} mount, which exists only in Docker`;
}

function foreignReason(host: { path: string; platform: 'windows' | 'linux' }, hostPath: string): string {
  return host.platform === 'windows'
    ? `it is ${hostPath} on the Docker host, a Windows path, not checkable on this machine`
    : `it is ${hostPath} inside Docker's Linux VM, not checkable on this machine`;
}

export interface MountTableOptions {
  /** Compare host paths case-insensitively (Windows, default macOS volumes). */
  caseInsensitive?: boolean;
}

export function composeMountTable(
  service: ComposeService,
  compose: ComposeFile,
  root: string,
  pathApi: PathApi,
  options: MountTableOptions = {},
): MountTable {
  const localPath = (host: MountHost | undefined, below: string): string | undefined =>
    host?.kind === 'local' ? (below === '' ? host.path : pathApi.join(host.path, ...below.split('/'))) : undefined;
  return {
    locate(containerPath): PathLocation | undefined {
      const covering = coveringMount(containerPath, service.volumes);
      if (!covering) return undefined;
      const { mount, pathInMount } = covering;
      const info = composeMountInfo(mount, compose, root, pathApi);
      const host = mount.host;
      if (host?.kind === 'local') return { kind: 'host', hostPath: localPath(host, pathInMount) ?? host.path, mount: info };
      if (host?.kind === 'foreign') {
        const hostPath = joinForeign(host, pathInMount);
        return { kind: 'foreign-host', hostPath, reason: foreignReason(host, hostPath), mount: info };
      }
      return { kind: 'opaque', reason: opaqueReason(mount, host), mount: info };
    },
    containerPathsOf(hostPath) {
      return containerPathsOfHostPath(hostPath, service, undefined, { pathApi, caseInsensitive: options.caseInsensitive ?? false })
        .filter((candidate) => candidate.mount.host !== undefined)
        .map((candidate) => candidate.containerPath);
    },
    boundFolders() {
      return service.volumes.flatMap((mount) => {
        const covering = coveringMount(mount.target, service.volumes);
        const hostPath = covering?.mount === mount ? localPath(mount.host, '') : undefined;
        return hostPath !== undefined ? [{ hostPath, containerPath: mount.target }] : [];
      });
    },
    uncoveredReason: `no volume of the compose service "${service.name}" covers it`,
  };
}

export function composePortPublisher(service: ComposeService, root: string, pathApi: PathApi): PortPublisher {
  return {
    publishedPort(containerPort): Traced<number> | undefined {
      const port = service.ports.find(
        (candidate) => candidate.targetPort === containerPort && candidate.protocol === 'tcp' && candidate.publishedPort !== undefined,
      );
      if (!port?.publishedPort) return undefined;
      const from = composeValueOrigin(pathApi, root, port.definedIn, port.range.start);
      // Short syntax quoted as written in YAML; long syntax is shown as its JSON.
      return {
        value: port.publishedPort,
        from: { ...from, text: `${from.text} (ports: ${port.raw.startsWith('{') ? port.raw : JSON.stringify(port.raw)})` },
      };
    },
    unpublishedNote: `the compose service "${service.name}" does not publish it`,
  };
}
