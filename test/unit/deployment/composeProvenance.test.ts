// Which file each value of a merged compose project came from, as the deployment tells it (labels,
// mounts, ports, image, environment), and the limits of the loader: include cycles and depth,
// profiles, COMPOSE_FILE from the shell, case-insensitive host paths.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findMilvusServices } from '../../../src/core/compose';
import {
  deploymentForConfigFile,
  discoverDeployments,
  loadComposeProject,
  loadComposeProjectIn,
  MAX_INCLUDE_DEPTH,
  resolveContext,
} from '../../../src/core/deployment';
import { memoryFileSystem } from '../../../src/core/workspace';
import { COMPOSE_FIXTURES } from '../../helpers/composeFixtures';
import { fixtureContext, fixturePath, fixtureRoot, FLAVOURS } from '../../helpers/composeFixtureModel';

const posix = FLAVOURS[0]!;
const win32 = FLAVOURS[1]!;

function fixture(name: string): (typeof COMPOSE_FIXTURES)[number] {
  const found = COMPOSE_FIXTURES.find((candidate) => candidate.name === name);
  assert.ok(found, name);
  return found;
}

describe('provenance of merged compose values', () => {
  it('names both files in the label and the override in each value it sets', async () => {
    const tls = fixture('override-tls');
    const deployment = await deploymentForConfigFile(fixturePath(tls, posix, 'milvus.yaml'), [posix.workspace], fixtureContext(tls, posix));
    assert.equal(
      deployment.label,
      'compose service "standalone" (override-tls/docker-compose.yml + override-tls/docker-compose.override.yml)',
    );
    assert.ok(deployment.notes.includes('Compose merges override-tls/docker-compose.yml + override-tls/docker-compose.override.yml'));
    assert.equal(deployment.hypothetical, undefined, 'the override mounts the config');
    assert.equal(deployment.rest?.port.from.text, 'override-tls/docker-compose.override.yml:7 (ports: "8080:8080")');
    assert.equal(deployment.grpc.port.from.text, 'override-tls/docker-compose.yml:58 (ports: "19530:19530")');
    assert.equal(deployment.configFiles[0]?.mountedBy?.text, 'override-tls/docker-compose.override.yml:5');
    const region = deployment.environment.find((variable) => variable.name === 'MINIO_REGION');
    assert.equal(region?.value, 'eu-west-1');
    assert.equal(region?.fileName, fixturePath(tls, posix, 'docker-compose.override.yml'));
    assert.equal(region?.lines?.linePos(region.range?.start ?? 0).line, 9);
    const etcd = deployment.environment.find((variable) => variable.name === 'ETCD_ENDPOINTS');
    assert.equal(etcd?.fileName, fixturePath(tls, posix, 'docker-compose.yml'));
  });

  it('takes the image (and so the version) from the override that replaces it', async () => {
    const replaced = fixture('override-replaces-mount-and-image');
    const root = fixtureRoot(replaced, posix);
    const { deployments } = await discoverDeployments(root, fixtureContext(replaced, posix));
    assert.equal(deployments.length, 1);
    assert.deepEqual(deployments[0]?.version.value, { major: 2, minor: 4, patch: 24, suffix: '' });
    assert.equal(deployments[0]?.version.from.text, 'docker-compose.override.yaml:3, image milvusdb/milvus:v2.4.24');
  });

  it('says where a local-driver bind volume leads', async () => {
    const named = fixture('named-volume-bind');
    const { deployments } = await discoverDeployments(fixtureRoot(named, posix), fixtureContext(named, posix));
    const location = deployments[0]?.mounts.locate('/milvus/tls/server.pem');
    assert.equal(location?.kind, 'host');
    assert.equal(location?.kind === 'host' ? location.hostPath : '', '/srv/milvus/certs/server.pem');
    assert.equal(location?.kind === 'host' ? location.mount?.raw : '', 'certs:/milvus/tls:ro (the volume "certs" binds /srv/milvus/certs)');
    const configs = deployments[0]?.mounts.locate('/milvus/configs/milvus.yaml');
    assert.equal(configs?.kind, 'opaque');
    assert.match(configs?.kind === 'opaque' ? configs.reason : '', /named volume "milvus-config"/);
  });

  it('keeps a Milvus service that is only in a profile, and says so', async () => {
    const profiled = fixture('profile-only-service');
    const { deployments } = await discoverDeployments(fixtureRoot(profiled, posix), fixtureContext(profiled, posix));
    assert.equal(deployments.length, 1);
    assert.match(deployments[0]?.label ?? '', /; profile "tls"\)$/);
    assert.ok(deployments[0]?.notes.some((note) => /only in the profile "tls": it starts with docker compose --profile tls up/.test(note)));
  });

  it('drops what !reset removes: the data volume is no longer mounted', async () => {
    const reset = fixture('reset-and-override-tags');
    const { deployments } = await discoverDeployments(fixtureRoot(reset, posix), fixtureContext(reset, posix));
    assert.equal(deployments[0]?.mounts.locate('/var/lib/milvus/x'), undefined);
    assert.equal(deployments[0]?.grpc.port.value, 29530);
  });

  it('compares host paths case-insensitively on Windows', async () => {
    const tls = fixture('override-tls');
    const { deployments } = await discoverDeployments(fixtureRoot(tls, win32), fixtureContext(tls, win32));
    // The container sees the name as written: only the folder part is matched without case.
    assert.deepEqual(deployments[0]?.mounts.containerPathsOf(fixturePath(tls, win32, 'TLS/SERVER.PEM').toUpperCase()), [
      '/milvus/tls/SERVER.PEM',
    ]);
    const { deployments: onLinux } = await discoverDeployments(fixtureRoot(tls, posix), fixtureContext(tls, posix));
    assert.deepEqual(onLinux[0]?.mounts.containerPathsOf(fixturePath(tls, posix, 'TLS/server.pem')), []);
  });
});

