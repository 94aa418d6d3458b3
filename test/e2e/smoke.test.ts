// Smoke: the packaged extension installs into a real VS Code (code-server), activates, and its command
// runs from the palette. Also measures activation time and the memory of the extension host and of
// the language server (with milvus.yaml open).
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { measureActivation } from './harness/activation';
import { readRunningExtension } from './harness/runningExtensions';
import { waitForOutput } from './harness/output';
import { runCommand } from './harness/palette';
import { extensionHost, languageServer } from './harness/processes';
import { readProblems } from './harness/problems';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { recordMetric } from './harness/metrics';
import { goToPosition, openFromExplorer, waitForEditorText } from './harness/editor';
import { tlsModePosition } from './harness/milvusYaml';

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

      // Two figures: VS Code's own (loading dist/extension.js + activate(), as Running Extensions
      // shows it), and from the log timestamps, which also count the host's other work in between.
      const running = await readRunningExtension(s.page, 'Milvus TLS');
      const activation = await measureActivation(s.server.userDataDir, 'milvus-tls.milvus-tls');
      const host = await extensionHost(s.server.pgid);
      const server = await languageServer(s.server.pgid);
      console.log(
        `activation: ${running.activationMs} ms (VS Code's Running Extensions); from the logs ${JSON.stringify(activation)};` +
          ` extension host RSS ${host?.rssMiB ?? '?'} MiB; language server RSS ${server?.rssMiB ?? 'not running'} MiB`,
      );
      await recordMetric('smoke', {
        activationMs: running.activationMs,
        activationFromLogs: activation,
        extensionHostRssMiB: host?.rssMiB,
        languageServerRssMiB: server?.rssMiB,
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

  it('measures the memory with milvus.yaml open and analysed by the language server', async () => {
    const s = session!;
    await s.guard(async () => {
      await openFromExplorer(s.page, 'milvus.yaml');
      const at = await tlsModePosition(s.workspace);
      await goToPosition(s.page, at.line, at.valueColumn);
      // The inlay hint comes from the language server: it runs and has read the file (and its compose).
      await waitForEditorText(s.page, /tlsMode: 0\s*→ TLS off/, 60_000);
      const host = await extensionHost(s.server.pgid);
      const server = await languageServer(s.server.pgid);
      console.log(
        `milvus.yaml open: extension host RSS ${host?.rssMiB ?? '?'} MiB; language server RSS ${server?.rssMiB ?? 'not running'} MiB`,
      );
      await recordMetric('smoke-milvus-yaml', { extensionHostRssMiB: host?.rssMiB, languageServerRssMiB: server?.rssMiB });
      assert.ok(server, 'the language server (dist/server.js) runs in the code-server process group');
      await s.screenshot('milvus-yaml');
    });
  });
});
