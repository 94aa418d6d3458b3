// Writes a certificate set all or nothing, through the folder's store (store/transaction.ts): one
// writer at a time under the folder's lock, files staged and synced beside their targets, a commit
// record, then renames; a run killed at any moment is rolled back or forward by the next one.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from './store/fsSteps';
import { applySetChange, type ChangeOptions, type SetChange } from './store/transaction';
import type { SetFile } from './types';

export { FilesExistError, SetChangedError, SetLockedError, WriteSetError } from './errors';

const PRIVATE_KEY_MODE = 0o600;
const PUBLIC_FILE_MODE = 0o644;

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

export interface WriteSetOptions extends ChangeOptions {
  overwrite: boolean;
  /**
   * Files the set was made from (ca.pem and ca.key when reissuing), as read with readSetFiles: the
   * write is refused with SetChangedError when another run replaced one of them meanwhile.
   */
  unchanged?: ReadonlyMap<string, Buffer | undefined>;
}

/**
 * Writes the files into dir (created if missing) and returns their absolute paths. Private keys get
 * mode 0600, other files 0644. Throws, touching nothing: FilesExistError when a target exists and
 * overwrite is false (checked under the folder's lock, so of two concurrent runs exactly one writes),
 * SetChangedError, SetLockedError, or WriteSetError when the folder cannot be written.
 * `files` may still be being made (signed): the folder is locked meanwhile (applySetChange).
 */
export async function writeCertificateSet(dir: string, files: SetFile[] | Promise<SetFile[]>, opts: WriteSetOptions): Promise<string[]> {
  const changeOf = (made: SetFile[]): SetChange => ({
    writes: made.map((file) => ({
      name: file.name,
      contents: file.contents,
      mode: file.isPrivateKey ? PRIVATE_KEY_MODE : PUBLIC_FILE_MODE,
    })),
    refuseExisting: opts.overwrite ? [] : made.map((file) => file.name),
    unchanged: opts.unchanged,
  });
  const applied = await applySetChange(dir, files instanceof Promise ? files.then(changeOf) : changeOf(files), opts);
  return applied.written;
}
