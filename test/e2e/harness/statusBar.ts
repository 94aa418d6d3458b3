// Status bar items contributed by extensions (e.g. the certificate expiry warning).
import type { Page } from 'playwright-core';
import { waitForText } from './dom';

const ITEM = '.part.statusbar .statusbar-item';

/** Waits for a status bar item whose text matches `pattern`; returns the text. */
export function waitForStatusBarItem(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, ITEM, pattern, timeoutMs);
}
