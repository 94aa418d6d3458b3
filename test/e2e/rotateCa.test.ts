// Scenario: "Milvus TLS: Rotate CA…" through its three phases on a workspace in tlsMode 2, with a
// Milvus stand-in (gRPC and REST, mutual TLS) restarted after each phase on the workspace's files, as
// the phase's message says to. After each phase, the message's "Test Connection" button runs the
// connection test with the workspace's (new) files, and it is green.
import { strict as assert } from 'node:assert';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../helpers/servers/milvusGrpcServer';
import { TEST_MILVUS_VERSION, startMilvusGrpcServer } from '../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../helpers/servers/milvusRestServer';
import type { ServerTlsFiles } from '../helpers/servers/milvusServerCredentials';
import { generateCertificates, runCli } from './harness/cli';
import { answerModalDialog } from './harness/dialogs';
import { clearNotifications, clickNotificationButton, notificationToast, waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import { answerQuickInput, waitForQuickInput } from './harness/quickInput';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { openViewContainer, waitForTreeItem } from './harness/views';

const CONNECTED = new RegExp(`Connected to Milvus ${TEST_MILVUS_VERSION.replace(/\./g, '\\.')} over TLS 1\\.3 \\(mutual\\)`);

/** A Milvus stand-in on fixed ports, restarted with the folder's current files. */
class Milvus {
  #servers: RunningServer[] = [];
  grpcPort = 0;
  restPort = 0;

  async start(tls: string): Promise<void> {
    await this.stop();
    const files: ServerTlsFiles = {
      certPem: await readFile(join(tls, 'server.pem'), 'utf8'),
      keyPem: await readFile(join(tls, 'server.key'), 'utf8'),
      caPem: await readFile(join(tls, 'ca.pem'), 'utf8'),
    };
    const grpc = await startMilvusGrpcServer({ mode: 2, files, ...(this.grpcPort ? { port: this.grpcPort } : {}) });
    const rest = await startMilvusRestServer({ mode: 2, files, ...(this.restPort ? { port: this.restPort } : {}) });
    this.#servers = [grpc, rest];
    this.grpcPort = grpc.port;
    this.restPort = rest.port;
  }

  async stop(): Promise<void> {
    for (const server of this.#servers.splice(0)) await server.close();
  }
}

describe('rotate the CA: start → reissue → finish, Test Connection green after each', { timeout: 600_000 }, () => {
  let session: Session | undefined;
  const milvus = new Milvus();
  let address = '';

  before(async () => {
    session = await openSession({
      scenario: 'rotate-ca',
      prepare: async (workspace) => {
        const tls = join(workspace, 'tls');
        await generateCertificates(tls);
        await milvus.start(tls);
        await runCli([
          'enable',
          '--mode',
          '2',
          '--config',
          join(workspace, 'milvus.yaml'),
          '--compose',
          join(workspace, 'docker-compose.yml'),
          '--certs',
          tls,
          '--http-port',
          String(milvus.restPort),
        ]);
        address = `127.0.0.1:${milvus.grpcPort}`;
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
    await milvus.stop();
  });

  /** Keeps the proposed address with Enter and waits for the green notification. */
  async function connectionIsGreen(s: Session): Promise<void> {
    const step = await waitForQuickInput(s.page);
    assert.equal(step.value, address);
    await answerQuickInput(s.page);
    console.log(`connection: ${await waitForNotification(s.page, CONNECTED, 60_000)}`);
    // Cleared, so that the next check can only be satisfied by a new result.
    await clearNotifications(s.page);
    await notificationToast(s.page, CONNECTED).first().waitFor({ state: 'detached', timeout: 30_000 });
  }

  it('the workspace connects before the rotation', async () => {
    const s = session!;
    await s.guard(async () => {
      await openViewContainer(s.page, 'Milvus TLS');
      await waitForTreeItem(s.page, /Milvus TLS CA/, 60_000);
      await runCommand(s.page, 'Milvus TLS: Test Connection…');
      await connectionIsGreen(s);
    });
  });

  for (const [index, phase] of (['Start', 'Reissue', 'Finish'] as const).entries()) {
    it(`phase ${index + 1}: ${phase}, restart Milvus, Test Connection from the message is green`, async () => {
      const s = session!;
      await s.guard(async () => {
        await runCommand(s.page, 'Milvus TLS: Rotate CA…');
        const pick = await waitForQuickInput(s.page);
        assert.match(pick.active, new RegExp(`Phase ${index + 1} of 3: ${phase}`));
        await answerQuickInput(s.page);
        await answerModalDialog(s.page, phase);
        const done = new RegExp(`Phase ${index + 1} of 3: ${phase} done\\. Next:`);
        console.log(`rotate: ${await waitForNotification(s.page, done, 120_000)}`);
        await s.screenshot(`after-${phase.toLowerCase()}`);
        await milvus.start(join(s.workspace, 'tls'));
        await clickNotificationButton(s.page, done, 'Test Connection');
        await connectionIsGreen(s);
      });
    });
  }

  it('ends with the new CA alone in ca.pem', async () => {
    const ca = await readFile(join(session!.workspace, 'tls', 'ca.pem'), 'utf8');
    assert.equal(ca.match(/BEGIN CERTIFICATE/g)?.length, 1);
    assert.match(await runCli(['rotate', 'status', '--dir', join(session!.workspace, 'tls')]), /no rotation in progress/);
  });
});
