// Modal dialogs (a modal showWarningMessage, VS Code's own questions): role dialog with aria-modal.
import type { Locator, Page } from 'playwright-core';
import { MODAL_DIALOG } from './aria';
import { waitForText } from './dom';

/** The modal dialog shown now. */
export function modalDialog(page: Page): Locator {
  return page.locator(`${MODAL_DIALOG} >> visible=true`);
}

/** Waits for a modal dialog whose text (message, detail, buttons) matches `pattern`; returns that text. */
export function waitForModalDialog(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, MODAL_DIALOG, pattern, timeoutMs, { visible: true });
}

/** Presses the modal dialog's button labelled exactly `button` and waits until the dialog is gone. */
export async function answerModalDialog(page: Page, button: string, timeoutMs = 30_000): Promise<void> {
  const dialog = modalDialog(page);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await page.locator(MODAL_DIALOG).waitFor({ state: 'hidden', timeout: timeoutMs });
}
