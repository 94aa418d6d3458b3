// Small file-system steps the store is made of, each durable (fsync) and none following a symlink
// it did not mean to: files are created with O_CREAT|O_EXCL, which refuses any existing entry.
import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Creates path (never an existing entry, never through a symlink), empty, open for fillDurably. */
export function createExclusiveFile(path: string, mode: number): Promise<FileHandle> {
  return fs.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode);
}

/** Gives a file made by createExclusiveFile exactly `mode` and the contents, synced to disk, and closes it. */
export async function fillDurably(handle: FileHandle, contents: string | Uint8Array, mode: number): Promise<void> {
  try {
    // The mode given to open() is filtered by the umask; chmod sets exactly what we mean.
    await handle.chmod(mode);
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates path (never an existing entry, never through a symlink) with exactly `mode`, synced to disk. */
export async function createFileDurably(path: string, contents: string | Uint8Array, mode: number): Promise<void> {
  await fillDurably(await createExclusiveFile(path, mode), contents, mode);
}

/**
 * A second name for the entry at `from` (a hard link: same bytes, same mode, nothing copied), or a
 * synced copy where the file system has no hard links (some network and FAT file systems).
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK'].includes(errorCode(error) ?? '')) throw error;
    const info = await fs.stat(from);
    await createFileDurably(to, await fs.readFile(from), info.mode & 0o7777);
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false;
    throw error;
  }
}

/** Makes renames and creations in dir durable; a platform that cannot open a folder (Windows) is fine. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** rename() that is a no-op when the source is already gone (a step repeated by recovery). */
export async function renameIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await fs.rename(from, to);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Deletes a file; one that is already gone is fine. (fs.rm stats it twice first: a file needs no more than unlink.) */
export async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}
