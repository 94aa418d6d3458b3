// The editor's "Test Connection" pipeline without the editor: a workspace (milvus.yaml, compose,
// tls/) read through the deployment model, the target built as the command builds it, the report run
// against real TLS servers, then the notification text and the milvus.yaml link.
import { strict as assert } from 'node:assert';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { summarizeReport } from '../../../src/client/connection/reportSummary';
import { testConnection } from '../../../src/core/connection';
import type { ConnectionPlan } from '../../../src/core/usecases';
import { connectionTarget, defaultServerName, locateSetting, planConnection, selectDeployment } from '../../../src/core/usecases';
import { resolveContext } from '../../../src/core/deployment';
import { nodeFileSystem } from '../../../src/core/workspace';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer, TEST_MILVUS_VERSION } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../../helpers/servers/milvusRestServer';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';

const milvusYaml = (mode: number): string => `proxy:
  http:
    port: 8080
tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
common:
  security:
    tlsMode: ${mode}
`;

const compose = (restPort: number): string => `services:
  standalone:
    image: milvusdb/milvus:v2.6.20
    volumes:
      - ./tls:/milvus/tls
      - ./milvus.yaml:/milvus/configs/milvus.yaml
    ports:
      - "19530:19530"
      - "${restPort}:8080"
`;

describe('Test Connection pipeline (workspace → target → report → summary)', () => {
  let pki: TestPki;
  let ws: string;
  const servers: RunningServer[] = [];
  let grpc: RunningServer;
  let rest: RunningServer;
  let plaintext: RunningServer;

  before(async () => {
    pki = await createTestPki();
    ws = join(pki.dir, 'workspace');
    await mkdir(join(ws, 'tls'), { recursive: true });
    for (const [from, name] of [
      [pki.ca.certPath, 'ca.pem'],
      [pki.server.certPath, 'server.pem'],
      [pki.client.certPath, 'client.pem'],
      [pki.client.keyPath, 'client.key'],
    ] as const) {
      await copyFile(from, join(ws, 'tls', name));
    }
    const files = { certPem: pki.server.certPem, keyPem: pki.server.keyPem, caPem: pki.ca.certPem };
    grpc = await startMilvusGrpcServer({ mode: 2, files });
    rest = await startMilvusRestServer({ mode: 2, files });
    plaintext = await startMilvusGrpcServer({ mode: 0 });
    servers.push(grpc, rest, plaintext);
    await writeFile(join(ws, 'milvus.yaml'), milvusYaml(2));
    await writeFile(join(ws, 'docker-compose.yml'), compose(rest.port));
  });
  after(async () => {
    for (const server of servers) await server.close();
    await pki.cleanup();
  });

  async function run(port: number): Promise<{ summary: ReturnType<typeof summarizeReport>; plan: ConnectionPlan }> {
    const context = resolveContext(nodeFileSystem());
    const plan = await planConnection((await selectDeployment(ws, context)).chosen, { root: ws, outputFolder: 'tls' }, context);
    assert.equal(plan.mode?.value, 2);
    assert.ok(plan.ca && plan.clientCertificate && plan.clientKey && plan.rest);
    const serverName = defaultServerName(plan, '127.0.0.1');
    const target = await connectionTarget(
      {
        host: { value: '127.0.0.1', from: plan.grpc.host.from },
        port: { value: port, from: plan.grpc.port.from },
        mode: { value: 2, from: plan.mode.from },
        ca: plan.ca,
        clientCertificate: plan.clientCertificate,
        clientKey: plan.clientKey,
        restPort: plan.rest.port,
        timeoutMs: 5000,
        ...(serverName ? { serverName } : {}),
      },
      context,
    );
    assert.equal(target.serverName, '127.0.0.1', 'the certificate holds the host, so the host is the name');
    assert.equal(target.httpPort, rest.port, 'the REST port is the one compose publishes for proxy.http.port');
    return { summary: summarizeReport(await testConnection(target)), plan };
  }

  it('connects over mutual TLS 1.3 with the workspace files, gRPC and REST', async () => {
    const { summary } = await run(grpc.port);
    assert.deepEqual(summary, { ok: true, message: `Connected to Milvus ${TEST_MILVUS_VERSION} over TLS 1.3 (mutual).` });
  });

  it('against a plaintext server, names tlsMode and links to it in milvus.yaml', async () => {
    const { summary, plan } = await run(plaintext.port);
    assert.equal(summary.ok, false);
    assert.equal(summary.cause?.code, 'plaintext-server');
    assert.equal(summary.cause?.configKey, 'common.security.tlsMode');
    assert.ok(plan.deployment);
    const location = locateSetting(plan.deployment, 'common.security.tlsMode');
    assert.deepEqual(location && { line: location.line, col: location.col, exact: location.exact }, { line: 10, col: 5, exact: true });
  });
});
