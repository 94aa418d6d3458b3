// Quick fixes (code actions) at the cursor, through Ctrl+. and the action widget it opens.
import type { Page } from 'playwright-core';

const WIDGET = '.action-widget';
const ROW = `${WIDGET} .monaco-list-row.action`;

/**
 * Opens the quick fix menu at the cursor of the focused editor and runs the action whose label is
 * exactly `title`. Chosen by keyboard (arrows, Enter): the widget's pointer block swallows clicks.
 */
export async function applyCodeAction(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const row = page.locator(`${ROW}[aria-label="${title}"]`).first();
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
  const rows = await page.locator(ROW).count();
  for (let step = 0; step <= rows; step++) {
    if ((await row.getAttribute('class'))?.split(/\s+/).includes('focused')) {
      await page.keyboard.press('Enter');
      await page.locator(WIDGET).first().waitFor({ state: 'hidden', timeout: timeoutMs });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`code action "${title}" listed but never focused`);
}
