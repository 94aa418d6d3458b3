// Running a command from the command palette, as a user does: F1, type the title, pick it.
import type { Page } from 'playwright-core';
import { QUICK_INPUT_BOX, escapeRegExp } from './aria';
import { quickInputBox, quickInputOption } from './quickInput';

/**
 * Runs the command whose palette entry is exactly `title` (e.g. "Milvus TLS: Show Output").
 * Right after start-up an extension's commands may not be listed yet (the extension host is still
 * reading manifests), so the palette is reopened until the entry appears or `timeoutMs` passes.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = quickInputBox(page);
  // An entry's label is its title, then ", <description or group>" ("…, recently used").
  const entry = quickInputOption(page, new RegExp(`^${escapeRegExp(title)}(, |$)`)).first();
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    try {
      await entry.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) });
      await entry.click();
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() >= deadline) {
        throw new Error(`command "${title}" not found in the palette within ${timeoutMs} ms`, { cause: error });
      }
      continue;
    }
    // Done when the palette closed or was replaced by the command's own quick input.
    await page.waitForFunction(
      `(() => {
      const input = document.querySelector(${JSON.stringify(QUICK_INPUT_BOX)});
      return !input || input.getClientRects().length === 0 || input.value !== ${JSON.stringify(`>${title}`)};
    })()`,
      undefined,
      { timeout: 10_000, polling: 'raf' },
    );
    return;
  }
}
