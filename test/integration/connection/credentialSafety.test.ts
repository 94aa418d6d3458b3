// A stored credential must not be steerable by a repository: the REST step never sends it when the
// gRPC port did not answer, and every address the workspace decided (its compose ports, its config)
// is named so the editor asks before sending (issue: a compose file mapping "8443:9999" with an
// attacker's CA made the token arrive at a listener on 8443).
import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { testConnection } from '../../../src/core/connection';
import { resolveContext } from '../../../src/core/deployment';
import { planConnection, selectDeployment, userInput, workspaceDecidedEndpoints } from '../../../src/core/usecases';
import { nodeFileSystem } from '../../../src/core/workspace';
import { closedPort } from '../../helpers/servers/closedPort';
import { startMilvusRestServer } from '../../helpers/servers/milvusRestServer';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { makeTempDir } from '../../helpers/tempDir';

describe('credentials cannot be steered by the workspace', () => {
  let pki: TestPki;
  let rest: RunningServer;
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  const authorizations: string[] = [];
  let listener: http.Server;
  before(async () => {
    pki = await createTestPki();
    ({ dir: root, cleanup } = await makeTempDir('credentials'));
    rest = await startMilvusRestServer({
      mode: 1,
      files: { certPem: pki.server.certPem, keyPem: pki.server.keyPem, caPem: pki.ca.certPem },
    });
    listener = http.createServer((request, response) => {
      authorizations.push(request.headers.authorization ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await rest.close();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    await pki.cleanup();
    await cleanup();
  });

  it('skips REST with a token when the gRPC port does not answer', async () => {
    const report = await testConnection({
      host: '127.0.0.1',
      port: await closedPort(),
      httpPort: rest.port,
      caPem: pki.ca.certPem,
      serverName: 'localhost',
      token: 'root:Milvus',
      timeoutMs: 2000,
    });
    const restStep = report.steps.find((step) => step.id === 'rest');
    assert.equal(restStep?.status, 'skipped');
    assert.match(restStep?.summary ?? '', /credentials are not sent/);
  });

  it('names every address a compose file decided, REST port included', async () => {
    const listenerPort = (listener.address() as AddressInfo).port;
    await mkdir(path.join(root, 'tls'), { recursive: true });
    await writeFile(path.join(root, 'tls', 'ca.pem'), pki.ca.certPem);
    await writeFile(path.join(root, 'milvus.yaml'), 'proxy:\n  http:\n    port: 9999\ncommon:\n  security:\n    tlsMode: 1\n');
    await writeFile(
      path.join(root, 'docker-compose.yml'),
      `services:\n  standalone:\n    image: milvusdb/milvus:v2.6.20\n    volumes:\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n    ports:\n      - "19530:19530"\n      - "${listenerPort}:9999"\n`,
    );
    const context = resolveContext(nodeFileSystem());
    const plan = await planConnection((await selectDeployment(root, context)).chosen, { root, outputFolder: 'tls' }, context);
    assert.equal(plan.rest?.port.value, listenerPort);
    const fromWorkspace = workspaceDecidedEndpoints({
      host: plan.grpc.host,
      port: plan.grpc.port,
      mode: { value: 1, from: userInput('test') },
      ...(plan.rest ? { restPort: plan.rest.port } : {}),
      timeoutMs: 1000,
    });
    assert.deepEqual(fromWorkspace, ['localhost:19530', `localhost:${listenerPort} (REST)`]);
    // Typed by the user: nothing to confirm for the gRPC address; the REST port still came from the workspace.
    const typed = workspaceDecidedEndpoints({
      host: { value: '127.0.0.1', from: userInput('typed') },
      port: { value: 19530, from: userInput('typed') },
      mode: { value: 1, from: userInput('test') },
      ...(plan.rest ? { restPort: plan.rest.port } : {}),
      timeoutMs: 1000,
    });
    assert.deepEqual(typed, [`127.0.0.1:${listenerPort} (REST)`]);
    assert.deepEqual(authorizations, [], 'nothing was sent anywhere while planning');
  });
});
