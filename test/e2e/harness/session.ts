// One scenario's world: the packaged extension installed in a fresh code-server, a copy of a workspace,
// and Chromium showing VS Code on it. Everything it starts, close() stops, also after a failed start.
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { Cleanup } from './cleanup';
import type { CodeServer } from './codeServer';
import { installExtension, startCodeServer, writeUserSettings } from './codeServer';
import { EXAMPLE_WORKSPACE, RESULTS_DIR, VSIX } from './paths';
import { installNotificationRecorder } from './notifications';
import { saveScreenshot } from './screenshot';
import { openWorkbench } from './workbench';
import { copyWorkspace } from './workspace';

export interface SessionOptions {
  /** Names the temp folder and the screenshot (test-results/<scenario>.png). */
  readonly scenario: string;
  /** Folder copied as the workspace; examples/milvus-standalone by default. */
  readonly workspace?: string;
  /** false opens the workspace in Restricted Mode (workspace trust on, folder not trusted). */
  readonly trusted?: boolean;
  /**
   * Changes the workspace copy before VS Code opens it (certificates, a broken milvus.yaml, settings),
   * so that the first thing the extension reads is the scenario's state. Runs before code-server starts.
   */
  readonly prepare?: (workspace: string) => Promise<void>;
  /** The package to install; the one `npm run package` builds by default (the activation bench passes others). */
  readonly vsix?: string;
  /** Extra environment of code-server and its extension host. */
  readonly env?: Record<string, string>;
}

export interface Session {
  readonly page: Page;
  /** The workspace copy on disk, for checking what the extension wrote. */
  readonly workspace: string;
  readonly server: CodeServer;
  /** Saves test-results/<scenario>.png (or <scenario>-<suffix>.png). */
  screenshot(suffix?: string): Promise<string>;
  /** Runs a test body; if it throws, saves test-results/<scenario>-failure.png first, to see why. */
  guard<T>(body: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Ctrl-C or a CI timeout: exit normally instead of dying by the signal, so that the 'exit' handlers end
// code-server (codeServer.ts) even though node:test's after() hooks do not run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
}

/**
 * A failed scenario keeps the extension's Output channel and the extension host's log (code-server
 * writes them under the user data folder, which close() deletes) as
 * test-results/<scenario>-failure-<name>.log: what the extension did is what a screenshot cannot show.
 */
async function keepLogs(userDataDir: string, scenario: string): Promise<void> {
  const logs = await readdir(join(userDataDir, 'logs'), { recursive: true });
  for (const [name, suffix] of [
    ['output', 'Milvus TLS.log'],
    ['exthost', 'remoteexthost.log'],
  ] as const) {
    const found = logs
      .filter((path) => path.endsWith(suffix))
      .sort()
      .pop();
    if (found === undefined) continue;
    const kept = join(RESULTS_DIR, `${scenario}-failure-${name}.log`);
    await copyFile(join(userDataDir, 'logs', found), kept);
    console.log(`log of the failed scenario: ${kept}`);
  }
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const cleanup = new Cleanup();
  // A failure picture (or log) from an earlier run would be mistaken for this run's.
  await rm(join(RESULTS_DIR, `${options.scenario}-failure.png`), { force: true });
  for (const name of ['output', 'exthost']) await rm(join(RESULTS_DIR, `${options.scenario}-failure-${name}.log`), { force: true });
  try {
    const root = await mkdtemp(join(tmpdir(), `milvus-tls-e2e-${options.scenario}-`));
    cleanup.add(() => rm(root, { recursive: true, force: true }));
    const userDataDir = join(root, 'user-data');
    const extensionsDir = join(root, 'extensions');
    await installExtension(options.vsix ?? VSIX, { userDataDir, extensionsDir });
    await writeUserSettings(userDataDir, { workspaceTrust: options.trusted === false });
    const workspace = await copyWorkspace(options.workspace ?? EXAMPLE_WORKSPACE, join(root, 'workspace'));
    await options.prepare?.(workspace);

    const server = await startCodeServer({ userDataDir, extensionsDir, env: options.env });
    cleanup.add(() => server.stop());
    const browser = await launchBrowser();
    cleanup.add(() => browser.close());
    const { page } = browser;
    await installNotificationRecorder(page);
    await openWorkbench(page, server.url, workspace);

    const screenshot = (suffix?: string): Promise<string> =>
      saveScreenshot(page, suffix ? `${options.scenario}-${suffix}` : options.scenario);
    return {
      page,
      workspace,
      server,
      screenshot,
      guard: async (body) => {
        try {
          return await body();
        } catch (error) {
          await screenshot('failure').catch(() => undefined);
          await keepLogs(userDataDir, options.scenario).catch(() => undefined);
          throw error;
        }
      },
      close: () => cleanup.run(),
    };
  } catch (error) {
    await cleanup.run().catch(() => undefined);
    throw error;
  }
}
