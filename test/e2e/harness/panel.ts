// The bottom panel (Problems, Output…), maximized when a test must read more than its few default lines:
// Monaco draws only the visible lines of the Output channel.
import type { Page } from 'playwright-core';
import { runCommand } from './palette';

const TALL = `(() => {
  const panel = document.querySelector('.part.panel');
  return !!panel && panel.getBoundingClientRect().height > window.innerHeight * 0.6;
})()`;

/** Maximizes the panel ("View: Toggle Maximized Panel") unless it already is, and waits until it is. */
export async function maximizePanel(page: Page, timeoutMs = 15_000): Promise<void> {
  if (await page.evaluate<boolean>(TALL)) return;
  await runCommand(page, 'View: Toggle Maximized Panel');
  await page.waitForFunction(TALL, undefined, { timeout: timeoutMs, polling: 'raf' });
}
