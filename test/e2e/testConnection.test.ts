// Scenario e: "Milvus TLS: Test Connection…" against a TLS gRPC server (and its REST listener) started
// by the test with the workspace's own server.pem / server.key, tlsMode 1: the success notification and
// the report in the Output channel. Then the workspace's ca.pem is replaced by another CA's: the
// diagnosis names the cause (unknown-ca).
import { strict as assert } from 'node:assert';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../helpers/servers/milvusGrpcServer';
import { TEST_MILVUS_VERSION, startMilvusGrpcServer } from '../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../helpers/servers/milvusRestServer';
import type { ServerTlsFiles } from '../helpers/servers/milvusServerCredentials';
import { makeTempDir } from '../helpers/tempDir';
import { generateCertificates, runCli } from './harness/cli';
import { clickNotificationButton, waitForNotification } from './harness/notifications';
import { PANEL, outputLine, waitForOutput } from './harness/output';
import { runCommand } from './harness/palette';
import { maximizePanel } from './harness/panel';
import { answerQuickInput, waitForQuickInput } from './harness/quickInput';
import { saveBandScreenshot } from './harness/screenshot';
import type { Session } from './harness/session';
import { openSession } from './harness/session';

const CONNECTED = new RegExp(`Connected to Milvus ${TEST_MILVUS_VERSION.replace(/\./g, '\\.')} over TLS 1\\.3 \\(one-way\\)`);
const UNKNOWN_CA = /not signed by a CA this client trusts/;

describe('e: test the connection to a TLS server', { timeout: 300_000 }, () => {
  let session: Session | undefined;
  const servers: RunningServer[] = [];
  let address = '';
  let otherSet: { dir: string; cleanup: () => Promise<void> } | undefined;

  before(async () => {
    otherSet = await makeTempDir('milvus-tls-e2e-other-ca-');
    await generateCertificates(otherSet.dir, ['--ca-cn', 'Some Other CA']);
    session = await openSession({
      scenario: 'test-connection',
      prepare: async (workspace) => {
        const tls = join(workspace, 'tls');
        await generateCertificates(tls);
        const files: ServerTlsFiles = {
          certPem: await readFile(join(tls, 'server.pem'), 'utf8'),
          keyPem: await readFile(join(tls, 'server.key'), 'utf8'),
          caPem: await readFile(join(tls, 'ca.pem'), 'utf8'),
        };
        const grpc = await startMilvusGrpcServer({ mode: 1, files });
        servers.push(grpc);
        const rest = await startMilvusRestServer({ mode: 1, files });
        servers.push(rest);
        // milvus.yaml set up as Enable TLS does, with REST on the test's HTTPS port (compose publishes it).
        await runCli([
          'enable',
          '--mode',
          '1',
          '--config',
          join(workspace, 'milvus.yaml'),
          '--compose',
          join(workspace, 'docker-compose.yml'),
          '--certs',
          tls,
          '--http-port',
          String(rest.port),
        ]);
        address = `127.0.0.1:${grpc.port}`;
        await mkdir(join(workspace, '.vscode'), { recursive: true });
        await writeFile(
          join(workspace, '.vscode', 'settings.json'),
          `${JSON.stringify({ 'milvusTls.connection.address': address }, null, 2)}\n`,
        );
      },
    });
  });
  after(async () => {
    await session?.close();
    for (const server of servers) await server.close();
    await otherSet?.cleanup();
  });

  it('connects: the notification says so and the Output channel has the report', async () => {
    const s = session!;
    await s.guard(async () => {
      await runTestConnection(s, address);
      const message = await waitForNotification(s.page, CONNECTED, 60_000);
      console.log(`notification: ${message}`);
      await s.screenshot('notification');
      await clickNotificationButton(s.page, CONNECTED, 'Show Report');
      await maximizePanel(s.page);
      const report = await waitForOutput(s.page, /Result: OK in \d+ ms\. Milvus v2\.5\.27-test/, 30_000);
      assert.match(report, /PASS\s+TLS handshake/);
      assert.match(report, /PASS\s+gRPC GetVersion/);
      // From "Testing 127.0.0.1:…" to "Result: OK": the report without the lines logged before it.
      await saveBandScreenshot(
        s.page,
        'test-connection-report',
        s.page.locator(PANEL),
        outputLine(s.page, /Testing\s127\.0\.0\.1/),
        outputLine(s.page, /Result:\sOK/),
      );
    });
  });

  it("with another CA's ca.pem in tls/: diagnoses unknown-ca", async () => {
    const s = session!;
    await s.guard(async () => {
      await copyFile(join(otherSet!.dir, 'ca.pem'), join(s.workspace, 'tls', 'ca.pem'));
      await runTestConnection(s, address);
      const message = await waitForNotification(s.page, UNKNOWN_CA, 60_000);
      console.log(`notification: ${message}`);
      assert.match(message, /TLS handshake failed/);
      await waitForOutput(s.page, /cause: unknown-ca:/, 30_000);
      await s.screenshot('unknown-ca');
    });
  });
});

/** Runs the command and keeps the proposed address (the workspace setting) with Enter. */
async function runTestConnection(s: Session, address: string): Promise<void> {
  await runCommand(s.page, 'Milvus TLS: Test Connection…');
  const step = await waitForQuickInput(s.page);
  assert.equal(step.value, address);
  await answerQuickInput(s.page);
}
