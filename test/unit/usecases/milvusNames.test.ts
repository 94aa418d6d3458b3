import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { discoverDeployments, resolveContext } from '../../../src/core/deployment';
import { milvusNamesOf } from '../../../src/core/usecases';
import { memoryFileSystem } from '../../../src/core/workspace';

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

async function namesIn(files: Record<string, string>): Promise<string[]> {
  return milvusNamesOf((await discoverDeployments('/ws', resolveContext(memoryFileSystem(files)))).deployments);
}

describe('compose names for the default SANs', () => {
  it('takes the Milvus service and container name only', async () => {
    assert.deepEqual(await namesIn({ '/ws/docker-compose.yml': MILVUS_STANDALONE }), ['standalone', 'milvus-standalone']);
  });

  it('gives nothing for a compose file without Milvus or with broken YAML, or none at all', async () => {
    assert.deepEqual(await namesIn({ '/ws/docker-compose.yml': 'services:\n  web:\n    image: nginx\n' }), []);
    assert.deepEqual(await namesIn({ '/ws/docker-compose.yml': 'services: [\n' }), []);
    assert.deepEqual(await namesIn({ '/ws/readme.md': 'hi' }), []);
  });

  it('leaves out names that are no valid DNS name', async () => {
    assert.deepEqual(
      await namesIn({
        '/ws/docker-compose.yml': MILVUS_STANDALONE.replace('container_name: milvus-standalone', 'container_name: "milvus standalone"'),
      }),
      ['standalone'],
    );
  });
});
