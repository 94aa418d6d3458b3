// What `milvus-tls enable` and `disable` share: printing the planned changes as a diff, and writing
// atomically (a temp file in the same folder renamed over the original, so Docker never mounts a
// half-written milvus.yaml). Which files and what edits is decided in core (src/core/usecases).
import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { formatLineDiff } from '../core/edit';
import type { FileChange } from '../core/usecases';
import { hasChanges, resultText } from '../core/usecases';

/** The unified-diff-like text of one file's changes, named relative to the working directory. */
export function diffOf(change: FileChange): string {
  return formatLineDiff(displayPath(change.path), change.before, change.edits);
}

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

/**
 * Writes every changed file: each one atomically, keeping an existing file's mode. The temp file is
 * created exclusively (never through a planted link) and renamed over the target, which replaces a
 * link rather than writing where it points; the use cases have already refused links.
 */
export async function writeChanges(changes: readonly FileChange[]): Promise<void> {
  for (const change of changes.filter(hasChanges)) {
    const target = change.path;
    const mode = await fs.stat(target).then(
      (stats) => stats.mode & 0o7777,
      () => 0o644,
    );
    const temp = join(dirname(target), `.${basename(target)}.milvus-tls-${process.pid}.tmp`);
    try {
      await fs.writeFile(temp, resultText(change), { mode, flag: 'wx' });
      await fs.chmod(temp, mode);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }
}
