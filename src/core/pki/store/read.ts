// Reading a certificate folder in order to change it: under the folder's lock and after recovery, so
// what is read is never a mix of two writes. Pass what was read as `unchanged` to the write that
// depends on it, and the write is refused if another run replaced any of it meanwhile.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from './fsSteps';
import { acquireLock } from './lock';
import { recoverLocked } from './recover';

export interface ReadOptions {
  signal?: AbortSignal;
  lockTimeoutMs?: number;
}

/** Largest file read: certificate files are a few KB; anything bigger is not one of ours. */
const MAX_FILE_BYTES = 1_000_000;

async function isFolder(directory: string): Promise<boolean> {
  return fs.stat(directory).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function underLock<T>(directory: string, options: ReadOptions, read: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(directory, { signal: options.signal, timeoutMs: options.lockTimeoutMs });
  try {
    await recoverLocked(directory);
    return await read();
  } finally {
    await lock.release();
  }
}

async function readRegularFile(path: string): Promise<Buffer | undefined> {
  try {
    const info = await fs.lstat(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    return await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** The bytes of the named files (undefined for a missing one); all undefined when the folder does not exist. */
export async function readSetFiles(
  directory: string,
  names: readonly string[],
  options: ReadOptions = {},
): Promise<Map<string, Buffer | undefined>> {
  const contents = new Map<string, Buffer | undefined>(names.map((name) => [name, undefined]));
  if (!(await isFolder(directory))) return contents;
  return underLock(directory, options, async () => {
    for (const name of names) {
      contents.set(
        name,
        await fs.readFile(join(directory, name)).catch((error: unknown) => {
          if (errorCode(error) === 'ENOENT') return undefined;
          throw error;
        }),
      );
    }
    return contents;
  });
}

/**
 * Every regular file of the folder (not its subfolders, not hidden ones, not symlinks, none over 1 MB)
 * whose name `wanted` accepts, by name.
 */
export async function readFolderFiles(
  directory: string,
  wanted: (name: string) => boolean,
  options: ReadOptions = {},
): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  if (!(await isFolder(directory))) return contents;
  return underLock(directory, options, async () => {
    for (const name of (await fs.readdir(directory)).sort()) {
      if (name.startsWith('.') || !wanted(name)) continue;
      const bytes = await readRegularFile(join(directory, name));
      if (bytes) contents.set(name, bytes);
    }
    return contents;
  });
}
