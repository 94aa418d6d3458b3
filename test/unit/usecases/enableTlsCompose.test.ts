// Enable TLS on compose projects of several files: the mounts and the port go into the file that
// already lists the Milvus service's volumes (the override when the user keeps them there), nothing
// another file of the project provides is added again, the file's line endings are kept, and a
// project read through COMPOSE_FILE or in the Windows flavour is treated the same way.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { findMilvusServices, mergeComposeFiles, parseComposeFile } from '../../../src/core/compose';
import type { ResolveContext } from '../../../src/core/deployment';
import { resolveContext } from '../../../src/core/deployment';
import { isEmptyPlan } from '../../../src/core/edit';
import type { EnableTlsOutcome } from '../../../src/core/usecases';
import { enableTlsComposeTarget, planEnableTlsChanges, resultText, selectDeployment } from '../../../src/core/usecases';
import type { PathApi } from '../../../src/core/workspace';
import { memoryFileSystem } from '../../../src/core/workspace';
import { COMPOSE_FIXTURES, shippedCompose } from '../../helpers/composeFixtures';
import { fixtureContext, fixturePath, fixtureRoot, FLAVOURS } from '../../helpers/composeFixtureModel';

const CERTS = { 'tls/server.pem': 'cert', 'tls/server.key': 'key', 'tls/ca.pem': 'ca' };

async function enable(
  context: ResolveContext,
  root: string,
  pathApi: PathApi,
  options: { mode?: 1 | 2; certsDir?: string; composePath?: string } = {},
): Promise<EnableTlsOutcome> {
  const { chosen } = await selectDeployment(root, context);
  return planEnableTlsChanges(
    {
      root,
      mode: options.mode ?? 1,
      certsDir: options.certsDir ?? pathApi.join(root, 'tls'),
      deployment: chosen,
      ...(options.composePath !== undefined ? { composePath: options.composePath } : {}),
    },
    context,
  );
}

function memory(files: Record<string, string>, shellEnvironment: Record<string, string> = {}): ResolveContext {
  const rooted = Object.fromEntries(Object.entries({ ...CERTS, ...files }).map(([name, text]) => [`/ws/${name}`, text]));
  return resolveContext(memoryFileSystem(rooted), { machine: { homeDir: '/home/me', caseInsensitivePaths: false }, shellEnvironment });
}

function changedText(outcome: EnableTlsOutcome, file: string): string | undefined {
  const change = outcome.changes.find((candidate) => candidate.path === file);
  return change && (!Array.isArray(change.edits) || change.edits.length > 0) ? resultText(change) : undefined;
}

const MOUNTS_CONFIG = 'services:\n  standalone:\n    volumes:\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n';

