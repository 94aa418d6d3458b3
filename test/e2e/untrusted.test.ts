// Scenario f: in an untrusted workspace (Restricted Mode) generation is refused with a clear message and
// nothing is written, while the diagnostics (read-only) are still shown: a milvus.yaml with tlsMode 3.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openFromExplorer } from './harness/editor';
import type { KeyPosition } from './harness/milvusYaml';
import { setTlsMode } from './harness/milvusYaml';
import { waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import { waitForProblem } from './harness/problems';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { listFiles } from './harness/workspace';

describe('f: untrusted workspace', { timeout: 240_000 }, () => {
  let session: Session | undefined;
  let position: KeyPosition | undefined;
  before(async () => {
    session = await openSession({
      scenario: 'untrusted',
      trusted: false,
      prepare: async (workspace) => {
        position = await setTlsMode(workspace, '3');
      },
    });
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

  it('still shows the diagnostics of milvus.yaml', async () => {
    const s = session!;
    const at = position!;
    await s.guard(async () => {
      await openFromExplorer(s.page, 'milvus.yaml');
      const row = await waitForProblem(s.page, new RegExp(`tls-mode-unknown[\\s\\S]*\\[Ln ${at.line}, Col ${at.valueColumn}\\]`), 90_000);
      assert.match(row, /tlsMode 3/);
      await s.screenshot('problems');
    });
  });
});
