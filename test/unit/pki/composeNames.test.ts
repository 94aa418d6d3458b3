import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { milvusNamesInFolder } from '../../../src/core/pki/composeNames';
import { milvusNamesFromCompose } from '../../../src/core/pki/composeNamesFromText';

// Shaped like the docker-compose.yml of the Milvus standalone install.
const MILVUS_STANDALONE = `
version: '3.5'
services:
  etcd:
    container_name: milvus-etcd
    image: quay.io/coreos/etcd:v3.5.18
  minio:
    container_name: milvus-minio
    image: minio/minio:RELEASE.2023-03-20T20-16-18Z
  standalone:
    container_name: milvus-standalone
    image: milvusdb/milvus:v2.5.4
    command: ["milvus", "run", "standalone"]
    ports:
      - "19530:19530"
`;

describe('compose names for the default SANs', () => {
  it('takes the Milvus service and container name only', () => {
    assert.deepEqual(milvusNamesFromCompose(MILVUS_STANDALONE, 'docker-compose.yml'), ['standalone', 'milvus-standalone']);
  });
  it('gives nothing for a compose file without Milvus or with broken YAML', () => {
    assert.deepEqual(milvusNamesFromCompose('services:\n  web:\n    image: nginx\n'), []);
    assert.deepEqual(milvusNamesFromCompose('services: [\n'), []);
  });
  it('reads the compose file at the workspace root, and nothing when there is none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'milvus-tls-compose-'));
    try {
      assert.deepEqual(await milvusNamesInFolder(dir), { names: [] });
      await writeFile(join(dir, 'docker-compose.yml'), MILVUS_STANDALONE);
      assert.deepEqual(await milvusNamesInFolder(dir), { names: ['standalone', 'milvus-standalone'], composeFile: 'docker-compose.yml' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
