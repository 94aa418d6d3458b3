// The certificate folder itself: made if missing, and failures worded for the person who chose it.
import { promises as fs } from 'node:fs';
import { WriteSetError } from '../errors';
import { errorCode } from './fsSteps';

export function describeFailure(error: unknown, path: string): WriteSetError {
  if (error instanceof WriteSetError) return error;
  const code = errorCode(error);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied; choose a folder you can write to'
    : code === 'ENOTDIR' ? 'a parent of it is a file, not a folder'
      : code === 'EROFS' ? 'the file system is read-only'
        : code === 'ENOSPC' ? 'the disk is full'
          : code === 'EISDIR' ? 'a folder is in the way'
            : code === 'EEXIST' || code === 'ELOOP' ? 'something else appeared under the name being written'
              : (error as Error).message;
  return new WriteSetError(`cannot write ${path}: ${reason}`, { cause: error });
}

/** Makes sure dir is a folder; returns true when it had to be created (so a failure can remove it). */
export async function prepareDirectory(dir: string): Promise<boolean> {
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
