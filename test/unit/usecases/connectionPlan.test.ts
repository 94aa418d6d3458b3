import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveContext } from '../../../src/core/deployment';
import { planConnection, selectDeployment } from '../../../src/core/usecases';
import { nodeFileSystem } from '../../../src/core/workspace';
import { makeTempDir } from '../../helpers/tempDir';

async function plan(ws: string) {
  const context = resolveContext(nodeFileSystem());
  const { chosen } = await selectDeployment(ws, context);
  return planConnection(chosen, { root: ws, outputFolder: 'tls' }, context);
}

const MILVUS_YAML = `proxy:
  port: 19530
  http:
    enabled: true
    port: 8080
tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
common:
  security:
    tlsMode: 1
`;

const COMPOSE = `services:
  standalone:
    image: milvusdb/milvus:v2.6.20
    command: ["milvus", "run", "standalone"]
    environment:
      COMMON_SECURITY_TLSMODE: "2"
      COMMON_SECURITY_AUTHORIZATIONENABLED: "true"
    volumes:
      - \${DOCKER_VOLUME_DIRECTORY:-.}/certs:/milvus/tls
      - \${DOCKER_VOLUME_DIRECTORY:-.}/milvus.yaml:/milvus/configs/milvus.yaml
    ports:
      - "19530:19530"
      - "18080:8080"
`;

async function files(dir: string, names: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of names) await writeFile(join(dir, name), 'placeholder');
}

describe('connection plan: what a client of the deployment uses', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('workspace-tls'));
  });
  after(() => cleanup());

  it('reads mode, files and REST port through the compose service (environment over milvus.yaml)', async () => {
    const ws = join(root, 'compose');
    await files(join(ws, 'certs'), ['server.pem', 'server.key', 'ca.pem', 'client.pem', 'client.key']);
    await writeFile(join(ws, 'milvus.yaml'), MILVUS_YAML);
    await writeFile(join(ws, 'docker-compose.yml'), COMPOSE);
    const result = await plan(ws);
    assert.equal(result.mode?.value, 2);
    assert.match(result.mode?.from.text ?? '', /COMMON_SECURITY_TLSMODE of service standalone \(docker-compose\.yml:6\)/);
    assert.equal(result.authorizationEnabled, true);
    assert.equal(result.deployment?.compose?.service.name, 'standalone');
    assert.equal(result.serverCertificate?.path, join(ws, 'certs', 'server.pem'));
    assert.equal(result.ca?.path, join(ws, 'certs', 'ca.pem'));
    assert.equal(result.clientCertificate?.path, join(ws, 'certs', 'client.pem'));
    assert.equal(result.clientKey?.path, join(ws, 'certs', 'client.key'));
    assert.equal(result.grpc.port.value, 19530);
    assert.equal(result.grpc.port.from.text, 'docker-compose.yml:12 (ports: "19530:19530")');
    assert.equal(result.rest?.port.value, 18080);
    assert.equal(result.rest?.port.from.text, 'docker-compose.yml:13 (ports: "18080:8080")');
  });

  it('without compose, looks for the files by name in the generated folder', async () => {
    const ws = join(root, 'plain');
    await files(join(ws, 'tls'), ['server.pem', 'ca.pem']);
    await writeFile(join(ws, 'milvus.yaml'), MILVUS_YAML);
    const result = await plan(ws);
    assert.equal(result.mode?.value, 1);
    assert.equal(result.mode?.from.text, 'milvus.yaml:12');
    assert.equal(result.authorizationEnabled, false);
    assert.equal(result.ca?.path, join(ws, 'tls', 'ca.pem'));
    assert.equal(result.serverCertificate?.path, join(ws, 'tls', 'server.pem'));
    assert.equal(result.clientCertificate, undefined);
    assert.equal(result.rest?.port.value, 8080);
  });

  it('without milvus.yaml, has no mode and still finds generated files', async () => {
    const ws = join(root, 'empty');
    await files(join(ws, 'tls'), ['ca.pem', 'client.pem', 'client.key']);
    const result = await plan(ws);
    assert.equal(result.mode, undefined);
    assert.equal(result.ca?.path, join(ws, 'tls', 'ca.pem'));
    assert.equal(result.clientKey?.path, join(ws, 'tls', 'client.key'));
    assert.equal(result.rest, undefined);
  });

  it('prefers the shallowest deployment', async () => {
    const ws = join(root, 'nested');
    for (const folder of ['deploy/a', '', 'b']) {
      await mkdir(join(ws, folder), { recursive: true });
      await writeFile(join(ws, folder, 'milvus.yaml'), MILVUS_YAML);
    }
    const { chosen, all } = await selectDeployment(ws, resolveContext(nodeFileSystem()));
    assert.equal(chosen?.id, `config:${ws}`);
    assert.equal(all.length, 3);
  });
});
