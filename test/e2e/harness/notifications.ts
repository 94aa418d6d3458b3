// Reading notification toasts (bottom right), where messages and progress appear. A toast is a dialog
// labelled "<message>, source: <extension>, notification…" (aria.ts): the message is read from that label.
import type { Locator, Page } from 'playwright-core';
import { NOTIFICATION } from './aria';
import { plainText, regExpSource } from './dom';

/** The toasts whose message matches `pattern` (a locator: wait on it, or combine it with others). */
export function notificationToast(page: Page, pattern: RegExp): Locator {
  // getByRole skips hidden elements: the closed notification center's rows carry the same labels.
  return page.getByRole('dialog', { name: pattern }).and(page.locator(NOTIFICATION));
}

/** Browser-side source: the messages of the notifications shown now, cut from their labels. */
const MESSAGES = `Array.from(document.querySelectorAll(${JSON.stringify(NOTIFICATION)}))
  .filter((node) => node.getClientRects().length > 0)
  .map((node) => node.getAttribute('aria-label') ?? '')
  .map((label) => {
    const end = label.lastIndexOf(', notification');
    const head = end >= 0 ? label.slice(0, end) : label;
    const source = head.lastIndexOf(', source: ');
    return source >= 0 ? head.slice(0, source) : head;
  })`;

/** Waits for a toast whose message matches, and returns the message. */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  try {
    const handle = await page.waitForFunction(`(() => {
      const pattern = ${regExpSource(pattern)};
      return ${MESSAGES}.find((message) => pattern.test(message)) ?? false;
    })()`, undefined, { timeout: timeoutMs, polling: 'raf' });
    return plainText(String(await handle.jsonValue()));
  } catch (error) {
    const seen = await notificationMessages(page).catch(() => []);
    throw new Error(`no notification matched ${String(pattern)} within ${timeoutMs} ms; seen:\n${seen.join('\n---\n')}`, { cause: error });
  }
}

/** The messages of the toasts shown now. */
export async function notificationMessages(page: Page): Promise<string[]> {
  return (await page.evaluate<string[]>(MESSAGES)).map(plainText);
}
