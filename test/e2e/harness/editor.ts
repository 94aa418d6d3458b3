// Opening a workspace file in an editor and moving the cursor, as a user does (explorer, Go to Line).
import type { Locator, Page } from 'playwright-core';
import { EDITOR_AREA, FILES_EXPLORER, QUICK_INPUT_BOX, STATUS_BAR_ITEM, escapeRegExp } from './aria';
import { waitForText } from './dom';

/**
 * The lines of the editors as drawn, inlay hints and decorations included. A private class: the
 * editor's only accessible text is its textarea, which holds a window of the text around the cursor
 * (for screen readers) and none of the inlay hints; what the user sees exists only as drawn lines.
 */
export const EDITOR_LINES = `${EDITOR_AREA} [role="code"] .view-lines`;

/** A file's row in the explorer, by its exact name. */
export function explorerItem(page: Page, name: string): Locator {
  return page.locator(FILES_EXPLORER).getByRole('treeitem', { name, exact: true });
}

/** The editor of a file by its name (its text area is labelled "<name>" or "<name>, preview"). */
export function editorOf(page: Page, name: string): Locator {
  return page
    .locator(EDITOR_AREA)
    .getByRole('code')
    .filter({ has: page.getByRole('textbox', { name: new RegExp(`^${escapeRegExp(name)}(, |$)`) }) });
}

/** Opens a file shown at the explorer's top level (e.g. "milvus.yaml") by clicking it. */
export async function openFromExplorer(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  const row = explorerItem(page, name).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
  // The editor tab of the file is the selected one (tabs are labelled "<name>" or "<name>, preview").
  await page
    .getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}(, |$)`), selected: true })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await editorOf(page, name).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Waits until the drawn text of an editor matches `pattern` (e.g. an inlay hint); returns that text. */
export function waitForEditorText(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, EDITOR_LINES, pattern, timeoutMs, { visible: true });
}

/** Waits for a CodeLens (a button drawn in an editor) whose text matches `pattern`; returns its text. */
export function waitForCodeLens(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitForText(page, `${EDITOR_AREA} [role="code"] [role="button"]`, pattern, timeoutMs, { visible: true });
}

/**
 * Puts the cursor of the active editor on `line`:`column` (1-based) with Go to Line (F1, ":line:col"),
 * and waits until the status bar's cursor position says so.
 */
export async function goToPosition(page: Page, line: number, column: number, timeoutMs = 15_000): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await waitForText(page, STATUS_BAR_ITEM, new RegExp(`Ln ${line}, Col ${column}\\b`), timeoutMs);
}
