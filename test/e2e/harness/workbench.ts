// Opening VS Code on a folder and knowing when it is ready to be used.
import type { Page } from 'playwright-core';
import { FILES_EXPLORER, STATUS_BAR, TREE_ITEM, WORKBENCH } from './aria';

/** The ?folder= value for an absolute path, slashes kept so that the URL stays readable. */
export function folderParam(folder: string): string {
  return folder.split('/').map(encodeURIComponent).join('/');
}

/** Opens the workbench on `folder` and waits until the explorer shows that folder. */
export async function openWorkbench(page: Page, baseUrl: string, folder: string, timeoutMs = 90_000): Promise<void> {
  await page.goto(`${baseUrl}/?folder=${folderParam(folder)}`);
  await page.locator(WORKBENCH).waitFor({ state: 'visible', timeout: timeoutMs });
  // The status bar (the footer of role status) is drawn once the workbench has restored its parts; the
  // explorer's first row shows that the remote file system (the server side) answered.
  await page.locator(STATUS_BAR).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(`${FILES_EXPLORER} ${TREE_ITEM}`).first().waitFor({ state: 'visible', timeout: timeoutMs });
}
