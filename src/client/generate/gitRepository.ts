// Finds the git repository that holds a folder, to offer ignoring private keys there.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The closest folder at or above `start` that has a `.git` (a folder, or a file for worktrees). */
export async function findRepositoryRoot(start: string): Promise<string | undefined> {
  let current = start;
  for (;;) {
    try {
      await stat(join(current, '.git'));
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return undefined;
      current = parent;
    }
  }
}
