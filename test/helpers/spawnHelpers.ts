// Child processes for tests: run to completion, or start a long-lived peer and wait for a line it
// prints (no sleeps), and always kill what was started.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (bounded by timeoutMs) and collects its output. */
export async function runProcess(
  command: string,
  args: string[],
  options: SpawnOptions & { input?: string; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  // stdin is /dev/null unless there is input: writing to a process that already exited raises EPIPE.
  const child = spawn(command, args, { ...options, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(options.input);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  try {
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    return { code, signal, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** tsx by file URL, so the CLI can run from the sources with any working directory (a project folder). */
const TSX_LOADER = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Runs `milvus-tls` from the TypeScript sources (no build needed); the working directory defaults to the repo. */
export function runCli(args: string[], options: SpawnOptions = {}): Promise<ProcessResult> {
  return runProcess(process.execPath, ['--import', TSX_LOADER, join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: REPO_ROOT,
    ...options,
  });
}

/** Runs `milvus-tls` from the TypeScript sources in `cwd` (tsx loaded by file URL, so any folder works). */
export function runCliIn(cwd: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<ProcessResult> {
  const tsx = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return runProcess(process.execPath, ['--import', tsx, join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], {
    timeoutMs: 60_000,
    ...options,
    cwd,
  });
}

/** A long-running peer whose output is searched as it arrives. */
export interface Peer {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of pattern in stdout+stderr; rejects if the process exits first or on timeout. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
  /** Resolves when the process has exited; kills it first if still running. */
  stop: () => Promise<void>;
}

export function startPeer(command: string, args: string[], options: SpawnOptions = {}): Peer {
  // stdin stays open: openssl s_server shuts down when its stdin ends.
  const child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.on('error', () => undefined);
  let output = '';
  let exited = false;
  const listeners = new Set<() => void>();
  const onData = (chunk: string): void => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding('utf8').on('data', onData);
  child.stderr?.setEncoding('utf8').on('data', onData);
  const closed = once(child, 'close').then(() => {
    exited = true;
    for (const listener of listeners) listener();
  });
  child.on('error', () => undefined);
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(output);
          if (match) done(() => resolve(match));
          else if (exited) done(() => reject(new Error(`${command} exited before printing ${String(pattern)}; output:\n${output}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`timed out waiting for ${String(pattern)}; output:\n${output}`))),
          timeoutMs,
        );
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
    stop: async () => {
      if (!exited) child.kill('SIGKILL');
      await closed;
    },
  };
}
