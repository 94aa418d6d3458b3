// Scenario a: a milvus.yaml whose common.security.tlsMode is 3 (Milvus refuses to start). The Problems
// panel shows tls-mode-unknown on the value's line; the hover explains it; the quick fix "Set tlsMode to 0"
// corrects it and the problem goes away.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { EDITOR_AREA } from './harness/aria';
import { applyCodeAction } from './harness/codeActions';
import { goToPosition, openFromExplorer } from './harness/editor';
import { showHoverAtCursor } from './harness/hover';
import type { KeyPosition } from './harness/milvusYaml';
import { setTlsMode, tlsModeOnDisk } from './harness/milvusYaml';
import { runCommand } from './harness/palette';
import { waitForNoProblem, waitForProblem } from './harness/problems';
import { saveElementScreenshot } from './harness/screenshot';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { waitForDisk } from './harness/workspace';

describe('a: diagnostics for tlsMode 3, with hover and quick fix', { timeout: 300_000 }, () => {
  let session: Session | undefined;
  let position: KeyPosition | undefined;
  before(async () => {
    session = await openSession({
      scenario: 'diagnostics',
      prepare: async (workspace) => {
        position = await setTlsMode(workspace, '3');
      },
    });
  });
  after(async () => {
    await session?.close();
  });

  it('shows tls-mode-unknown on the tlsMode line in the Problems panel', async () => {
    const s = session!;
    const at = position!;
    await s.guard(async () => {
      // Diagnostics are pulled for open documents: open the file as a user would.
      await openFromExplorer(s.page, 'milvus.yaml');
      const row = await waitForProblem(s.page, new RegExp(`tls-mode-unknown[\\s\\S]*\\[Ln ${at.line}, Col ${at.valueColumn}\\]`), 90_000);
      console.log(`problem: ${row}`);
      assert.match(row, /tlsMode 3/);
      assert.match(row, /refuses to start/);
      await s.screenshot('problems');
    });
  });

  it('explains it in the hover over tlsMode', async () => {
    const s = session!;
    const at = position!;
    await s.guard(async () => {
      await goToPosition(s.page, at.line, at.valueColumn);
      // The value's hover holds both the diagnostic and the key's documentation.
      await showHoverAtCursor(s.page, /refuses to start/);
      const { text } = await showHoverAtCursor(s.page, /common\.security\.tlsMode/);
      assert.match(text, /tlsMode/);
      await saveElementScreenshot(s.page.locator(EDITOR_AREA), 'diagnostics-hover');
      await s.page.keyboard.press('Escape');
    });
  });

  it('fixes it with the quick fix "Set tlsMode to 0": the problem goes away', async () => {
    const s = session!;
    const at = position!;
    await s.guard(async () => {
      await goToPosition(s.page, at.line, at.valueColumn);
      await applyCodeAction(s.page, 'Set tlsMode to 0');
      await waitForNoProblem(s.page, /tls-mode-unknown/, 60_000);
      // The fix edits the open document; saving it puts the corrected value on disk (harmless when the
      // edit was saved already).
      await runCommand(s.page, 'File: Save');
      assert.equal(
        await waitForDisk(
          () => tlsModeOnDisk(s.workspace),
          (value) => value === '0',
        ),
        '0',
      );
      await s.screenshot('fixed');
    });
  });
});
