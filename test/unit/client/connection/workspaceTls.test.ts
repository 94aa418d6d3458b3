import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chooseConfigFile, resolveWorkspaceTls } from '../../../../src/client/connection/workspaceTls';
import { makeTempDir } from '../../../helpers/tempDir';

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

describe('workspace TLS set-up', () => {
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
    const result = await resolveWorkspaceTls({ workspaceDir: ws, configCandidates: [join(ws, 'milvus.yaml')], outputFolder: 'tls' });
    assert.equal(result.mode, 2);
    assert.equal(result.authorizationEnabled, true);
    assert.equal(result.serviceName, 'standalone');
    assert.equal(result.serverCertPath, join(ws, 'certs', 'server.pem'));
    assert.equal(result.caPath, join(ws, 'certs', 'ca.pem'));
    assert.equal(result.certPath, join(ws, 'certs', 'client.pem'));
    assert.equal(result.keyPath, join(ws, 'certs', 'client.key'));
    assert.equal(result.httpPort, 18080);
    assert.ok(result.notes.some((note) => note.includes('published as 18080')));
  });

  it('without compose, looks for the files by name in the generated folder', async () => {
    const ws = join(root, 'plain');
    await files(join(ws, 'tls'), ['server.pem', 'ca.pem']);
    await writeFile(join(ws, 'milvus.yaml'), MILVUS_YAML);
    const result = await resolveWorkspaceTls({ workspaceDir: ws, configCandidates: [join(ws, 'milvus.yaml')], outputFolder: 'tls' });
    assert.equal(result.mode, 1);
    assert.equal(result.authorizationEnabled, false);
    assert.equal(result.caPath, join(ws, 'tls', 'ca.pem'));
    assert.equal(result.serverCertPath, join(ws, 'tls', 'server.pem'));
    assert.equal(result.certPath, undefined);
    assert.equal(result.httpPort, 8080);
  });

  it('without milvus.yaml, has no mode and still finds generated files', async () => {
    const ws = join(root, 'empty');
    await files(join(ws, 'tls'), ['ca.pem', 'client.pem', 'client.key']);
    const result = await resolveWorkspaceTls({ workspaceDir: ws, configCandidates: [], outputFolder: 'tls' });
    assert.equal(result.mode, undefined);
    assert.equal(result.caPath, join(ws, 'tls', 'ca.pem'));
    assert.equal(result.keyPath, join(ws, 'tls', 'client.key'));
    assert.equal(result.httpPort, undefined);
  });

  it('prefers the shallowest milvus.yaml', () => {
    assert.equal(chooseConfigFile(['/ws/deploy/a/milvus.yaml', '/ws/milvus.yaml', '/ws/b/milvus.yaml']), '/ws/milvus.yaml');
    assert.equal(chooseConfigFile([]), undefined);
  });
});
