// Screenshots of what the user sees, one per scenario, under test-results/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { RESULTS_DIR } from './paths';

/** Saves test-results/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  // Park the pointer on the editor area, where nothing shows a hover, so no stray tooltip covers the UI.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width * 0.6, size.height * 0.4);
  // Toasts slide and fade in: finish such animations first, so the picture shows what a user reads.
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

/**
 * Saves test-results/<name>.png of one part of the window (a view, the panel, a hover with its editor),
 * small enough for the README. The pointer is not moved: a hover shown by the mouse would close.
 */
export async function saveElementScreenshot(locator: Locator, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await locator.screenshot({ path, animations: 'disabled' });
  return path;
}

/**
 * Saves test-results/<name>.png of the band of `frame` (e.g. the panel) from the top of `first` to the
 * bottom of `last` (e.g. the first and last line of a report): the part worth showing, in fewer bytes.
 */
export async function saveBandScreenshot(page: Page, name: string, frame: Locator, first: Locator, last: Locator): Promise<string> {
  const [outer, top, bottom] = await Promise.all([frame.boundingBox(), first.boundingBox(), last.boundingBox()]);
  if (!outer || !top || !bottom) throw new Error(`${name}: an element to frame the screenshot is not shown`);
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  const y = Math.max(outer.y, top.y);
  const height = Math.min(outer.y + outer.height, bottom.y + bottom.height + 4) - y;
  await page.screenshot({ path, animations: 'disabled', clip: { x: outer.x, y, width: outer.width, height } });
  return path;
}
