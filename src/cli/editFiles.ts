// What `milvus-tls enable` and `disable` share: reading the files, printing the planned changes as
// a diff, and writing atomically (a temp file in the same folder renamed over the original, so
// Docker never mounts a half-written milvus.yaml).
import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { COMPOSE_FILE_NAMES } from '../core/compose/composeFileLookup';
import { applyTextEdits, formatLineDiff, mountedConfigFiles, type TextEdit } from '../core/edit';

export interface FileChange {
  path: string;
  /** The text before; undefined for a file that is created. */
  before: string | undefined;
  edits: TextEdit[] | { create: string };
}

/** The file's text, or undefined when it does not exist. Other errors propagate. */
export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function hasChanges(change: FileChange): boolean {
  return !Array.isArray(change.edits) || change.edits.length > 0;
}

export function resultText(change: FileChange): string {
  return Array.isArray(change.edits) ? applyTextEdits(change.before ?? '', change.edits) : change.edits.create;
}

/** The unified-diff-like text of one file's changes, named relative to the working directory. */
export function diffOf(change: FileChange): string {
  return formatLineDiff(displayPath(change.path), change.before, change.edits);
}

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

/** Writes every changed file: each one atomically, keeping an existing file's mode. */
export async function writeChanges(changes: readonly FileChange[]): Promise<void> {
  for (const change of changes.filter(hasChanges)) {
    // A symlinked milvus.yaml stays a symlink: the file it points to is replaced.
    const target = await fs.realpath(change.path).catch(() => change.path);
    const mode = await fs.stat(target).then((stats) => stats.mode & 0o7777, () => 0o644);
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

/** The compose file in `dir`, in Docker Compose's order of preference. */
export async function composeFileIn(dir: string): Promise<string | undefined> {
  for (const name of COMPOSE_FILE_NAMES) {
    const candidate = join(dir, name);
    if ((await readOptional(candidate)) !== undefined) return candidate;
  }
  return undefined;
}

/**
 * Without --config: the file the compose file (given, or in the working directory) mounts as the
 * Milvus config, so a project that keeps it in `configs/` is edited there; else ./milvus.yaml.
 */
export async function defaultConfigPath(composeOption: string | undefined): Promise<string> {
  const composePath = composeOption !== undefined ? resolve(composeOption) : await composeFileIn(process.cwd());
  const text = composePath === undefined ? undefined : await readOptional(composePath);
  const [mounted] = text === undefined || composePath === undefined ? [] : safeMountedConfigFiles(text);
  return mounted !== undefined && composePath !== undefined ? resolve(dirname(composePath), mounted) : resolve('milvus.yaml');
}

function safeMountedConfigFiles(text: string): string[] {
  try {
    return mountedConfigFiles(text);
  } catch {
    // An unreadable compose file is reported by the planner; here it only means "no hint".
    return [];
  }
}
