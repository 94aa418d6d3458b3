// Scenario d: a certificate set whose server and client certificates expire in 5 days. The status bar
// names the soonest-expiring one and the Certificates view marks it with the warning icon.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCertificates } from './harness/cli';
import { waitForText } from './harness/dom';
import { saveElementScreenshot } from './harness/screenshot';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { waitForStatusBarItem } from './harness/statusBar';
import { expandAll, openViewContainer, waitForTreeItem } from './harness/views';

// Issued for 5 days a moment ago: "in 5 days" by the one days rule (src/core/inspect/days.ts).
const EXPIRING = /expires in 5 days/;

describe('d: a certificate that expires in 5 days', { timeout: 240_000 }, () => {
  let session: Session | undefined;
  before(async () => {
    session = await openSession({
      scenario: 'expiry',
      prepare: (workspace) => generateCertificates(join(workspace, 'tls'), ['--days', '5']),
    });
  });
  after(async () => {
    await session?.close();
  });

  it('warns in the status bar', async () => {
    const s = session!;
    await s.guard(async () => {
      const text = await waitForStatusBarItem(s.page, new RegExp(`(server|client)\\.pem ${EXPIRING.source}`), 60_000);
      console.log(`status bar: ${text}`);
      await s.screenshot('status-bar');
    });
  });

  it('marks the server certificate in the Certificates view with the warning icon', async () => {
    const s = session!;
    await s.guard(async () => {
      await openViewContainer(s.page, 'Milvus TLS');
      await waitForTreeItem(s.page, /Milvus TLS CA/, 30_000);
      await expandAll(s.page);
      const text = await waitForTreeItem(s.page, new RegExp(`localhost[\\s\\S]*${EXPIRING.source}`), 30_000);
      console.log(`tree item: ${text}`);
      // The icon says the state: codicon "warning" for expiring (state.ts), "pass" for fine.
      const row = s.page.locator('.part.sidebar .pane-body .monaco-list-row').filter({ hasText: /^localhost/ }).first();
      assert.equal(await row.locator('.codicon-warning').count(), 1, 'the server certificate shows the warning icon');
      const ca = s.page.locator('.part.sidebar .pane-body .monaco-list-row').filter({ hasText: /^Milvus TLS CA/ }).first();
      assert.equal(await ca.locator('.codicon-warning').count(), 0, 'the CA (10 years) is not flagged');
      await saveElementScreenshot(s.page.locator('.part.sidebar'), 'expiry-certificates-view');
    });
  });

  it('opens the certificate from the tree, with the expiry in its CodeLens', async () => {
    const s = session!;
    await s.guard(async () => {
      await s.page.locator('.part.sidebar .pane-body .monaco-list-row').filter({ hasText: /^localhost/ }).first().click();
      const lens = await waitForText(s.page, '.part.editor .codelens-decoration', new RegExp(`CN=localhost[\\s\\S]*${EXPIRING.source}`), 30_000);
      console.log(`CodeLens: ${lens}`);
      // The whole window: tree, CodeLens and status bar together (the README's cert explorer picture).
      await s.screenshot('explorer');
    });
  });
});
