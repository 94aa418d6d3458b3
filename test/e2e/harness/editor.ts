// Opening a workspace file in an editor and moving the cursor, as a user does (explorer, Go to Line).
import type { Page } from 'playwright-core';
import { waitForText } from './dom';

const ACTIVE_TAB = '.part.editor .tabs-container .tab.active';

/** Opens a file shown at the explorer's top level (e.g. "milvus.yaml") by clicking it. */
export async function openFromExplorer(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
  await waitForText(page, ACTIVE_TAB, new RegExp(name.replace(/\./g, '\\.')), timeoutMs);
  await page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Puts the cursor of the active editor on `line`:`column` (1-based) with Go to Line (F1, ":line:col"),
 * and waits until the status bar's cursor position says so.
 */
export async function goToPosition(page: Page, line: number, column: number, timeoutMs = 15_000): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await waitForText(page, '.part.statusbar .statusbar-item', new RegExp(`Ln ${line}, Col ${column}\\b`), timeoutMs);
}
