// Quick fixes (code actions) at the cursor, through Ctrl+. and the action widget it opens: a listbox
// named "Action Widget" with one option per action, the focused one named by aria-activedescendant.
import type { Page } from 'playwright-core';
import { ACTION_LIST } from './aria';

/**
 * Opens the quick fix menu at the cursor of the focused editor and runs the action whose label is
 * exactly `title`. Chosen by keyboard (arrows, Enter): the widget's pointer block swallows clicks.
 */
export async function applyCodeAction(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const list = page.locator(ACTION_LIST);
  const row = list.getByRole('option', { name: title, exact: true }).first();
  const deadline = Date.now() + timeoutMs;
  // The language server may still be computing actions on the first try: the menu then shows
  // "No code actions available" and closes; open it again until the action is listed.
  for (;;) {
    await page.keyboard.press('Control+Period');
    try {
      await row.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) });
      break;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() >= deadline) throw new Error(`no code action "${title}" within ${timeoutMs} ms`, { cause: error });
    }
  }
  const rowId = await row.getAttribute('id');
  const rows = await list.getByRole('option').count();
  for (let step = 0; step <= rows; step++) {
    if (rowId !== null && (await list.getAttribute('aria-activedescendant')) === rowId) {
      await page.keyboard.press('Enter');
      await list.waitFor({ state: 'hidden', timeout: timeoutMs });
      return;
    }
    const before = await list.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    // Look again only once the focus moved (a one-item list keeps it where it is).
    await page
      .waitForFunction(
        `document.querySelector(${JSON.stringify(ACTION_LIST)})?.getAttribute('aria-activedescendant') !== ${JSON.stringify(before)}`,
        undefined,
        { timeout: 2_000, polling: 'raf' },
      )
      .catch(() => undefined);
  }
  throw new Error(`code action "${title}" listed but never focused`);
}
