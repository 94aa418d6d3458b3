// Puts the compose fixtures into a memory file system of either path flavour and reads back what the
// deployment model made of them, in the fixtures' own terms, so one expectation serves Linux and
// Windows paths (and the docker-compose oracle).
import path from 'node:path';
import type { ComposeService, MountHost } from '../../src/core/compose';
import type { ComposeProject, ResolveContext } from '../../src/core/deployment';
import { resolveContext } from '../../src/core/deployment';
import type { PathApi } from '../../src/core/workspace';
import { memoryFileSystem } from '../../src/core/workspace';
import type { ComposeFixture, ExpectedMount } from './composeFixtures';

export interface Flavour {
  name: 'posix' | 'win32';
  pathApi: PathApi;
  workspace: string;
  home: string;
}

export const FLAVOURS: Flavour[] = [
  { name: 'posix', pathApi: path.posix, workspace: '/ws', home: '/home/tester' },
  { name: 'win32', pathApi: path.win32, workspace: 'C:\\ws', home: 'C:\\Users\\tester' },
];

export function fixtureRoot(fixture: ComposeFixture, flavour: Flavour): string {
  return flavour.pathApi.join(flavour.workspace, fixture.name);
}

export function fixturePath(fixture: ComposeFixture, flavour: Flavour, relative: string): string {
  return flavour.pathApi.join(fixtureRoot(fixture, flavour), ...relative.split('/'));
}

export function fixtureContext(
  fixture: ComposeFixture,
  flavour: Flavour,
  extraFiles: Record<string, string | Buffer> = {},
): ResolveContext {
  const files: Record<string, string | Buffer> = {};
  for (const [relative, text] of Object.entries({ ...fixture.files, ...extraFiles })) files[fixturePath(fixture, flavour, relative)] = text;
  return resolveContext(memoryFileSystem(files, flavour.pathApi), {
    machine: { homeDir: flavour.home, caseInsensitivePaths: flavour.name === 'win32' },
  });
}

/** What an expected mount's `host` means on a machine of this flavour. */
export function expectedHost(
  expected: ExpectedMount,
  fixture: ComposeFixture,
  flavour: Flavour,
): { type?: string; source?: string; host?: MountHost } {
  const { pathApi } = flavour;
  const onWindows = flavour.name === 'win32';
  const text = expected.host;
  if (text === 'tmpfs' || text === 'anonymous') return { type: text };
  if (text.startsWith('volume:')) return { type: 'volume', source: text.slice('volume:'.length) };
  if (text.startsWith('windows:')) {
    const windowsPath = text.slice('windows:'.length);
    return {
      host: onWindows
        ? { kind: 'local', path: path.win32.normalize(windowsPath) }
        : { kind: 'foreign', path: windowsPath, platform: 'windows' },
    };
  }
  if (text.startsWith('~/')) return { host: { kind: 'local', path: pathApi.join(flavour.home, ...text.slice(2).split('/')) } };
  if (text.startsWith('/')) return { host: onWindows ? { kind: 'foreign', path: text, platform: 'linux' } : { kind: 'local', path: text } };
  return { host: { kind: 'local', path: fixturePath(fixture, flavour, text) } };
}

export function relativeToFixture(fixture: ComposeFixture, flavour: Flavour, file: string): string {
  return flavour.pathApi.relative(fixtureRoot(fixture, flavour), file).split(flavour.pathApi.sep).join('/');
}

/** The merged service as the fixtures describe one. */
export function describeService(project: ComposeProject, service: ComposeService, fixture: ComposeFixture, flavour: Flavour): unknown {
  const relative = (file: string): string => relativeToFixture(fixture, flavour, file);
  return {
    files: project.files.map(relative),
    included: project.included.map(relative),
    service: service.name,
    image: service.image,
    mounts: Object.fromEntries(
      service.volumes.map((mount) => [
        mount.target,
        {
          ...(mount.host ? { host: mount.host } : { type: mount.type, ...(mount.source !== undefined ? { source: mount.source } : {}) }),
          readOnly: mount.readOnly,
          file: mount.definedIn ? relative(mount.definedIn.fileName) : '?',
        },
      ]),
    ),
    ports: service.ports.map((port) => `${port.published ?? ''}:${port.target}`),
    environment: Object.fromEntries(service.environment.map((variable) => [variable.name, variable.value ?? ''])),
    profiles: service.profiles,
  };
}

/** The fixture's expectation in the same shape, for this flavour. */
export function expectedService(fixture: ComposeFixture, flavour: Flavour): unknown {
  const { expected } = fixture;
  return {
    files: expected.files,
    included: expected.included ?? [],
    service: expected.service,
    image: expected.image,
    mounts: Object.fromEntries(
      Object.entries(expected.mounts).map(([target, mount]) => {
        const { type, source, host } = expectedHost(mount, fixture, flavour);
        return [
          target,
          {
            ...(host ? { host } : { type, ...(source !== undefined ? { source } : {}) }),
            readOnly: mount.readOnly ?? false,
            file: mount.file,
          },
        ];
      }),
    ),
    ports: expected.ports,
    environment: expected.environment,
    profiles: expected.profiles ?? [],
  };
}
