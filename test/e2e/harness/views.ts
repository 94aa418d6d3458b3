// Side bar views contributed by the extension (e.g. the Certificates tree), opened from the activity bar.
// Trees are found by role (tree, treeitem); a contributed view's tree is labelled with the view's name.
import type { Locator, Page } from 'playwright-core';
import { TREE_ITEM, escapeRegExp, treeOfView } from './aria';
import { plainText, readTexts, waitForText } from './dom';

/**
 * The side bar, for screenshots and for the rows of all its trees. A private class: the part has no
 * role or label of its own (its views' trees do).
 */
export const SIDE_BAR = '.part.sidebar';

/** The rows of the view named `view` (e.g. "Certificates"), or of every tree in the side bar when no view is named. */
function rowsOf(view: string | undefined): string {
  return view === undefined ? `${SIDE_BAR} ${TREE_ITEM}` : `${treeOfView(view)} ${TREE_ITEM}`;
}

/**
 * Clicks the activity bar icon titled `title` (e.g. "Milvus TLS") unless its container is already open.
 * Activity bar icons are tabs (of the "Active View Switcher" tab list), selected while their container shows.
 */
export async function openViewContainer(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const name = new RegExp(`^${escapeRegExp(title)}`);
  const tab = page.getByRole('tab', { name }).first();
  await tab.waitFor({ state: 'visible', timeout: timeoutMs });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.getByRole('tab', { name, selected: true }).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Expands every collapsed row of the visible side bar trees (or of `view`'s tree), one by one, until none
 * is left. The tree may redraw its rows meanwhile (the scanner reporting more files renews them,
 * collapsed, under new ids), so an expansion that does not show within a few seconds is tried again
 * rather than taken as a failure.
 */
export async function expandAll(page: Page, maxClicks = 50, view?: string): Promise<void> {
  const rows = rowsOf(view);
  for (let click = 0; click < maxClicks; click++) {
    const collapsed = page.locator(`${rows}[aria-expanded="false"] >> visible=true`).first();
    if ((await collapsed.count()) === 0) return;
    const label = await collapsed.getAttribute('aria-label');
    // The twistie, not the row: clicking a row runs its command (e.g. opens the file). A private class:
    // the twistie has no role or label (the row's aria-expanded carries the state).
    await collapsed.locator('.monaco-tl-twistie').click();
    if (label === null) continue;
    const expanded = page.locator(`${rows}[aria-expanded="true"][aria-label=${JSON.stringify(label)}]`).first();
    await expanded.waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
  }
  throw new Error(`tree rows still collapsed after ${maxClicks} clicks`);
}

/** Waits for a side bar tree row (of `view`, when given) matching `pattern`; returns its text. */
export function waitForTreeItem(page: Page, pattern: RegExp, timeoutMs = 30_000, view?: string): Promise<string> {
  return waitForText(page, rowsOf(view), pattern, timeoutMs, { visible: true });
}

/** The side bar's (or `view`'s) visible tree rows now, one string each. */
export async function treeItems(page: Page, view?: string): Promise<string[]> {
  return (await readTexts(page, rowsOf(view), { visible: true })).map((text) => plainText(text).replace(/\s+/g, ' ').trim());
}

/** The first row of `view`'s tree whose label (the item's label and description) matches `name`. */
export function treeItem(page: Page, view: string, name: RegExp): Locator {
  return page.locator(treeOfView(view)).getByRole('treeitem', { name }).first();
}
