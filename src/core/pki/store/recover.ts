// Cleans up after writes that did not finish (a killed process, a crash, power loss): committed ones
// are rolled forward, the rest rolled back, and their staging files (private keys among them) deleted.
// Runs under the folder's lock, so every transaction found here belongs to a process that is gone.
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readCommitRecord, rollForward } from './journal';
import { acquireLock, isStaleLockFile } from './lock';
import { errorCode, syncDirectory } from './fsSteps';
import { pidRuns } from './ownerProcess';
import { LOCK_NAME, legacyStagingOwner, parseNewFolderStaging, transactionOfCommitRecord, transactionOfStaged } from './names';

export interface RecoveryReport {
  /** Transactions that had committed and were finished. */
  rolledForward: string[];
  /** Staged entries of transactions that had not committed, now deleted (names in the folder). */
  removed: string[];
}

async function listNames(directory: string): Promise<string[]> {
  try {
    return await fs.readdir(directory);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** Must be called holding the folder's lock (acquireLock). */
export async function recoverLocked(directory: string): Promise<RecoveryReport> {
  const report: RecoveryReport = { rolledForward: [], removed: [] };
  const names = await listNames(directory);
  for (const name of names) {
    const transaction = transactionOfCommitRecord(name);
    if (transaction === undefined) continue;
    await rollForward(directory, await readCommitRecord(directory, transaction));
    report.rolledForward.push(transaction);
  }
  // Rolling forward renamed entries: list again then; otherwise the first listing is current (the lock holds the folder still).
  for (const name of report.rolledForward.length > 0 ? await listNames(directory) : names) {
    const legacyOwner = legacyStagingOwner(name);
    // Staging files of the versions before this store: no lock protected them, so only a dead owner's go.
    const stale = transactionOfStaged(name) !== undefined || (legacyOwner !== undefined && !pidRuns(legacyOwner));
    if (!stale) continue;
    await fs.rm(join(directory, name), { recursive: true, force: true });
    report.removed.push(name);
  }
  if (report.removed.length > 0) await syncDirectory(directory);
  return report;
}

/**
 * Deletes what a run killed while making `directory` left in its parent: the staging folder it was
 * making (holding at most the lock of a process that is gone). A live run's staging folder stays.
 */
export async function removeOrphanedNewFolders(directory: string): Promise<void> {
  const parent = dirname(directory);
  for (const entry of await listNames(parent)) {
    const staged = parseNewFolderStaging(entry);
    if (staged?.folder !== basename(directory)) continue;
    const staging = join(parent, entry);
    const lockPath = join(staging, LOCK_NAME);
    const hasLock = await fs.lstat(lockPath).then(
      () => true,
      () => false,
    );
    // The staging folder's maker is the pid in its name: gone, the folder is orphaned whatever its lock
    // says (a run killed while writing its lock leaves it empty, with no owner to ask). A live or reused
    // pid keeps it until its lock is stale.
    if (!pidRuns(staged.pid) || (hasLock && (await isStaleLockFile(lockPath)))) await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Recovers the folder now: takes its lock (waiting for a live writer, taking over a dead one's),
 * cleans up, and lets go. A folder that a dead run created and that is empty again is removed, so
 * the user finds the state from before that run. Returns undefined when the folder does not exist.
 */
export async function recoverSet(
  directory: string,
  options: { signal?: AbortSignal; lockTimeoutMs?: number } = {},
): Promise<RecoveryReport | undefined> {
  await removeOrphanedNewFolders(directory);
  if (
    !(await fs.stat(directory).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  ) {
    return undefined;
  }
  let lock;
  try {
    lock = await acquireLock(directory, { signal: options.signal, timeoutMs: options.lockTimeoutMs });
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  let report: RecoveryReport;
  try {
    report = await recoverLocked(directory);
  } finally {
    await lock.release();
  }
  if (lock.staleOwners.some((owner) => owner.createdDirectory === true)) {
    // rmdir fails on a folder that is not empty: only the empty folder of a dead run goes.
    await fs.rmdir(directory).catch(() => undefined);
  }
  return report;
}
