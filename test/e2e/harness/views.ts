// Side bar views contributed by the extension (e.g. the Certificates tree), opened from the activity bar.
import type { Page } from 'playwright-core';
import { plainText, waitForText } from './dom';

const ROWS = '.part.sidebar .pane-body .monaco-list-row';

/** Clicks the activity bar icon titled `title` (e.g. "Milvus TLS") unless its container is already open. */
export async function openViewContainer(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const item = page.locator('.part.activitybar .action-item').filter({ has: page.locator(`[aria-label^="${title}"]`) }).first();
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const checked = (await item.getAttribute('class'))?.split(/\s+/).includes('checked') ?? false;
  if (!checked) await item.click();
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Expands every collapsed row of the visible side bar trees, one by one, until none is left. The tree may
 * redraw its rows meanwhile (the scanner reporting more files renews them, collapsed, under new ids), so
 * an expansion that does not show within a few seconds is tried again rather than taken as a failure.
 */
export async function expandAll(page: Page, maxClicks = 50): Promise<void> {
  for (let click = 0; click < maxClicks; click++) {
    const collapsed = page.locator(`${ROWS}[aria-expanded="false"] >> visible=true`).first();
    if ((await collapsed.count()) === 0) return;
    const label = await collapsed.getAttribute('aria-label');
    // The twistie, not the row: clicking a row runs its command (e.g. opens the file).
    await collapsed.locator('.monaco-tl-twistie').click();
    if (label === null) continue;
    const expanded = page.locator(`${ROWS}[aria-expanded="true"][aria-label=${JSON.stringify(label)}]`).first();
    await expanded.waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
  }
  throw new Error(`tree rows still collapsed after ${maxClicks} clicks`);
}

/** Waits for a side bar tree row matching `pattern`; returns its text. */
export function waitForTreeItem(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, ROWS, pattern, timeoutMs);
}

/** The side bar's visible tree rows now, one string each. */
export async function treeItems(page: Page): Promise<string[]> {
  return (await page.locator(ROWS).allInnerTexts()).map((text) => plainText(text).replace(/\s+/g, ' ').trim());
}
