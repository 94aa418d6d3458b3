// Reading notification toasts (bottom right), where messages and progress appear.
import type { Locator, Page } from 'playwright-core';
import { plainText, waitForText } from './dom';

const TOAST = '.notifications-toasts .notification-toast';
const MESSAGE = `${TOAST} .notification-list-item-message`;

/** The toasts whose message matches `pattern` (a locator: wait on it, or combine it with others). */
export function notificationToast(page: Page, pattern: RegExp): Locator {
  return page.locator(TOAST).filter({ has: page.locator('.notification-list-item-message', { hasText: pattern }) });
}

/** Waits for a toast whose message matches, and returns the message. */
export function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, MESSAGE, pattern, timeoutMs);
}

/** The messages of the toasts shown now. */
export async function notificationMessages(page: Page): Promise<string[]> {
  return (await page.locator(MESSAGE).allInnerTexts()).map(plainText);
}
