// Smoke: the packaged extension installs into a real VS Code (code-server), activates, and its command
// runs from the palette. Also measures activation time and the extension host's memory.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { measureActivation } from './harness/activation';
import { waitForOutput } from './harness/output';
import { runCommand } from './harness/palette';
import { extensionHost, languageServer } from './harness/processes';
import { readProblems } from './harness/problems';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { recordMetric } from './harness/metrics';

describe('smoke: the .vsix in code-server', { timeout: 240_000 }, () => {
  let session: Session | undefined;
  before(async () => {
    session = await openSession({ scenario: 'smoke' });
  });
  after(async () => {
    await session?.close();
  });

  it('activates: "Milvus TLS: Show Output" shows the activated line in the Output channel', async () => {
    const s = session!;
    await s.guard(async () => {
      await runCommand(s.page, 'Milvus TLS: Show Output');
      const text = await waitForOutput(s.page, /\[info\] activated \(\d+\.\d+\.\d+\)/);
      assert.match(text, /activated/);
      await s.screenshot();

      const activation = await measureActivation(s.server.userDataDir, 'milvus-tls.milvus-tls');
      const host = await extensionHost(s.server.pgid);
      const server = await languageServer(s.server.pgid);
      console.log(`activation: ${JSON.stringify(activation)}; extension host RSS ${host?.rssMiB ?? '?'} MiB;`
        + ` language server RSS ${server?.rssMiB ?? 'not running'} MiB`);
      await recordMetric('smoke', {
        activation, extensionHostRssMiB: host?.rssMiB, languageServerRssMiB: server?.rssMiB,
      });
      assert.ok(host, 'the extension host runs in the code-server process group');
    });
  });

  it('shows the Problems panel', async () => {
    const s = session!;
    await s.guard(async () => {
      const rows = await readProblems(s.page);
      assert.ok(Array.isArray(rows));
      await s.screenshot('problems');
    });
  });
});
