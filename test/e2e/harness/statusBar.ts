// Status bar items contributed by extensions (e.g. the certificate expiry warning): buttons in the
// footer of role status, labelled by their text (aria.ts).
import type { Page } from 'playwright-core';
import { STATUS_BAR_ITEM } from './aria';
import { waitForText } from './dom';

/** Waits for a status bar item whose text matches `pattern`; returns the text. */
export function waitForStatusBarItem(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, STATUS_BAR_ITEM, pattern, timeoutMs);
}
