// Scenario f: in an untrusted workspace (Restricted Mode) generation is refused with a clear message and
// nothing is written. (Diagnostics still shown there: added with the diagnostics feature.)
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { listFiles } from './harness/workspace';

describe('f: untrusted workspace', { timeout: 240_000 }, () => {
  let session: Session | undefined;
  before(async () => {
    session = await openSession({ scenario: 'untrusted', trusted: false });
  });
  after(async () => {
    await session?.close();
  });

  it('refuses to generate certificates, says why, and writes nothing', async () => {
    const s = session!;
    await s.guard(async () => {
      await runCommand(s.page, 'Milvus TLS: Generate Certificates…');
      const message = await waitForNotification(s.page, /only in a trusted workspace/);
      await s.screenshot();
      assert.match(message, /Trust this folder/);
      assert.deepEqual(await listFiles(join(s.workspace, 'tls')), ['.gitkeep']);
    });
  });
});
