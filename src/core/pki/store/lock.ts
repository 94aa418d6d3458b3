// One writer per certificate folder: an exclusive lock file (O_CREAT|O_EXCL) holding the owner's pid,
// host and start time. A lock whose owner is dead is stale and is taken over; only the holder of a
// second, short-lived "break" lock may delete a stale lock, so two processes that both see it stale
// never delete each other's fresh lock.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { SetLockedError, throwIfAborted } from '../errors';
import { errorCode as codeOf, syncDirectory, unlinkIfPresent } from './fsSteps';
import { BREAK_LOCK_NAME, LOCK_NAME, newFolderStagingName } from './names';
import { pausePoint } from './pausePoint';
import { currentProcess, describeOwner, ownerState, type LockOwner } from './ownerProcess';

export type { LockOwner } from './ownerProcess';

/** A lock file still being written (or left empty by a crash in that instant) counts as held this long. */
const UNWRITTEN_LOCK_GRACE_MS = 10_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

export interface HeldLock {
  readonly owner: LockOwner;
  /** Owners of stale locks taken over on the way: their writes may need recovery. */
  readonly staleOwners: readonly LockOwner[];
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a live holder. Default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Creates path with the text, failing with 'exists' when any entry (a symlink too) has that name. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(path, 'wx', 0o644);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

type LockContent = { text: string; owner: LockOwner | undefined; ageMs: number };

/** The lock's text and owner; owner undefined when the text is not (yet) a whole owner record. */
async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    const [text, info] = await Promise.all([fs.readFile(path, 'utf8'), fs.lstat(path)]);
    let owner: LockOwner | undefined;
    try {
      const parsed = JSON.parse(text) as Partial<LockOwner>;
      if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string' && typeof parsed.nonce === 'string') {
        owner = parsed as LockOwner;
      }
    } catch {
      owner = undefined;
    }
    return { text, owner, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether the lock file at `path` belongs to a process that is gone (true also when it is missing). */
export async function isStaleLockFile(path: string): Promise<boolean> {
  const lock = await readLock(path);
  return lock === undefined || (await isStale(lock));
}

async function isStale(lock: LockContent): Promise<boolean> {
  if (!lock.owner) return lock.ageMs > UNWRITTEN_LOCK_GRACE_MS;
  return (await ownerState(lock.owner)) === 'dead';
}

async function unlinkIfUnchanged(path: string, text: string): Promise<boolean> {
  const now = await readLock(path);
  if (now?.text !== text) return false;
  await unlinkIfPresent(path);
  return true;
}

/** Deletes the stale lock whose text was seen, under the break lock; false when another breaker is at it. */
async function breakStaleLock(directory: string, seen: LockContent, breakerText: string): Promise<boolean> {
  const breakPath = join(directory, BREAK_LOCK_NAME);
  if (!(await createExclusive(breakPath, breakerText))) {
    const breaker = await readLock(breakPath);
    // A breaker that died in its few milliseconds of work leaves its break lock: clear it, retry later.
    if (breaker && (await isStale(breaker))) await unlinkIfUnchanged(breakPath, breaker.text);
    return false;
  }
  try {
    return await unlinkIfUnchanged(join(directory, LOCK_NAME), seen.text);
  } finally {
    await fs.rm(breakPath, { force: true });
  }
}

async function lockRecord(createdDirectory: boolean): Promise<{ owner: LockOwner; text: string }> {
  const owner: LockOwner = {
    ...(await currentProcess()),
    nonce: randomBytes(8).toString('hex'),
    ...(createdDirectory ? { createdDirectory } : {}),
  };
  return { owner, text: `${JSON.stringify(owner)}\n` };
}

function heldLock(path: string, owner: LockOwner, text: string, staleOwners: LockOwner[]): HeldLock {
  return { owner, staleOwners, release: () => unlinkIfUnchanged(path, text).then(() => undefined) };
}

/**
 * Creates `directory` (its parent exists) with its lock already inside: made under a staging name in
 * the parent, the lock written into it, then renamed into place. So a run killed at any moment never
 * leaves an empty folder that recovery could not tell from one the user made; what it can leave is the
 * staging folder, which recovery deletes (removeOrphanedNewFolders). Undefined when the folder
 * appeared meanwhile (then take its lock with acquireLock).
 *
 * `durable` settles (never rejects) once the folder's name is synced in its parent. The caller
 * writes meanwhile and awaits it before reporting success: until then a crash may undo the rename,
 * which leaves the staging folder, which recovery deletes with whatever was written into it — the
 * all-or-nothing "nothing", as a crash before the commit would.
 */
export async function acquireLockInNewFolder(directory: string): Promise<{ lock: HeldLock; durable: Promise<void> } | undefined> {
  const { owner, text } = await lockRecord(true);
  const staging = join(dirname(directory), newFolderStagingName(basename(directory), owner.nonce));
  await fs.mkdir(staging, { mode: 0o700 });
  try {
    await fs.chmod(staging, 0o700);
    await createExclusive(join(staging, LOCK_NAME), text);
    await pausePoint('write:new-folder');
    await fs.rename(staging, directory);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if (['EEXIST', 'ENOTEMPTY', 'EISDIR', 'ENOTDIR'].includes(codeOf(error) ?? '')) return undefined;
    throw error;
  }
  const durable = syncDirectory(dirname(directory)).catch(() => undefined);
  return { lock: heldLock(join(directory, LOCK_NAME), owner, text, []), durable };
}

/**
 * Takes the folder's lock, waiting (up to timeoutMs) for a live holder and taking over a dead one's.
 * Throws SetLockedError on timeout, the signal's reason when aborted, ENOENT when the folder is gone.
 */
export async function acquireLock(directory: string, options: LockOptions = {}): Promise<HeldLock> {
  const { owner, text } = await lockRecord(false);
  const path = join(directory, LOCK_NAME);
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
  const staleOwners: LockOwner[] = [];
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    throwIfAborted(options.signal);
    if (await createExclusive(path, text)) return heldLock(path, owner, text, staleOwners);
    const held = await readLock(path);
    if (held === undefined) continue; // released in between: try again at once
    if (await isStale(held)) {
      if (await breakStaleLock(directory, held, text)) {
        if (held.owner) staleOwners.push(held.owner);
        continue;
      }
    } else if (Date.now() >= deadline) {
      throw new SetLockedError(directory, held.owner ? describeOwner(held.owner) : 'a run that is starting', path);
    }
    // Jitter, so two waiters do not retry in lockstep.
    await delay(wait / 2 + Math.random() * wait, undefined, { signal: options.signal }).catch(() => undefined);
  }
}
