// Starts and stops code-server (a real VS Code: workbench in the browser, extension host in Node).
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stopProcessGroup, waitForExit, waitForOutput } from './childProcess';
import { CODE_SERVER_ENTRY } from './paths';

export interface CodeServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  /** Process group id: the server, its extension host and whatever that forks. */
  readonly pgid: number;
  readonly userDataDir: string;
  /** Settles when the server process ends, for whatever reason, with its exit code. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Port to bind on 127.0.0.1; 0 (the default) lets the OS choose a free one. */
  readonly port?: number;
  /** Write the server's log lines here as well (`npm start` shows them). */
  readonly echo?: NodeJS.WritableStream;
  /** Added to the environment code-server and its extension host run with. */
  readonly env?: Record<string, string>;
}

/**
 * Process groups of running servers. Started detached (so that stop() can end the whole group), they
 * would outlive a test process killed by Ctrl-C, whose after() hooks never run: kill them on exit.
 */
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** Flags shared by every invocation: no telemetry, no update check, no config file in $HOME. */
function baseArgs(options: { userDataDir: string; extensionsDir: string }): string[] {
  return [
    '--disable-telemetry',
    '--disable-update-check',
    '--config',
    join(options.userDataDir, 'code-server.yaml'),
    '--user-data-dir',
    options.userDataDir,
    '--extensions-dir',
    options.extensionsDir,
  ];
}

/**
 * Installs a packaged extension the way a user would (`--install-extension file.vsix`). `force`
 * replaces an installed copy of the same version (a rebuilt .vsix keeps its version number).
 */
export async function installExtension(
  vsix: string,
  options: { userDataDir: string; extensionsDir: string; force?: boolean },
): Promise<void> {
  await mkdir(options.userDataDir, { recursive: true });
  const args = [CODE_SERVER_ENTRY, ...baseArgs(options), '--install-extension', vsix, ...(options.force ? ['--force'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await waitForExit(child, 120_000);
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (exit ${code}):\n${output}`);
  }
}

/** Writes User/settings.json: quiet start-up, nothing fetched, and workspace trust on or off. */
export async function writeUserSettings(userDataDir: string, options: { workspaceTrust: boolean }): Promise<void> {
  const settings: Record<string, unknown> = {
    // Tests open a fresh folder each time; the trust dialog would cover the workbench.
    'security.workspace.trust.enabled': options.workspaceTrust,
    // With trust on (the untrusted scenario), open in Restricted Mode without the modal prompt.
    'security.workspace.trust.startupPrompt': 'never',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'window.restoreWindows': 'none',
  };
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Starts code-server on 127.0.0.1 without authentication; resolves once it listens. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const args = [CODE_SERVER_ENTRY, ...baseArgs(options), '--auth', 'none', '--bind-addr', `127.0.0.1:${options.port ?? 0}`];
  // Own process group, so that stop() also ends the extension host and its children.
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ...options.env },
  });
  if (options.echo) {
    child.stdout.pipe(options.echo, { end: false });
    child.stderr.pipe(options.echo, { end: false });
  } else {
    // Keep the pipes drained so that a chatty server never blocks on a full buffer.
    child.stdout.resume();
    child.stderr.resume();
  }
  if (child.pid !== undefined) liveGroups.add(child.pid);
  const stop = async (): Promise<void> => {
    await stopProcessGroup(child);
    if (child.pid !== undefined) liveGroups.delete(child.pid);
  };
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  try {
    const match = await waitForOutput(child, /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000, 'code-server');
    const url = match[1];
    if (url === undefined || child.pid === undefined) throw new Error('code-server: no URL in its output');
    return { url, pgid: child.pid, userDataDir: options.userDataDir, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
