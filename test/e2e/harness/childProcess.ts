// Waiting on a child process by what it says and how it ends, with deadlines, never by sleeping.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Resolves with the first match of `pattern` in the process's stdout+stderr; rejects on exit or timeout. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) finish(() => resolvePromise(match));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish(() => reject(new Error(`${what}: process exited (${code ?? signal}) before ready.\n${seen}`)));
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`${what}: not ready after ${timeoutMs} ms.\n${seen}`)));
    }, timeoutMs);
    function finish(settle: () => void): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      settle();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Resolves with the exit code; rejects after `timeoutMs`. */
export async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  let timer: NodeJS.Timeout | undefined;
  try {
    const [code] = await Promise.race([
      once(child, 'exit') as Promise<[number | null]>,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for exit`)), timeoutMs);
      }),
    ]);
    return code;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops a child started with `detached: true` and everything it spawned (its process group: code-server
 * forks the extension host, which forks language servers). SIGTERM first, SIGKILL if it lingers.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  try {
    await waitForExit(child, graceMs);
  } catch {
    // Lingering: fall through to SIGKILL.
  }
  // Children of the group may outlive the leader; make sure none is left.
  signalGroup('SIGKILL');
}
