// Writes a certificate set all or nothing. Every file is staged as a temp file in the target folder
// (same file system, so rename is atomic), flushed, then renamed into place. If any step fails, the
// renamed files are put back from their backups, new ones removed, and the folder ends as it was.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { FilesExistError, WriteSetError } from './errors';
import type { SetFile } from './types';

export { FilesExistError, WriteSetError } from './errors';

const PRIVATE_KEY_MODE = 0o600;
const PUBLIC_FILE_MODE = 0o644;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** The given names that already exist in dir (any kind of entry, symlinks included). */
export async function existingSetFiles(dir: string, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    try {
      await fs.lstat(join(dir, name));
      found.push(name);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw error;
    }
  }
  return found;
}

/** Makes sure dir is a folder; returns true when it had to be created (so a failure can remove it). */
async function prepareDirectory(dir: string): Promise<boolean> {
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw new WriteSetError(`${dir} is a file, not a folder; choose a folder for the certificates`);
    return false;
  } catch (error) {
    if (error instanceof WriteSetError) throw error;
    if (errorCode(error) !== 'ENOENT') throw describeFailure(error, dir);
  }
  try {
    await fs.mkdir(dir, { recursive: true });
    return true;
  } catch (error) {
    throw describeFailure(error, dir);
  }
}

function describeFailure(error: unknown, path: string): WriteSetError {
  const code = errorCode(error);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied; choose a folder you can write to'
    : code === 'ENOTDIR' ? 'a parent of it is a file, not a folder'
      : code === 'EROFS' ? 'the file system is read-only'
        : code === 'ENOSPC' ? 'the disk is full'
          : code === 'EISDIR' ? 'a folder is in the way'
            : (error as Error).message;
  return new WriteSetError(`cannot write ${path}: ${reason}`, { cause: error });
}

async function stage(path: string, file: SetFile): Promise<void> {
  const mode = file.isPrivateKey ? PRIVATE_KEY_MODE : PUBLIC_FILE_MODE;
  const handle = await fs.open(path, 'wx', mode);
  try {
    // The mode given to open() is filtered by the umask; chmod sets exactly what we mean.
    await handle.chmod(mode);
    await handle.writeFile(file.contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeQuietly(path: string): Promise<void> {
  await fs.rm(path, { force: true }).catch(() => undefined);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the renames durable; some platforms (Windows) cannot open a folder, which is harmless.
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

interface Placement {
  target: string;
  temp: string;
  /** A hard link to the file being replaced, so it can be put back; undefined when there was none. */
  backup?: string;
  placed: boolean;
}

/** Keeps the current target reachable under another name before it is replaced. */
async function backUp(placement: Placement): Promise<void> {
  const backup = `${placement.temp}.old`;
  try {
    await fs.link(placement.target, backup);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    // No hard links here (some network or FAT file systems): a copy keeps content and mode.
    await fs.copyFile(placement.target, backup);
  }
  placement.backup = backup;
}

async function rollBack(placements: Placement[], createdDirectory: boolean, dir: string): Promise<void> {
  for (const placement of placements) {
    if (placement.placed) {
      if (placement.backup) await fs.rename(placement.backup, placement.target).catch(() => undefined);
      else await removeQuietly(placement.target);
    }
    await removeQuietly(placement.temp);
    if (placement.backup) await removeQuietly(placement.backup);
  }
  if (createdDirectory) await fs.rmdir(dir).catch(() => undefined);
}

/**
 * Writes the files into dir (created if missing) and returns their absolute paths. Private keys get
 * mode 0600, other files 0644. Throws FilesExistError, touching nothing, when a target exists and
 * overwrite is false; WriteSetError when the folder cannot be written, leaving it exactly as before.
 */
export async function writeCertificateSet(
  dir: string, files: SetFile[], opts: { overwrite: boolean },
): Promise<string[]> {
  const directory = resolve(dir);
  const existing = await existingSetFiles(directory, files.map((file) => file.name));
  if (existing.length > 0 && !opts.overwrite) throw new FilesExistError(directory, existing);
  const createdDirectory = await prepareDirectory(directory);
  const batch = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const placements: Placement[] = files.map((file) => ({
    target: join(directory, file.name),
    temp: join(directory, `.${file.name}.${batch}.tmp`),
    placed: false,
  }));
  let current = directory;
  try {
    for (const [index, file] of files.entries()) {
      const placement = placements[index] as Placement;
      current = placement.target;
      await stage(placement.temp, file);
    }
    for (const placement of placements) {
      current = placement.target;
      await backUp(placement);
      await fs.rename(placement.temp, placement.target);
      placement.placed = true;
    }
  } catch (error) {
    await rollBack(placements, createdDirectory, directory);
    throw error instanceof WriteSetError ? error : describeFailure(error, current);
  }
  await syncDirectory(directory);
  await Promise.all(placements.flatMap((placement) => placement.backup ? [removeQuietly(placement.backup)] : []));
  return placements.map((placement) => placement.target);
}
