// Running a command from the command palette, as a user does: F1, type the title, pick it.
import type { Page } from 'playwright-core';

const WIDGET = '.quick-input-widget';

/**
 * Runs the command whose palette entry is exactly `title` (e.g. "Milvus TLS: Show Output").
 * Right after start-up an extension's commands may not be listed yet (the extension host is still
 * reading manifests), so the palette is reopened until the entry appears or `timeoutMs` passes.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator(`${WIDGET} .quick-input-box input`);
  const entry = page.locator(`${WIDGET} .monaco-list-row`)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
    .first();
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
    await page.waitForFunction(`(() => {
      const widget = document.querySelector(${JSON.stringify(WIDGET)});
      const input = widget?.querySelector('.quick-input-box input');
      return !widget || widget.style.display === 'none' || !input || input.value !== ${JSON.stringify(`>${title}`)};
    })()`, undefined, { timeout: 10_000, polling: 'raf' });
    return;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
