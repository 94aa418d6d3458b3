// Workspace trust: a scenario opened in Restricted Mode (session option trusted: false) can trust its
// folder later, as a user does, through the trust editor.
import type { Locator, Page } from 'playwright-core';
import { STATUS_BAR_ITEM } from './aria';
import { runCommand } from './palette';

/** The status bar's "Restricted Mode" item, labelled "Restricted Mode: Some features are disabled…". */
export function restrictedModeIndicator(page: Page): Locator {
  return page.locator(STATUS_BAR_ITEM).and(page.getByRole('button', { name: /^Restricted Mode:/ }));
}

/**
 * Trusts the open folder: "Workspaces: Manage Workspace Trust", then the trust editor's "Trust" button,
 * and waits until the Restricted Mode indicator is gone.
 */
export async function trustWorkspace(page: Page, timeoutMs = 30_000): Promise<void> {
  await runCommand(page, 'Workspaces: Manage Workspace Trust');
  await page.getByRole('button', { name: 'Trust', exact: true }).click({ timeout: timeoutMs });
  await restrictedModeIndicator(page).waitFor({ state: 'hidden', timeout: timeoutMs });
}
