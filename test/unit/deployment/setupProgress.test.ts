// The walkthrough's "done" marks come from the deployment model: certificates count when every file
// external TLS loads is in the workspace and holds what it should, TLS when the effective tlsMode is
// 1 or 2 — wherever that value comes from (user.yaml, an environment variable).
import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { discoverDeployments, resolveContext } from '../../../src/core/deployment';
import { setupProgressOf } from '../../../src/core/deployment/setupProgress';
import type { SetupProgress } from '../../../src/core/deployment/setupProgress';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { generateCertificateSet } from '../../../src/core/pki/generate';
import { memoryFileSystem } from '../../../src/core/workspace';
import { shippedCompose, TLS_MILVUS_YAML } from '../../helpers/composeFixtures';

async function progressOf(files: Record<string, string>): Promise<SetupProgress> {
  const context = resolveContext(memoryFileSystem(files), { machine: { homeDir: undefined, caseInsensitivePaths: false } });
  return setupProgressOf((await discoverDeployments('/ws', context)).deployments);
}

const MOUNTS = 'services:\n  standalone:\n    volumes:\n      - ./tls:/milvus/tls\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n';

describe('setup progress from the deployment', () => {
  let tlsFiles: Record<string, string> = {};
  before(async () => {
    const set = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }));
    tlsFiles = Object.fromEntries(set.map((file) => [`/ws/tls/${file.name}`, file.contents]));
  });

  it('is nothing done for the shipped compose file alone', async () => {
    assert.deepEqual(await progressOf({ '/ws/docker-compose.yml': shippedCompose('2.5.27') }), {
      certificatesInPlace: false,
      tlsEnabled: false,
    });
  });

  it('is both done when milvus.yaml turns TLS on and the mounted files hold the certificates and key', async () => {
    const files = {
      '/ws/docker-compose.yml': shippedCompose('2.5.27'),
      '/ws/docker-compose.override.yml': MOUNTS,
      '/ws/milvus.yaml': TLS_MILVUS_YAML,
      ...tlsFiles,
    };
    assert.deepEqual(await progressOf(files), { certificatesInPlace: true, tlsEnabled: true });
  });

  it('does not count certificates whose files are missing or hold something else', async () => {
    const base = {
      '/ws/docker-compose.yml': shippedCompose('2.5.27'),
      '/ws/docker-compose.override.yml': MOUNTS,
      '/ws/milvus.yaml': TLS_MILVUS_YAML,
    };
    const { '/ws/tls/server.key': _key, ...withoutKey } = tlsFiles;
    assert.equal((await progressOf({ ...base, ...withoutKey })).certificatesInPlace, false);
    assert.equal(
      (await progressOf({ ...base, ...tlsFiles, '/ws/tls/server.key': tlsFiles['/ws/tls/server.pem'] ?? '' })).certificatesInPlace,
      false,
    );
  });

  it('sees tlsMode set by the compose environment, as Milvus does', async () => {
    const compose = `${shippedCompose('2.5.27')}`;
    const override = 'services:\n  standalone:\n    environment:\n      COMMON_SECURITY_TLSMODE: "2"\n';
    assert.equal((await progressOf({ '/ws/docker-compose.yml': compose, '/ws/docker-compose.override.yml': override })).tlsEnabled, true);
  });
});
