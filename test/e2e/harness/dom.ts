// Waiting on text in the workbench's DOM. The browser-side functions are passed as source strings
// because this project's TypeScript has no DOM types (the extension runs in Node).
import type { Page } from 'playwright-core';

/** Monaco renders spaces as U+00A0; tests compare plain text. */
export function plainText(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export interface TextOptions {
  /**
   * Only elements that are rendered (have a box). Workbench widgets stay in the DOM when closed
   * (display: none), and innerText of such an element returns its stale text.
   */
  readonly visible?: boolean;
  /** Read the element's aria-label instead of its text (a notification's message, a tree row's label). */
  readonly ariaLabel?: boolean;
  /** Only elements whose aria-label matches (e.g. the rows of the Problems view, by their label's shape). */
  readonly labelMatches?: RegExp;
}

/** Browser-side source: the texts of the elements matching `selector`, as `options` says. */
export function textsProbe(selector: string, options: TextOptions = {}): string {
  const labelFilter = options.labelMatches ? `${regExpSource(options.labelMatches)}.test(node.getAttribute('aria-label') ?? '')` : 'true';
  return `Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
    .filter((node) => ${options.visible === true ? 'node.getClientRects().length > 0' : 'true'})
    .filter((node) => ${labelFilter})
    .map((node) => (${options.ariaLabel === true ? "node.getAttribute('aria-label') ?? ''" : "node.innerText ?? node.textContent ?? ''"}).replace(/\\u00a0/g, ' '))`;
}

/** Browser-side source of a RegExp equal to `pattern` (without the g flag, so test() has no state). */
export function regExpSource(pattern: RegExp): string {
  return `new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags.replace('g', ''))})`;
}

/**
 * Resolves with the text of the first element matching `selector` once that text matches `pattern`.
 * Polls on animation frames inside the page (playwright's waitForFunction), up to `timeoutMs`.
 */
export async function waitForText(
  page: Page,
  selector: string,
  pattern: RegExp,
  timeoutMs: number,
  options: TextOptions = {},
): Promise<string> {
  const probe = `(() => {
    const pattern = ${regExpSource(pattern)};
    return ${textsProbe(selector, options)}.find((text) => pattern.test(text)) ?? false;
  })()`;
  try {
    const handle = await page.waitForFunction(probe, undefined, { timeout: timeoutMs, polling: 'raf' });
    return plainText(String(await handle.jsonValue()));
  } catch (error) {
    const seen = await readTexts(page, selector, options).catch(() => []);
    throw new Error(`no ${selector} matched ${String(pattern)} within ${timeoutMs} ms; seen:\n${seen.join('\n---\n')}`, { cause: error });
  }
}

/** Waits until no element matching `selector` has a text that matches `pattern`. */
export async function waitForNoText(
  page: Page,
  selector: string,
  pattern: RegExp,
  timeoutMs: number,
  options: TextOptions = {},
): Promise<void> {
  const probe = `(() => {
    const pattern = ${regExpSource(pattern)};
    return !${textsProbe(selector, options)}.some((text) => pattern.test(text));
  })()`;
  try {
    await page.waitForFunction(probe, undefined, { timeout: timeoutMs, polling: 'raf' });
  } catch (error) {
    const seen = await readTexts(page, selector, options).catch(() => []);
    throw new Error(`${selector} still matches ${String(pattern)} after ${timeoutMs} ms; seen:\n${seen.join('\n---\n')}`, { cause: error });
  }
}

/** The texts of the elements matching `selector` now. */
export async function readTexts(page: Page, selector: string, options: TextOptions = {}): Promise<string[]> {
  return page.evaluate<string[]>(textsProbe(selector, options));
}
