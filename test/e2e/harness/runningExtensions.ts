// VS Code's own activation figure for an extension, as "Developer: Show Running Extensions" shows it:
// the time the extension host spent loading the extension's main module plus running activate()
// (codeLoadingTime + activateCallTime). Measured inside the extension host, so unlike the log
// timestamps of activation.ts it does not include waiting for the host to get to the extension.
import type { Page } from 'playwright-core';
import { runCommand } from './palette';

export interface RunningExtension {
  /** codeLoadingTime + activateCallTime, in ms. */
  readonly activationMs: number;
  /** The row's text, e.g. "Milvus TLS 0.1.0 Activation: 31ms Activated by onCommand:…". */
  readonly row: string;
}

/** Opens the Running Extensions editor and reads the row of the extension named `displayName`. */
export async function readRunningExtension(page: Page, displayName: string, timeoutMs = 30_000): Promise<RunningExtension> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page
    .locator('.runtime-extensions-editor .monaco-list-row')
    .filter({ has: page.locator('.name', { hasText: displayName }) })
    .filter({ hasText: /Activation: \d+ms/ })
    .first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  const ms = /Activation: (\d+)ms/.exec(text)?.[1];
  if (ms === undefined) throw new Error(`no activation time in the Running Extensions row: ${text}`);
  return { activationMs: Number(ms), row: text };
}
