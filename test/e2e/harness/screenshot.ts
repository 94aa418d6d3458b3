// Screenshots of what the user sees, one per scenario, under test-results/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
