/**
 * The one bounded walk of a workspace folder: every search for files (Milvus configs, compose files,
 * certificates) goes through it, so the limits hold everywhere. Symbolic links to folders are never
 * entered (no cycles), excluded and hidden folders are skipped, and depth and entry count are capped,
 * because a repository can hold anything.
 */
import type { DirectoryEntry, WorkspaceFileSystem } from './fileSystem';

export const DEFAULT_EXCLUDED_FOLDERS: readonly string[] = ['node_modules', '.git'];

export interface WalkOptions {
  /** Folder names never entered (besides hidden ones). */
  excludeFolders?: readonly string[];
  /** Extra filter on folders, by absolute path. */
  skipFolder?: (folder: string) => boolean;
  /** Folders below the root that are entered (0: the root only). */
  maxDepth?: number;
  /** Directory entries looked at in all, across folders. */
  maxEntries?: number;
}

export interface WalkResult {
  /** Absolute paths of the files that `wanted` accepted, in walk order (breadth first, sorted per folder). */
  files: string[];
  /** True when a limit stopped the walk early. */
  truncated: boolean;
}

export async function walkFiles(
  fs: WorkspaceFileSystem, root: string, wanted: (name: string, entry: DirectoryEntry) => boolean, options: WalkOptions = {},
): Promise<WalkResult> {
  const excluded = new Set(options.excludeFolders ?? DEFAULT_EXCLUDED_FOLDERS);
  const maxDepth = options.maxDepth ?? 8;
  const maxEntries = options.maxEntries ?? 20_000;
  const files: string[] = [];
  let seen = 0;
  let truncated = false;
  let level = [root];
  for (let depth = 0; level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      const entries = await fs.readDirectory(folder);
      if (!entries) continue;
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (++seen > maxEntries) {
          return { files, truncated: true };
        }
        const full = fs.path.join(folder, entry.name);
        if (entry.type === 'directory') {
          if (excluded.has(entry.name) || entry.name.startsWith('.') || options.skipFolder?.(full)) continue;
          if (depth < maxDepth) next.push(full);
          else truncated = true;
        } else if ((entry.type === 'file' || entry.type === 'symlink') && wanted(entry.name, entry)) {
          files.push(full);
        }
      }
    }
    level = next;
  }
  return { files, truncated };
}
