// The editor hover at the cursor (diagnostics and the language server's hover), shown by keyboard so
// that no mouse position is involved.
import type { Locator, Page } from 'playwright-core';
import { TOOLTIP } from './aria';
import { waitForText } from './dom';
import { runCommand } from './palette';

/** Shows the hover at the cursor ("Show or Focus Hover") and waits until its text matches `pattern`. */
export async function showHoverAtCursor(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<{ text: string; hover: Locator }> {
  await runCommand(page, 'Show or Focus Hover');
  // A closed hover stays in the page, hidden, with its old text: only a shown one counts.
  const text = await waitForText(page, TOOLTIP, pattern, timeoutMs, { visible: true });
  return { text, hover: page.locator(`${TOOLTIP} >> visible=true`).filter({ hasText: pattern }).first() };
}

/**
 * Shows the hover at the cursor again until its text matches `pattern`, for a language server that is
 * still (re)starting: a hover shown before it answered keeps its first text.
 */
export async function waitForHoverAtCursor(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<{ text: string; hover: Locator }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await showHoverAtCursor(page, pattern, Math.max(1, Math.min(5_000, deadline - Date.now())));
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() >= deadline) {
        throw new Error(`the hover at the cursor never matched ${String(pattern)} within ${timeoutMs} ms`, { cause: error });
      }
    }
  }
}
