/**
 * The one bounded walk of a workspace folder: every search for files (Milvus configs, compose files,
 * certificates) goes through it, so the limits hold everywhere. Symbolic links to folders are never
 * entered (no cycles), excluded and hidden folders are skipped, and depth and entry count are capped,
 * because a repository can hold anything.
 */
import type { DirectoryEntry, WorkspaceFileSystem } from './fileSystem';
import { mapLimit } from './pool';

export const DEFAULT_EXCLUDED_FOLDERS: readonly string[] = ['node_modules', '.git'];

export interface WalkOptions {
  /** Folder names never entered. */
  excludeFolders?: readonly string[];
  /** Enter folders whose name starts with a dot (default false: .git, .venv, .cache…). */
  includeHidden?: boolean;
  /** Extra filter on folders, by absolute path. */
  skipFolder?: (folder: string) => boolean;
  /** Folders below the root that are entered (0: the root only). */
  maxDepth?: number;
  /** Directory entries looked at in all, across folders. */
  maxEntries?: number;
  /** Folders listed at once. */
  concurrency?: number;
}

export interface WalkResult {
  /** Absolute paths of the files that `wanted` accepted, in walk order (breadth first, sorted per folder). */
  files: string[];
  /** True when a limit stopped the walk early. */
  truncated: boolean;
}

export type WantedFile = (name: string, entry: DirectoryEntry) => boolean;

/**
 * The matching files, one batch per round of folders (breadth first), so a view can show the first
 * ones while a large tree is still being listed. The last batch says whether a limit cut the walk.
 * Symbolic links are offered to `wanted` like files (a link to a file is read; reading a link to a
 * folder fails as a folder) and never entered.
 */
export async function* walkFileBatches(
  fs: WorkspaceFileSystem,
  root: string,
  wanted: WantedFile,
  options: WalkOptions = {},
): AsyncGenerator<WalkResult> {
  const excluded = new Set(options.excludeFolders ?? DEFAULT_EXCLUDED_FOLDERS);
  const maxDepth = options.maxDepth ?? 8;
  const maxEntries = options.maxEntries ?? 20_000;
  const concurrency = options.concurrency ?? 8;
  let seen = 0;
  const pending: { folder: string; depth: number }[] = [{ folder: root, depth: 0 }];
  while (pending.length > 0) {
    // A round is `concurrency` folders, listed at once: a batch per round keeps the first results early.
    const round = pending.splice(0, concurrency);
    const listings = await mapLimit(round, concurrency, ({ folder }) => fs.readDirectory(folder));
    const files: string[] = [];
    let truncated = false;
    round.forEach(({ folder, depth }, index) => {
      for (const entry of (listings[index] ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
        if (truncated || ++seen > maxEntries) {
          truncated = true;
          return;
        }
        const full = fs.path.join(folder, entry.name);
        if (entry.type === 'directory') {
          if (excluded.has(entry.name) || (!options.includeHidden && entry.name.startsWith('.')) || options.skipFolder?.(full)) continue;
          if (depth < maxDepth) pending.push({ folder: full, depth: depth + 1 });
          else truncated = true;
        } else if ((entry.type === 'file' || entry.type === 'symlink') && wanted(entry.name, entry)) {
          files.push(full);
        }
      }
    });
    yield { files, truncated };
    if (truncated) return;
  }
}

export async function walkFiles(fs: WorkspaceFileSystem, root: string, wanted: WantedFile, options: WalkOptions = {}): Promise<WalkResult> {
  const files: string[] = [];
  let truncated = false;
  for await (const batch of walkFileBatches(fs, root, wanted, options)) {
    files.push(...batch.files);
    truncated ||= batch.truncated;
  }
  return { files, truncated };
}
