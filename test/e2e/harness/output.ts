// Reading an Output channel, e.g. "Milvus TLS".
import type { Locator, Page } from 'playwright-core';
import { escapeRegExp } from './aria';
import { plainText, waitForText } from './dom';
import { runCommand } from './palette';
import { quickInputOption } from './quickInput';

/**
 * The bottom panel. A private class: the panel part has no role or label of its own (only its tabs
 * and views do), and a screenshot of the report needs its frame.
 */
export const PANEL = '.part.panel';

/**
 * The Output channel's lines as drawn. Private classes: the Output view is a read-only editor, and an
 * editor exposes no accessible text of its lines (see EDITOR_LINES in editor.ts).
 */
const LINES = `${PANEL} .output-view .monaco-editor .view-lines`;

/** Shows `channel` in the Output panel through "Output: Show Output Channels...". */
export async function showOutputChannel(page: Page, channel: string): Promise<void> {
  await runCommand(page, 'Output: Show Output Channels...');
  await quickInputOption(page, new RegExp(`^${escapeRegExp(channel)}(, |$)`))
    .first()
    .click();
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

/** The last drawn line of the Output panel whose text matches `pattern` (to frame a screenshot). */
export function outputLine(page: Page, pattern: RegExp): Locator {
  return page.locator(`${LINES} .view-line`, { hasText: pattern }).last();
}
