// Reading the Problems panel.
import type { Page } from 'playwright-core';
import { plainText, waitForText } from './dom';
import { goToPosition, openFromExplorer } from './editor';
import { tlsModePosition } from './milvusYaml';

const PANEL = '.markers-panel';
const ROW = `${PANEL} .monaco-list-row`;

/** Opens the Problems panel (Ctrl+Shift+M, its default key binding) and waits until it is drawn. */
export async function showProblems(page: Page, timeoutMs = 15_000): Promise<void> {
  if (!(await page.locator(PANEL).isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator(PANEL).waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * The rows shown: one per file, then one per problem with its message, source and "[Ln N, Col M]".
 * An empty list when the workspace has no problems.
 */
export async function readProblems(page: Page): Promise<string[]> {
  await showProblems(page);
  return (await page.locator(ROW).allInnerTexts()).map((text) => plainText(text).replace(/\s+/g, ' ').trim());
}

/** Waits for a problem row matching `pattern` (e.g. /tlsMode.*\[Ln 12/) and returns its text. */
export async function waitForProblem(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  await showProblems(page);
  return waitForText(page, ROW, pattern, timeoutMs);
}

/** Waits until no problem row matches `pattern` (e.g. after a quick fix). */
export async function waitForNoProblem(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  await showProblems(page);
  const probe = `(() => {
    const pattern = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags.replace('g', ''))});
    return !Array.from(document.querySelectorAll(${JSON.stringify(ROW)}))
      .some((row) => pattern.test((row.innerText ?? '').replace(/\\u00a0/g, ' ')));
  })()`;
  await page.waitForFunction(probe, undefined, { timeout: timeoutMs, polling: 'raf' });
}

/**
 * Opens milvus.yaml at its tlsMode and returns the Problems rows about milvus.yaml, once the language
 * server has analysed the file as it is now: its tlsMode inlay hint (e.g. /tlsMode: 2\s*→ mutual TLS/)
 * comes from that analysis, so an empty list then means something.
 */
export async function milvusYamlProblemsOnceAnalysed(page: Page, workspace: string, inlayHint: RegExp, timeoutMs = 60_000): Promise<string[]> {
  await openFromExplorer(page, 'milvus.yaml');
  const at = await tlsModePosition(workspace);
  await goToPosition(page, at.line, at.valueColumn);
  await waitForText(page, '.part.editor .monaco-editor .view-lines', inlayHint, timeoutMs);
  return (await readProblems(page)).filter((row) => /milvus-tls|milvus\.yaml/.test(row));
}