describe('compose project loading limits and sources', () => {
  it('refuses an include cycle, says so, and still reads the rest', async () => {
    const context = resolveContext(
      memoryFileSystem({
        '/ws/compose.yaml': 'include:\n  - a/compose.yaml\nservices:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n',
        '/ws/a/compose.yaml': 'include:\n  - ../compose.yaml\nservices:\n  etcd:\n    image: quay.io/coreos/etcd:v3.5.18\n',
      }),
      { machine: { homeDir: undefined, caseInsensitivePaths: false } },
    );
    const project = await loadComposeProjectIn('/ws', context);
    assert.deepEqual(project?.problems, ['include cycle: compose.yaml → a/compose.yaml → compose.yaml; Compose refuses this project']);
    assert.deepEqual(
      project?.compose.services.map((service) => service.name),
      ['etcd', 'standalone'],
    );
  });

  it(`follows include: at most ${MAX_INCLUDE_DEPTH} levels deep`, async () => {
    const files: Record<string, string> = { '/ws/compose.yaml': 'include:\n  - l1/compose.yaml\n' };
    for (let level = 1; level <= MAX_INCLUDE_DEPTH + 2; level++) {
      files[`/ws/${Array.from({ length: level }, (_, index) => `l${index + 1}`).join('/')}/compose.yaml`] =
        `include:\n  - l${level + 1}/compose.yaml\nservices:\n  s${level}:\n    image: busybox\n`;
    }
    const project = await loadComposeProjectIn(
      '/ws',
      resolveContext(memoryFileSystem(files), { machine: { homeDir: undefined, caseInsensitivePaths: false } }),
    );
    assert.equal(project?.compose.services.length, MAX_INCLUDE_DEPTH);
    assert.equal(project?.problems.length, 1);
    assert.match(project?.problems[0] ?? '', /more than 5 levels deep: not read/);
  });

  it('takes COMPOSE_FILE from the shell over .env and over the default file', async () => {
    const files = {
      '/ws/.env': 'COMPOSE_FILE=a.yml\n',
      '/ws/docker-compose.yml': 'services:\n  standalone:\n    image: milvusdb/milvus:v2.3.21\n',
      '/ws/a.yml': 'services:\n  standalone:\n    image: milvusdb/milvus:v2.4.23\n',
      '/ws/b.yml': 'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n',
    };
    const image = async (shellEnvironment: Record<string, string>): Promise<string | undefined> => {
      const project = await loadComposeProjectIn(
        '/ws',
        resolveContext(memoryFileSystem(files), { shellEnvironment, machine: { homeDir: undefined, caseInsensitivePaths: false } }),
      );
      return project ? findMilvusServices(project.compose)[0]?.image : undefined;
    };
    assert.equal(await image({}), 'milvusdb/milvus:v2.4.23');
    assert.equal(await image({ COMPOSE_FILE: 'b.yml' }), 'milvusdb/milvus:v2.5.27');
  });

  it('finds a project whose only marker is a .env with COMPOSE_FILE', async () => {
    const listed = fixture('compose-file-separator');
    const context = fixtureContext(listed, posix);
    const { deployments } = await discoverDeployments(posix.workspace, context);
    assert.deepEqual(
      deployments.map((deployment) => deployment.label),
      [
        'compose service "standalone" (compose-file-separator/deploy/base.yml + compose-file-separator/deploy/tls.yml, from COMPOSE_FILE in .env)',
      ],
    );
    // The milvus.yaml below the project folder belongs to it, not to a config-only deployment of its own.
    const config = await deploymentForConfigFile(fixturePath(listed, posix, 'deploy/milvus.yaml'), [posix.workspace], context);
    assert.equal(config.kind, 'compose');
    assert.equal(config.hypothetical, undefined);
  });

  it('reads the file a user names on its own when Compose would not load it (docker compose -f)', async () => {
    const context = resolveContext(
      memoryFileSystem({ '/ws/milvus-compose.yml': 'services:\n  m:\n    image: milvusdb/milvus:v2.5.27\n' }, path.posix),
    );
    const project = await loadComposeProject('/ws/milvus-compose.yml', context);
    assert.deepEqual(project?.files, ['/ws/milvus-compose.yml']);
    assert.equal(project?.selectedBy, 'named');
  });
});

describe('compose problems in notes', () => {
  it('names the file and line of a YAML error in an override', async () => {
    const project = await loadComposeProjectIn(
      '/ws',
      resolveContext(
        memoryFileSystem({
          '/ws/docker-compose.yml': 'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n',
          '/ws/docker-compose.override.yml': 'services:\n  standalone:\n    volumes: [./tls:/milvus/tls\n',
        }),
        { machine: { homeDir: undefined, caseInsensitivePaths: false } },
      ),
    );
    assert.ok(project?.problems.length);
    assert.match(project.problems[0] ?? '', /^docker-compose\.override\.yml:\d+: /);
  });
});
