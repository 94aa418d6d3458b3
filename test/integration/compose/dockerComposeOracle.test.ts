// Debian's docker-compose (Compose 1.29) as the oracle for Linux semantics: `docker-compose config`
// runs offline, without a Docker daemon, and prints the merged project with every bind source
// resolved to an absolute host path, `~` and overrides included. On every fixture it can read, our
// model of the Milvus service must say the same: images, mounts by container path, read-only flags,
// local-driver bind devices, published ports and environment.
import { strict as assert } from 'node:assert';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { ComposeService } from '../../../src/core/compose';
import { findMilvusServices } from '../../../src/core/compose';
import { loadComposeProjectIn, resolveContext } from '../../../src/core/deployment';
import { nodeFileSystem } from '../../../src/core/workspace';
import { COMPOSE_FIXTURES, writeFixture } from '../../helpers/composeFixtures';
import { runProcess } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

interface MountView {
  readOnly: boolean;
  /** Absolute host folder (binds and local-driver bind volumes), or the volume name / mount type. */
  backing: string;
}

interface ServiceView {
  image: string | undefined;
  mounts: Record<string, MountView>;
  ports: string[];
  environment: Record<string, string>;
}

type Yaml = Record<string, unknown>;

function record(value: unknown): Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Yaml) : {};
}

function oracleView(config: Yaml, serviceName: string): ServiceView {
  const service = record(record(config.services)[serviceName]);
  const namedVolumes = record(config.volumes);
  const deviceOf = (name: string): string | undefined => {
    const options = record(record(namedVolumes[name]).driver_opts);
    return options.o === 'bind' && typeof options.device === 'string' ? options.device : undefined;
  };
  const mounts: Record<string, MountView> = {};
  for (const entry of (service.volumes as unknown[] | undefined) ?? []) {
    if (typeof entry === 'string') {
      const [source = '', target = '', mode = ''] = entry.split(':');
      const backing = source.startsWith('/') ? source : (deviceOf(source) ?? `volume:${source}`);
      mounts[target] = { readOnly: mode.split(',').includes('ro'), backing };
    } else {
      const long = record(entry);
      const source = typeof long.source === 'string' ? long.source : '';
      const backing = long.type === 'bind' ? source : long.type === 'volume' ? (deviceOf(source) ?? `volume:${source}`) : String(long.type);
      mounts[String(long.target)] = { readOnly: long.read_only === true, backing };
    }
  }
  const ports = ((service.ports as unknown[] | undefined) ?? []).map(
    (port) => `${String(record(port).published)}:${String(record(port).target)}`,
  );
  const environment = Object.fromEntries(Object.entries(record(service.environment)).map(([name, value]) => [name, String(value)]));
  return { image: service.image as string | undefined, mounts, ports: ports.sort(), environment };
}

function ourView(service: ComposeService): ServiceView {
  const mounts: Record<string, MountView> = {};
  for (const mount of service.volumes) {
    const backing = mount.host?.kind === 'local' ? mount.host.path : mount.type === 'volume' ? `volume:${mount.source ?? ''}` : mount.type;
    mounts[mount.target] = { readOnly: mount.readOnly, backing };
  }
  return {
    image: service.image,
    mounts,
    ports: service.ports.map((port) => `${port.published ?? ''}:${port.target}`).sort(),
    environment: Object.fromEntries(service.environment.map((variable) => [variable.name, variable.value ?? ''])),
  };
}

describe('docker-compose config (Compose 1.29) as the oracle for Linux paths', () => {
  let root = '';
  let home = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('compose-oracle'));
    home = path.join(root, 'home');
    await mkdir(home);
  });
  after(() => cleanup());

  const oracleFixtures = COMPOSE_FIXTURES.filter((fixture) => fixture.composeV2Only === undefined);
  it('covers the fixtures Compose 1.29 can read', () => assert.ok(oracleFixtures.length >= 5));
  for (const fixture of oracleFixtures) {
    it(fixture.name, async () => {
      const dir = await writeFixture(fixture, path.join(root, 'fixtures'));
      // Only PATH and a home of our own: a COMPOSE_FILE or DOCKER_VOLUME_DIRECTORY of the machine must not leak in.
      const result = await runProcess('docker-compose', ['config'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home },
        timeoutMs: 60_000,
      });
      assert.equal(result.code, 0, result.stderr);
      const oracle = oracleView(parse(result.stdout) as Yaml, fixture.expected.service);

      const context = resolveContext(nodeFileSystem(), { machine: { homeDir: home, caseInsensitivePaths: false } });
      const project = await loadComposeProjectIn(dir, context);
      assert.ok(project);
      const service = findMilvusServices(project.compose).find((candidate) => candidate.name === fixture.expected.service);
      assert.ok(service);
      assert.deepEqual(ourView(service), oracle);
    });
  }
});
