// Changes a certificate folder all or nothing, also when several processes write it at once and when
// one is killed at any moment. Under the folder's lock: recover what a dead run left, check the
// preconditions (files that must not exist, files that must not have changed), stage every new file
// beside its target and sync it, write the commit record, then rename. See journal.ts for recovery.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { FilesExistError, SetChangedError, throwIfAborted, WriteSetError } from '../errors';
import { BACKUP_GITIGNORE, freeBackupName, MANIFEST_NAME, type BackupManifest } from './backup';
import { createFileDurably, errorCode, exists, linkOrCopy, syncDirectory } from './fsSteps';
import { rollForward, writeCommitRecord, type CommitRecord } from './journal';
import { acquireLock, acquireLockInNewFolder, type HeldLock } from './lock';
import { BACKUP_FOLDER, isPlainFileName, newTransactionId, stagedName } from './names';
import { pausePoint } from './pausePoint';
import { recoverLocked, removeOrphanedNewFolders } from './recover';
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

/** The checks that must hold at the moment of writing, under the lock (no window for another run). */
async function checkPreconditions(directory: string, change: SetChange): Promise<void> {
  // Each check asks about every file at once (the lock keeps the folder still): a set is nine files,
  // and one file-system round trip after the other added up to a noticeable part of a write.
  const refuse = change.refuseExisting ?? [];
  const present = await Promise.all(refuse.map((name) => exists(join(directory, name))));
  const existing = refuse.filter((_, index) => present[index]);
  if (existing.length > 0) throw new FilesExistError(directory, existing);
  const expectations = [...(change.unchanged ?? new Map<string, Buffer | undefined>())];
  const current = await Promise.all(expectations.map(([name]) => readOrUndefined(join(directory, name))));
  const changed = expectations
    .filter(([, expected], index) => {
      const now = current[index];
      return now === undefined ? expected !== undefined : expected === undefined || !now.equals(expected);
    })
    .map(([name]) => name);
  if (changed.length > 0) throw new SetChangedError(directory, changed);
  const targets = [...change.writes.map((write) => write.name), ...(change.removals ?? [])];
  const infos = await Promise.all(targets.map((name) => fs.lstat(join(directory, name)).catch(() => undefined)));
  const blocked = targets.find((_, index) => infos[index]?.isDirectory());
  if (blocked !== undefined) throw new WriteSetError(`cannot write ${join(directory, blocked)}: a folder is in the way`);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function stageWrite(directory: string, transaction: string, write: FileWrite): Promise<void> {
  const staged = join(directory, stagedName(transaction, write.name));
  if ('sameAs' in write) await linkOrCopy(write.sameAs, staged);
  else await createFileDurably(staged, write.contents, write.mode);
}

/**
 * Stages every write at once: each file is synced, and waiting for the disk is most of a set write, so
 * the syncs overlap instead of queueing. Every write settles before a failure is thrown, so that no
 * staged file appears after removeStaged has cleaned up.
 */
async function stageWrites(directory: string, transaction: string, writes: readonly FileWrite[]): Promise<void> {
  const outcomes = await Promise.allSettled(
    writes.map(async (write) => {
      await stageWrite(directory, transaction, write).catch((error: unknown) => {
        throw describeFailure(error, join(directory, write.name));
      });
      pausePoint(`write:staged:${write.name}`);
    }),
  );
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Stages the backup folder beside the files; the commit's rollForward moves it into BACKUP_FOLDER. */
async function stageBackup(directory: string, transaction: string, change: SetChange, operation: string): Promise<void> {
  const staged = join(directory, stagedName(transaction, 'backup'));
  await fs.mkdir(staged, { mode: 0o700 });
  await fs.chmod(staged, 0o700);
  await createFileDurably(join(staged, '.gitignore'), BACKUP_GITIGNORE, 0o644);
  const manifest: BackupManifest = {
    version: 1,
    operation,
    createdAt: new Date().toISOString(),
    kept: [],
    created: [],
    removed: [...(change.removals ?? [])],
    written: {},
    ...(change.backupUndoes !== undefined ? { undoes: change.backupUndoes } : {}),
  };
  for (const name of [...change.writes.map((write) => write.name), ...(change.removals ?? [])]) {
    const target = join(directory, name);
    if (await exists(target)) {
      await linkOrCopy(target, join(staged, name));
      manifest.kept.push(name);
    } else if (!manifest.removed.includes(name)) {
      manifest.created.push(name);
    }
  }
  for (const write of change.writes) {
    manifest.written[write.name] = sha256(await fs.readFile(join(directory, stagedName(transaction, write.name))));
  }
  await createFileDurably(join(staged, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, 0o644);
  await syncDirectory(staged);
}

async function removeStaged(directory: string, transaction: string, change: SetChange): Promise<void> {
  const names = [...change.writes.map((write) => write.name), 'backup', 'commit.tmp'];
  await Promise.all(
    names.map((name) => fs.rm(join(directory, stagedName(transaction, name)), { recursive: true, force: true }).catch(() => undefined)),
  );
}

/**
 * Takes the folder's lock, making the folder (with the lock inside) when it does not exist; a folder
 * removed meanwhile by recovery (an empty one a dead run made) is made again.
 */
async function lockFolder(directory: string, options: ChangeOptions): Promise<{ lock: HeldLock; createdDirectory: boolean }> {
  for (;;) {
    await removeOrphanedNewFolders(directory);
    if (!(await folderExistsOrParentReady(directory))) {
      const created = await acquireLockInNewFolder(directory).catch((error: unknown) => {
        throw describeFailure(error, directory);
      });
      if (created) return { lock: created, createdDirectory: true };
    }
    try {
      return { lock: await acquireLock(directory, { signal: options.signal, timeoutMs: options.lockTimeoutMs }), createdDirectory: false };
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
  pausePoint('write:start');
  let locked: { lock: HeldLock; createdDirectory: boolean };
  try {
    locked = await lockFolder(directory, options);
  } catch (error) {
    await making;
    throw error;
  }
  const { lock, createdDirectory } = locked;
  const transaction = newTransactionId();
  let made: SetChange | undefined;
  // Set by applyLocked the moment the commit record exists: from then on the change completes.
  const progress = { committed: false };
  let failed = true;
  try {
    pausePoint('write:locked');
    await recoverLocked(directory);
    const ready = await making;
    if (ready !== change) validateChange(ready);
    made = ready;
    const applied = await applyLocked(directory, transaction, made, options, progress);
    failed = false;
    return applied;
  } catch (error) {
    // A change that could not be made is reported first, as when it was made before the folder was touched.
    if (!made) await making;
    if (!progress.committed && made) await removeStaged(directory, transaction, made);
    throw error instanceof Error && error.name === 'Error' && errorCode(error) !== undefined ? describeFailure(error, directory) : error;
  } finally {
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
  await stageWrites(directory, transaction, change.writes);
  const record: CommitRecord = {
    version: 1,
    transaction,
    writes: change.writes.map((write) => write.name),
    removals: [...(change.removals ?? [])],
  };
  if (change.backupOperation !== undefined) {
    await stageBackup(directory, transaction, change, change.backupOperation);
    record.backup = {
      staged: stagedName(transaction, 'backup'),
      final: await freeBackupName(directory, change.backupOperation, options.now ?? new Date()),
    };
  }
  await syncDirectory(directory);
  throwIfAborted(options.signal);
  await writeCommitRecord(directory, record);
  progress.committed = true;
  pausePoint('write:committed');
  await rollForward(directory, record).catch((error: unknown) => {
    throw new WriteSetError(
      `the new files are committed but could not all be put in place (${(error as Error).message}); ` +
        `the next Milvus TLS run in ${directory} finishes it`,
      { cause: error },
    );
  });
  pausePoint('write:done');
  return {
    written: record.writes.map((name) => join(directory, name)),
    removed: record.removals.map((name) => join(directory, name)),
    ...(record.backup ? { backupFolder: join(directory, BACKUP_FOLDER, record.backup.final) } : {}),
  };
}
