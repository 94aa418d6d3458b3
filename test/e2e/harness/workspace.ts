// Test workspaces: a copy of a folder from the repo, so that tests never change the repo's examples.
import { cp, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Copies `source` into `parent` (keeping its name, which the explorer shows) and returns the copy. */
export async function copyWorkspace(source: string, parent: string): Promise<string> {
  const target = join(parent, basename(source));
  await cp(source, target, { recursive: true });
  return target;
}

/** Names of the files in `dir`, sorted; an empty list if it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/**
 * Waits until `read()` (e.g. a value read from a file) returns something that satisfies `done`, checking
 * every `intervalMs` (100) up to `timeoutMs`: for changes VS Code writes to disk (saves), which the page
 * does not show. A measurement passes a short interval: it is the resolution of the time measured.
 */
export async function waitForDisk<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() >= deadline) throw new Error(`disk not as expected after ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await delay(intervalMs);
  }
}