describe('Enable TLS on a compose project of several files', () => {
  it('changes nothing when the override already mounts the certificates and the config and publishes the port', async () => {
    const tls = COMPOSE_FIXTURES.find((fixture) => fixture.name === 'override-tls')!;
    for (const flavour of FLAVOURS) {
      const context = fixtureContext(tls, flavour, CERTS);
      const outcome = await enable(context, fixtureRoot(tls, flavour), flavour.pathApi);
      assert.ok(isEmptyPlan(outcome.plan), `${flavour.name}: ${outcome.summary.join('\n')}`);
      assert.equal(outcome.composePath, fixturePath(tls, flavour, 'docker-compose.override.yml'));
    }
  });

  it('recognises a mounted folder written in another case where paths compare without case', async () => {
    const files = {
      'docker-compose.yml': shippedCompose('2.5.27'),
      'docker-compose.override.yml':
        'services:\n  standalone:\n    volumes:\n      - ./TLS:/milvus/tls\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n    ports:\n      - "8080:8080"\n',
      'milvus.yaml': 'common:\n  security:\n    tlsMode: 0\n',
    };
    for (const flavour of FLAVOURS) {
      const root = flavour.pathApi.join(flavour.workspace, 'p');
      const rooted = Object.fromEntries(
        Object.entries({ ...CERTS, ...files }).map(([name, text]) => [flavour.pathApi.join(root, ...name.split('/')), text]),
      );
      const context = resolveContext(memoryFileSystem(rooted, flavour.pathApi), {
        machine: { homeDir: flavour.home, caseInsensitivePaths: flavour.name === 'win32' },
      });
      // On Windows ./TLS is ./tls: nothing to mount. On Linux it is another folder, already at /milvus/tls: refused.
      if (flavour.name === 'win32') assert.deepEqual((await enable(context, root, flavour.pathApi)).plan.compose, []);
      else await assert.rejects(enable(context, root, flavour.pathApi), /already mounts "\.\/TLS:\/milvus\/tls" at \/milvus\/tls/);
    }
  });

  it('adds the certificate mount and the port to the override that lists volumes, leaving the shipped file alone', async () => {
    const context = memory({
      'docker-compose.yml': shippedCompose('2.5.27'),
      'docker-compose.override.yml': MOUNTS_CONFIG,
      'milvus.yaml': 'common:\n  security:\n    tlsMode: 0\n',
    });
    const outcome = await enable(context, '/ws', path.posix);
    assert.equal(changedText(outcome, '/ws/docker-compose.yml'), undefined);
    assert.equal(
      changedText(outcome, '/ws/docker-compose.override.yml'),
      'services:\n  standalone:\n    volumes:\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n      - ${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls\n    ports:\n      - "8080:8080"\n',
    );
    assert.ok(
      outcome.summary.includes(
        'note: docker-compose.yml and docker-compose.override.yml all list the volumes of the Milvus service; the mounts and the port went into docker-compose.override.yml (Compose merges it last)',
      ),
    );
    assert.deepEqual(enableTlsComposeTarget((await selectDeployment('/ws', context)).chosen)?.candidates, [
      '/ws/docker-compose.yml',
      '/ws/docker-compose.override.yml',
    ]);
  });

  it('edits the file the user picked, still without repeating what the override provides', async () => {
    const context = memory({
      'docker-compose.yml': shippedCompose('2.5.27'),
      'docker-compose.override.yml': MOUNTS_CONFIG,
      'milvus.yaml': 'common:\n  security:\n    tlsMode: 0\n',
    });
    const outcome = await enable(context, '/ws', path.posix, { composePath: '/ws/docker-compose.yml' });
    const base = changedText(outcome, '/ws/docker-compose.yml') ?? '';
    assert.match(base, /- \$\{DOCKER_VOLUME_DIRECTORY:-\.\}\/tls:\/milvus\/tls\n/);
    assert.doesNotMatch(base, /milvus\.yaml:\/milvus\/configs/, 'the override mounts the config already');
  });

  it('keeps a CRLF override CRLF', async () => {
    const crlf = MOUNTS_CONFIG.replace(/\n/g, '\r\n');
    const context = memory({
      'docker-compose.yml': shippedCompose('2.5.27'),
      'docker-compose.override.yml': crlf,
      'milvus.yaml': 'common:\r\n  security:\r\n    tlsMode: 0\r\n',
    });
    const text = changedText(await enable(context, '/ws', path.posix), '/ws/docker-compose.override.yml') ?? '';
    assert.equal(text.replace(/\r\n/g, ''), text.replace(/\r\n/g, '').replace(/\n/g, ''), 'no bare LF');
    assert.match(text, /tls:\/milvus\/tls\r\n {4}ports:\r\n/);
  });

  it('gives a service the override does not name an entry of its own there, which Compose merges', async () => {
    const context = memory({
      'docker-compose.yml': shippedCompose('2.6.20'),
      'docker-compose.override.yml': 'services:\n  etcd:\n    environment:\n      ETCD_SNAPSHOT_COUNT: "100"\n',
      'milvus.yaml': 'common:\n  security:\n    tlsMode: 0\n',
    });
    const outcome = await enable(context, '/ws', path.posix, { composePath: '/ws/docker-compose.override.yml' });
    const override = changedText(outcome, '/ws/docker-compose.override.yml') ?? '';
    const merged = mergeComposeFiles([parseComposeFile(shippedCompose('2.6.20')), parseComposeFile(override)]);
    const milvus = findMilvusServices(merged)[0];
    assert.deepEqual(
      milvus?.volumes.map((mount) => mount.target),
      ['/var/lib/milvus', '/milvus/tls', '/milvus/configs/milvus.yaml'],
    );
    assert.ok(milvus?.ports.some((port) => port.publishedPort === 8080));
    assert.deepEqual((parse(override) as { services: Record<string, unknown> }).services.etcd, {
      environment: { ETCD_SNAPSHOT_COUNT: '100' },
    });
  });

  it('writes into the last file of COMPOSE_FILE that lists volumes, relative to the project folder', async () => {
    const listed = COMPOSE_FIXTURES.find((fixture) => fixture.name === 'compose-file-separator')!;
    const posix = FLAVOURS[0]!;
    const context = fixtureContext(listed, posix, CERTS);
    const outcome = await enable(context, fixtureRoot(listed, posix), posix.pathApi, { mode: 2 });
    // tls/ is mounted already (../tls from deploy/); only the REST port is new, in deploy/tls.yml.
    assert.equal(outcome.composePath, fixturePath(listed, posix, 'deploy/tls.yml'));
    assert.deepEqual(
      outcome.plan.summary.filter((line) => line.includes('deploy/tls.yml')),
      ['deploy/tls.yml (standalone): publish port 8080 (REST, proxy.http.port)'],
    );
  });

  it('checks the result with the shell environment the project was read with', async () => {
    const context = memory(
      {
        'a.yml':
          'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    environment:\n      COMMON_SECURITY_TLSMODE: "0"\n    volumes:\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n      - ./tls:/milvus/tls\n    ports:\n      - "8080:8080"\n',
        'milvus.yaml': 'common:\n  security:\n    tlsMode: 0\n',
      },
      { COMPOSE_FILE: 'a.yml' },
    );
    const outcome = await enable(context, '/ws', path.posix);
    assert.ok(
      outcome.summary.some((line) =>
        /^warning: after this change Milvus still runs with tlsMode 0, set by environment variable COMMON_SECURITY_TLSMODE/.test(line),
      ),
      outcome.summary.join('\n'),
    );
  });
});
