// Scenario c: certificates in tls/ (written by the CLI before VS Code opens), then "Milvus TLS: Enable
// TLS…" with mutual TLS picked: milvus.yaml and docker-compose.yml are set up on disk, the language
// server reads the new config (its tlsMode inlay hint) and reports no problem for it.
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { generateCertificates } from './harness/cli';
import { MODAL_DIALOG } from './harness/aria';
import { EDITOR_LINES, editorOf } from './harness/editor';
import { waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import { milvusYamlProblemsOnceAnalysed } from './harness/problems';
import { answerQuickInput, waitForQuickInput } from './harness/quickInput';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { EXAMPLE_WORKSPACE } from './harness/paths';
import { waitForDisk } from './harness/workspace';

const ENABLED = /TLS enabled \(tlsMode 2\)/;

interface ShippedConfig {
  common?: { security?: { tlsMode?: unknown } };
  tls?: { serverPemPath?: unknown; serverKeyPath?: unknown; caPemPath?: unknown };
  proxy?: { http?: { port?: unknown } };
}

interface Compose {
  services?: Record<string, { volumes?: unknown[]; ports?: unknown[] } | undefined>;
}

describe('c: enable TLS (mutual) on the example workspace', { timeout: 300_000 }, () => {
  let session: Session | undefined;
  before(async () => {
    session = await openSession({
      scenario: 'enable-tls',
      prepare: (workspace) => generateCertificates(join(workspace, 'tls')),
    });
  });
  after(async () => {
    await session?.close();
  });

  it('asks for the mode and edits milvus.yaml and docker-compose.yml', async () => {
    const s = session!;
    await s.guard(async () => {
      await runCommand(s.page, 'Milvus TLS: Enable TLS…');
      const step = await waitForQuickInput(s.page);
      assert.match(step.placeholder, /TLS mode/);
      // One certificate folder (tls/) and the milvus.yaml the compose file mounts: no further question.
      await answerQuickInput(s.page, 'Mutual TLS');
      const message = await waitForNotification(s.page, ENABLED, 60_000);
      console.log(`message: ${message}`);
      await s.screenshot();

      const config = parse(await readFile(join(s.workspace, 'milvus.yaml'), 'utf8')) as ShippedConfig;
      assert.equal(config.common?.security?.tlsMode, 2);
      assert.deepEqual(config.tls, {
        ...config.tls,
        serverPemPath: '/milvus/tls/server.pem',
        serverKeyPath: '/milvus/tls/server.key',
        caPemPath: '/milvus/tls/ca.pem',
      });
      assert.equal(config.proxy?.http?.port, 8080);

      const compose = parse(await readFile(join(s.workspace, 'docker-compose.yml'), 'utf8')) as Compose;
      const milvus = compose.services?.standalone;
      assert.ok(milvus?.volumes?.includes('${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls'), JSON.stringify(milvus?.volumes));
      assert.ok(milvus?.ports?.includes('8080:8080'), JSON.stringify(milvus?.ports));
    });
  });

  it('leaves no problem in milvus.yaml: the language server reads it as mutual TLS', async () => {
    const s = session!;
    await s.guard(async () => {
      // The inlay hint after the value comes from the language server's analysis of the edited file.
      const problems = await milvusYamlProblemsOnceAnalysed(s.page, s.workspace, /tlsMode: 2\s*→ mutual TLS/);
      console.log(`problems: ${JSON.stringify(problems)}`);
      assert.deepEqual(problems, []);
      await s.screenshot('problems');
    });
  });

  it('is one edit: one Undo in the milvus.yaml editor reverts both files', async () => {
    const s = session!;
    await s.guard(async () => {
      // The cursor is still in milvus.yaml (previous test). For an edit that spans files VS Code may ask
      // whether to undo it in all of them (when the other file is open in an editor): then say yes.
      await editorOf(s.page, 'milvus.yaml').getByRole('textbox').first().focus();
      await s.page.keyboard.press('Control+Z');
      const undoAll = s.page.locator(MODAL_DIALOG).getByRole('button', { name: /Undo in \d+ Files/ });
      const reverted = s.page.locator(EDITOR_LINES, { hasText: /tlsMode:\s0\b/ });
      await undoAll.or(reverted).first().waitFor({ state: 'visible', timeout: 30_000 });
      if (await undoAll.isVisible()) await undoAll.click();
      await reverted.waitFor({ state: 'visible', timeout: 30_000 });
      await runCommand(s.page, 'File: Save All Files');
      // VS Code saves in place (truncate, then write): a read in between sees an empty or partial file,
      // so wait for the whole original text, and compare what is there after the wait either way.
      for (const name of ['milvus.yaml', 'docker-compose.yml']) {
        const original = await readFile(join(EXAMPLE_WORKSPACE, name), 'utf8');
        const read = (): Promise<string> => readFile(join(s.workspace, name), 'utf8');
        await waitForDisk(read, (text) => text === original).catch(() => undefined);
        assert.equal(await read(), original, `${name} as before Enable TLS`);
      }
    });
  });
});
