// The editor hover at the cursor (diagnostics and the language server's hover), shown by keyboard so
// that no mouse position is involved.
import type { Locator, Page } from 'playwright-core';
import { waitForText } from './dom';
import { runCommand } from './palette';

const HOVER = '.monaco-editor .monaco-hover:not(.hidden)';

/** Shows the hover at the cursor ("Show or Focus Hover") and waits until its text matches `pattern`. */
export async function showHoverAtCursor(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<{ text: string; hover: Locator }> {
  await runCommand(page, 'Show or Focus Hover');
  const text = await waitForText(page, HOVER, pattern, timeoutMs);
  return { text, hover: page.locator(HOVER).filter({ hasText: pattern }).first() };
}
