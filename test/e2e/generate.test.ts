// Scenario b: "Milvus TLS: Generate Certificates…" from the palette, Enter on every step (the defaults),
// until the success message; the nine files of the Milvus docs are then on disk in the workspace's tls/.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { explorerItem } from './harness/editor';
import { clickNotificationButton, notificationToast, waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import { acceptDefaultsUntil } from './harness/quickInput';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { expandAll, openViewContainer, waitForTreeItem } from './harness/views';
import { listFiles } from './harness/workspace';

const NINE_FILES = ['ca.key', 'ca.pem', 'ca.srl', 'client.csr', 'client.key', 'client.pem', 'server.csr', 'server.key', 'server.pem'];
const SUCCESS = /Generated 9 files in tls/;

describe('b: generate certificates with the defaults', { timeout: 240_000 }, () => {
  let session: Session | undefined;
  before(async () => {
    session = await openSession({ scenario: 'generate' });
  });
  after(async () => {
    await session?.close();
  });

  it('writes the nine files into tls/ and says so', async () => {
    const s = session!;
    await s.guard(async () => {
      await runCommand(s.page, 'Milvus TLS: Generate Certificates…');
      const steps = await acceptDefaultsUntil(s.page, notificationToast(s.page, SUCCESS), {
        timeoutMs: 90_000,
        // The SAN step shows the most: the proposed names, compose's service and container among them.
        onStep: async (step) => {
          if (/subject alternative names/i.test(`${step.title} ${step.placeholder}`)) await s.screenshot('quick-input');
        },
      });
      console.log(`answered ${steps.length} steps: ${steps.map((step) => step.title || step.placeholder).join(' | ')}`);
      assert.ok(steps.length > 0, 'the command asked at least one question');
      const message = await waitForNotification(s.page, SUCCESS);
      await s.screenshot();
      assert.match(message, SUCCESS);

      const files = (await listFiles(join(s.workspace, 'tls'))).filter((name) => name !== '.gitkeep');
      assert.deepEqual(files, NINE_FILES);

      // The message's first button shows the new files in the explorer.
      await clickNotificationButton(s.page, SUCCESS, 'Reveal in Explorer');
      await explorerItem(s.page, 'server.pem').waitFor({ state: 'visible', timeout: 15_000 });
      await s.screenshot('files');
    });
  });

  it('lists the CA, server and client in the Certificates view with CommonName and expiry', async () => {
    const s = session!;
    await s.guard(async () => {
      await openViewContainer(s.page, 'Milvus TLS');
      // The CA heads the leaves it issued; once it is there, expand everything to show each key too.
      await waitForTreeItem(s.page, /Milvus TLS CA/, 30_000, 'Certificates');
      await expandAll(s.page, 50, 'Certificates');
      for (const name of ['Milvus TLS CA', 'localhost', 'milvus-client']) {
        await waitForTreeItem(s.page, new RegExp(`${name}[\\s\\S]*expires in \\d+ days`), 30_000, 'Certificates');
      }
      await s.screenshot('certificates-view');
    });
  });
});
