// Changes a certificate folder all or nothing, also when several processes write it at once and when
// one is killed at any moment. Under the folder's lock: recover what a dead run left, check the
// preconditions (files that must not exist, files that must not have changed), stage every new file
// beside its target and sync it, write the commit record, then rename. See journal.ts for recovery.
import { promises as fs, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { FilesExistError, SetChangedError, throwIfAborted, throwIfAbortedBeforeCommit, WriteSetError } from '../errors';
import { freeBackupName } from './backup';
import { errorCode, syncDirectory } from './fsSteps';
import { publishCommitRecord, rollForward, writeCommitRecord, type CommitRecord } from './journal';
import { acquireLock, acquireLockInNewFolder, type HeldLock } from './lock';
import { currentProcess } from './ownerProcess';
import { BACKUP_FOLDER, isPlainFileName, newTransactionId, stagedName } from './names';
import { pausePoint } from './pausePoint';
import { recoverLocked, removeOrphanedNewFolders } from './recover';
import { removeStaged, stageBackup, stageWrites } from './staging';
import { describeFailure, folderExistsOrParentReady } from './directory';

/** A file to create or replace: given bytes and mode, or the same bytes and mode as an existing file. */
export type FileWrite = { name: string; contents: string | Uint8Array; mode: number } | { name: string; sameAs: string };

export interface SetChange {
  writes: readonly FileWrite[];
  /** Files to delete (kept in the backup when there is one). */
  removals?: readonly string[];
  /** Refuse with FilesExistError, changing nothing, when any of these exists. */
  refuseExisting?: readonly string[];
  /** Refuse with SetChangedError unless each file still holds these bytes (undefined: still absent). */
  unchanged?: ReadonlyMap<string, Buffer | undefined>;
  /** Keep the replaced and removed files in a dated backup folder named after this operation. */
  backupOperation?: string;
  /** With backupOperation, for an undo: the backup it reverts (recorded in the new backup's manifest). */
  backupUndoes?: string;
}

export interface AppliedChange {
  written: string[];
  removed: string[];
  /** Absolute path of the backup folder, when one was kept. */
  backupFolder?: string;
}

export interface ChangeOptions {
  signal?: AbortSignal;
  lockTimeoutMs?: number;
  now?: Date;
}

function validateChange(change: SetChange): void {
  const names = [...change.writes.map((write) => write.name), ...(change.removals ?? [])];
  const bad = names.filter((name) => !isPlainFileName(name));
  if (bad.length > 0) throw new WriteSetError(`cannot write ${bad.join(', ')}: only plain file names inside the folder`);
  if (new Set(names).size !== names.length) throw new WriteSetError('a file is named twice in one change');
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** The entry's lstat, or the error that stat gave (ENOENT: nothing has the name). */
function lstatOrError(path: string): Promise<Stats | Error> {
  return fs.lstat(path).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

/** The checks that must hold at the moment of writing, under the lock (no window for another run). */
async function checkPreconditions(directory: string, change: SetChange): Promise<void> {
  // Each check asks about every file at once (the lock keeps the folder still): a set is nine files,
  // and one file-system round trip after the other added up to a noticeable part of a write.
  // One lstat per name answers both "exists" (refuseExisting) and "a folder is in the way" (below).
  const refuse = change.refuseExisting ?? [];
  const targets = [...change.writes.map((write) => write.name), ...(change.removals ?? [])];
  const names = [...new Set([...refuse, ...targets])];
  const expectations = [...(change.unchanged ?? new Map<string, Buffer | undefined>())];
  const reading = Promise.all(expectations.map(([name]) => readOrUndefined(join(directory, name))));
  // Its failure is thrown below, after the refusal (as when it was read after the check).
  reading.catch(() => undefined);
  const infos = await Promise.all(names.map((name) => lstatOrError(join(directory, name))));
  const infoOf = new Map(names.map((name, index) => [name, infos[index]]));
  const existing = refuse.filter((name) => {
    const info = infoOf.get(name);
    if (!(info instanceof Error)) return true;
    if (errorCode(info) === 'ENOENT' || errorCode(info) === 'ENOTDIR') return false;
    throw info;
  });
  if (existing.length > 0) throw new FilesExistError(directory, existing);
  const current = await reading;
  const changed = expectations
    .filter(([, expected], index) => {
      const now = current[index];
      return now === undefined ? expected !== undefined : expected === undefined || !now.equals(expected);
    })
    .map(([name]) => name);
  if (changed.length > 0) throw new SetChangedError(directory, changed);
  const blocked = targets.find((name) => {
    const info = infoOf.get(name);
    return info !== undefined && !(info instanceof Error) && info.isDirectory();
  });
  if (blocked !== undefined) throw new WriteSetError(`cannot write ${join(directory, blocked)}: a folder is in the way`);
}

interface LockedFolder {
  lock: HeldLock;
  createdDirectory: boolean;
  /** Settles once a folder made here is durable in its parent (acquireLockInNewFolder); never rejects. */
  folderDurable: Promise<void>;
}

/**
 * Takes the folder's lock, making the folder (with the lock inside) when it does not exist; a folder
 * removed meanwhile by recovery (an empty one a dead run made) is made again.
 */
async function lockFolder(directory: string, options: ChangeOptions): Promise<LockedFolder> {
  // The lock records who holds it; the process's own start time is read (once) meanwhile.
  void currentProcess().catch(() => undefined);
  for (;;) {
    await removeOrphanedNewFolders(directory);
    if (!(await folderExistsOrParentReady(directory))) {
      const created = await acquireLockInNewFolder(directory).catch((error: unknown) => {
        throw describeFailure(error, directory);
      });
      if (created) return { lock: created.lock, createdDirectory: true, folderDurable: created.durable };
    }
    try {
      const lock = await acquireLock(directory, { signal: options.signal, timeoutMs: options.lockTimeoutMs });
      return { lock, createdDirectory: false, folderDurable: Promise.resolve() };
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error instanceof Error && error.name === 'Error' ? describeFailure(error, directory) : error;
    }
  }
}

/**
 * Applies the change to the folder (created if missing) and returns what it wrote. Throws, having
 * changed nothing: FilesExistError, SetChangedError, SetLockedError, WriteSetError, or the signal's
 * reason when aborted before the commit. After the commit the change completes even if aborted.
 *
 * The change may still be being made (a set being signed): the folder is locked and recovered
 * meanwhile, and the change is awaited under the lock. If making it fails, that error is thrown as
 * it is, before any problem with the folder (as when the change was made first), and nothing is written.
 */
export async function applySetChange(
  dir: string,
  change: SetChange | Promise<SetChange>,
  options: ChangeOptions = {},
): Promise<AppliedChange> {
  const making = Promise.resolve(change);
  // Its failure is reported below, once the folder is let go; until then it must not count as unhandled.
  making.catch(() => undefined);
  if (!(change instanceof Promise)) validateChange(change);
  const directory = resolve(dir);
  await pausePoint('write:start');
  let locked: LockedFolder;
  try {
    locked = await lockFolder(directory, options);
  } catch (error) {
    await making;
    throw error;
  }
  const { lock, createdDirectory, folderDurable } = locked;
  const transaction = newTransactionId();
  let made: SetChange | undefined;
  // Set by applyLocked the moment the commit record exists: from then on the change completes.
  const progress = { committed: false };
  let failed = true;
  try {
    await pausePoint('write:locked');
    await recoverLocked(directory);
    const ready = await making;
    if (ready !== change) validateChange(ready);
    made = ready;
    const applied = await applyLocked(directory, transaction, made, options, progress);
    // A new folder's own name is synced while its files were being written; written means durable.
    await folderDurable;
    failed = false;
    return applied;
  } catch (error) {
    // A change that could not be made is reported first, as when it was made before the folder was touched.
    if (!made) await making;
    if (!progress.committed && made) await removeStaged(directory, transaction, made);
    throw error instanceof Error && error.name === 'Error' && errorCode(error) !== undefined ? describeFailure(error, directory) : error;
  } finally {
    await folderDurable;
    await lock.release();
    if (failed && createdDirectory && !progress.committed) await fs.rmdir(directory).catch(() => undefined);
  }
}

/** Under the lock, after recovery: checks, stages, commits and places the change. */
async function applyLocked(
  directory: string,
  transaction: string,
  change: SetChange,
  options: ChangeOptions,
  progress: { committed: boolean },
): Promise<AppliedChange> {
  await checkPreconditions(directory, change);
  throwIfAborted(options.signal);
  const record: CommitRecord = {
    version: 1,
    transaction,
    writes: change.writes.map((write) => write.name),
    removals: [...(change.removals ?? [])],
  };
  if (change.backupOperation === undefined) {
    // The record is known already: it is staged and synced together with the files, and only its
    // rename, once all of them are durable, commits.
    await stageWrites(directory, transaction, change.writes, record);
    await throwIfAbortedBeforeCommit(options.signal);
    await publishCommitRecord(directory, transaction);
  } else {
    // The record names the backup, which can only be staged (and named) once the new files are.
    await stageWrites(directory, transaction, change.writes);
    await stageBackup(directory, transaction, change, change.backupOperation);
    record.backup = {
      staged: stagedName(transaction, 'backup'),
      final: await freeBackupName(directory, change.backupOperation, options.now ?? new Date()),
    };
    await syncDirectory(directory);
    await throwIfAbortedBeforeCommit(options.signal);
    await writeCommitRecord(directory, record);
  }
  progress.committed = true;
  await pausePoint('write:committed');
  await rollForward(directory, record).catch((error: unknown) => {
    throw new WriteSetError(
      `the new files are committed but could not all be put in place (${(error as Error).message}); ` +
        `the next Milvus TLS run in ${directory} finishes it`,
      { cause: error },
    );
  });
  await pausePoint('write:done');
  return {
    written: record.writes.map((name) => join(directory, name)),
    removed: record.removals.map((name) => join(directory, name)),
    ...(record.backup ? { backupFolder: join(directory, BACKUP_FOLDER, record.backup.final) } : {}),
  };
}
