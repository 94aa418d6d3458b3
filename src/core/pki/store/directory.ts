// The certificate folder itself: made if missing, and failures worded for the person who chose it.
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WriteSetError } from '../errors';
import { errorCode } from './fsSteps';

export const PRIVATE_FOLDER_MODE = 0o700;

export function describeFailure(error: unknown, path: string): WriteSetError {
  if (error instanceof WriteSetError) return error;
  const code = errorCode(error);
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied; choose a folder you can write to'
      : code === 'ENOTDIR'
        ? 'a parent of it is a file, not a folder'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : code === 'EISDIR'
              ? 'a folder is in the way'
              : code === 'EEXIST' || code === 'ELOOP'
                ? 'something else appeared under the name being written'
                : (error as Error).message;
  return new WriteSetError(`cannot write ${path}: ${reason}`, { cause: error });
}

/**
 * Whether dir is a folder already (false: it does not exist, and its missing parents have been made,
 * each 0700 whatever the umask: private keys go in them; existing ones keep their mode). The folder
 * itself is made by acquireLockInNewFolder, with its lock inside.
 */
export async function folderExistsOrParentReady(dir: string): Promise<boolean> {
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw new WriteSetError(`${dir} is a file, not a folder; choose a folder for the certificates`);
    return true;
  } catch (error) {
    if (error instanceof WriteSetError) throw error;
    if (errorCode(error) !== 'ENOENT') throw describeFailure(error, dir);
  }
  try {
    await createPrivateFolders(dirname(resolve(dir)));
    return false;
  } catch (error) {
    throw describeFailure(error, dir);
  }
}

/**
 * Creates the missing folders of `dir` one level at a time, each 0700 at once (mkdir applies the umask:
 * 0277 would leave a new parent unwritable before its child is made). One made meanwhile by another
 * run is used as it is.
 */
async function createPrivateFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let folder = dir; ; folder = dirname(folder)) {
    if (
      await fs.stat(folder).then(
        () => true,
        (error: unknown) => {
          if (errorCode(error) === 'ENOENT') return false;
          throw error;
        },
      )
    ) {
      break;
    }
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    try {
      await fs.mkdir(folder, { mode: PRIVATE_FOLDER_MODE });
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      throw error;
    }
    await fs.chmod(folder, PRIVATE_FOLDER_MODE);
  }
}
