// Waiting on text in the workbench's DOM. The browser-side functions are passed as source strings
// because this project's TypeScript has no DOM types (the extension runs in Node).
import type { Page } from 'playwright-core';

/** Monaco renders spaces as U+00A0; tests compare plain text. */
export function plainText(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Resolves with the text of the first element matching `selector` once that text matches `pattern`.
 * Polls on animation frames inside the page (playwright's waitForFunction), up to `timeoutMs`.
 */
export async function waitForText(page: Page, selector: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const probe = `(() => {
    const nodes = Array.from(document.querySelectorAll(${JSON.stringify(selector)}));
    const pattern = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags.replace('g', ''))});
    for (const node of nodes) {
      const text = (node.innerText ?? node.textContent ?? '').replace(/\\u00a0/g, ' ');
      if (pattern.test(text)) return text;
    }
    return false;
  })()`;
  try {
    const handle = await page.waitForFunction(probe, undefined, { timeout: timeoutMs, polling: 'raf' });
    return plainText(String(await handle.jsonValue()));
  } catch (error) {
    const seen = await page.locator(selector).allInnerTexts().catch(() => []);
    throw new Error(`no ${selector} matched ${String(pattern)} within ${timeoutMs} ms; seen:\n${seen.map(plainText).join('\n---\n')}`,
      { cause: error });
  }
}
