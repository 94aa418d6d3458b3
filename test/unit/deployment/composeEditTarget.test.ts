// Which compose file an edit to the Milvus service belongs in: the one that already lists the field
// (the override, when the user keeps mounts there), the last one that defines the service otherwise,
// and "ask" when several list it. The "mount the folder" quick fix follows it.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findMilvusServices } from '../../../src/core/compose';
import { loadComposeProjectIn, resolveContext, serviceEditTarget } from '../../../src/core/deployment';
import { memoryFileSystem } from '../../../src/core/workspace';
import { shippedCompose } from '../../helpers/composeFixtures';
import { check } from '../rules/ruleHelpers';

async function target(
  files: Record<string, string>,
  field: 'volumes' | 'ports' | 'environment',
): Promise<{ file: string; candidates: string[]; ambiguous: boolean }> {
  const project = await loadComposeProjectIn(
    '/ws',
    resolveContext(memoryFileSystem(files), { machine: { homeDir: undefined, caseInsensitivePaths: false } }),
  );
  assert.ok(project);
  const service = findMilvusServices(project.compose)[0];
  assert.ok(service);
  return serviceEditTarget(project, service, field);
}

const BASE = shippedCompose('2.5.27');

describe('serviceEditTarget', () => {
  it('is the base file when it alone lists the field', async () => {
    assert.deepEqual(await target({ '/ws/docker-compose.yml': BASE }, 'volumes'), {
      file: '/ws/docker-compose.yml',
      candidates: ['/ws/docker-compose.yml'],
      ambiguous: false,
    });
  });

  it('asks when the base and the override both list volumes, proposing the override', async () => {
    const result = await target(
      {
        '/ws/docker-compose.yml': BASE,
        '/ws/docker-compose.override.yml': 'services:\n  standalone:\n    volumes:\n      - ./tls:/milvus/tls\n',
      },
      'volumes',
    );
    assert.deepEqual(result, {
      file: '/ws/docker-compose.override.yml',
      candidates: ['/ws/docker-compose.yml', '/ws/docker-compose.override.yml'],
      ambiguous: true,
    });
  });

  it('is the override that defines the service when no file lists the field yet', async () => {
    const result = await target(
      {
        '/ws/docker-compose.yml': 'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n',
        '/ws/docker-compose.override.yml': 'services:\n  standalone:\n    ports:\n      - "8080:8080"\n',
      },
      'volumes',
    );
    assert.deepEqual(result, { file: '/ws/docker-compose.override.yml', candidates: [], ambiguous: false });
  });

  it('leaves included files alone', async () => {
    const result = await target(
      {
        '/ws/compose.yaml': 'include:\n  - milvus/docker-compose.yml\n',
        '/ws/milvus/docker-compose.yml': BASE,
      },
      'volumes',
    );
    assert.deepEqual(result, { file: '/ws/compose.yaml', candidates: [], ambiguous: false });
  });
});

describe('the "mount the folder" quick fix', () => {
  it('writes into the override that holds the mounts', async () => {
    const findings = await check(
      'tls:\n  serverPemPath: /certs/server.pem\n  serverKeyPath: /certs/server.key\ncommon:\n  security:\n    tlsMode: 1\n',
      {
        compose: BASE,
        files: {
          '/ws/docker-compose.override.yml': 'services:\n  standalone:\n    volumes:\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n',
        },
      },
    );
    const unmapped = findings.find((finding) => finding.code === 'path-not-mapped');
    assert.deepEqual(unmapped?.data, {
      fix: 'add-volume',
      composeFile: '/ws/docker-compose.override.yml',
      service: 'standalone',
      hostPath: './certs',
      containerPath: '/certs',
    });
  });
});
