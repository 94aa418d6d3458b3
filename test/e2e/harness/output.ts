// Reading an Output channel, e.g. "Milvus TLS".
import type { Page } from 'playwright-core';
import { plainText, waitForText } from './dom';
import { runCommand } from './palette';

const LINES = '.part.panel .output-view .monaco-editor .view-lines';

/** Shows `channel` in the Output panel through "Output: Show Output Channels...". */
export async function showOutputChannel(page: Page, channel: string): Promise<void> {
  await runCommand(page, 'Output: Show Output Channels...');
  const entry = page.locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: channel }) }).first();
  await entry.click();
  await page.locator(LINES).waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until the Output panel's visible text matches `pattern`; returns that text (lines joined by \n). */
export function waitForOutput(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, LINES, pattern, timeoutMs);
}

/** The Output panel's visible text now. Monaco draws only visible lines: keep channels short or scroll. */
export async function readOutput(page: Page): Promise<string> {
  return plainText(await page.locator(LINES).first().innerText());
}
