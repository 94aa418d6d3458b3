// The commit record of one write. Until it exists, the write has changed nothing the user sees (only
// staged ".milvus-tls-<id>-…" entries), so recovery rolls back by deleting them; once it exists, every
// staged file is complete and synced, so recovery rolls forward by finishing the renames. Each step
// of rolling forward can be repeated, so a crash during recovery is recovered the same way.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createFileDurably, renameIfPresent, syncDirectory, unlinkIfPresent } from './fsSteps';
import { BACKUP_FOLDER, commitRecordName, isPlainFileName, stagedName } from './names';
import { pausePoint } from './pausePoint';

export interface CommitRecord {
  version: 1;
  transaction: string;
  /** Final names; each is staged as stagedName(transaction, name) and renamed over it. */
  writes: string[];
  /** Names deleted (their old contents are already in the backup, when one is kept). */
  removals: string[];
  /** The backup folder, staged beside the files and moved into BACKUP_FOLDER under its dated name. */
  backup?: { staged: string; final: string };
}

function isCommitRecord(value: unknown): value is CommitRecord {
  const record = value as Partial<CommitRecord> | undefined;
  const names = (list: unknown): boolean => Array.isArray(list) && list.every((name) => typeof name === 'string' && isPlainFileName(name));
  return (
    record?.version === 1 &&
    typeof record.transaction === 'string' &&
    names(record.writes) &&
    names(record.removals) &&
    (record.backup === undefined ||
      (typeof record.backup.staged === 'string' && typeof record.backup.final === 'string' && isPlainFileName(record.backup.final)))
  );
}

/** The record is first written (and synced) under this staged name, so that it exists whole or not at all. */
export const STAGED_COMMIT_RECORD = 'commit.tmp';

export function commitRecordText(record: CommitRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Commits: renames the staged record (complete and synced, as every staged file must be by now) to
 * its real name and makes the rename durable.
 */
export async function publishCommitRecord(directory: string, transaction: string): Promise<void> {
  await fs.rename(join(directory, stagedName(transaction, STAGED_COMMIT_RECORD)), join(directory, commitRecordName(transaction)));
  await syncDirectory(directory);
}

/** Written to a staged name, synced, then renamed: the record exists whole or not at all. */
export async function writeCommitRecord(directory: string, record: CommitRecord): Promise<void> {
  await createFileDurably(join(directory, stagedName(record.transaction, STAGED_COMMIT_RECORD)), commitRecordText(record), 0o644);
  await publishCommitRecord(directory, record.transaction);
}

export async function readCommitRecord(directory: string, transaction: string): Promise<CommitRecord> {
  const path = join(directory, commitRecordName(transaction));
  const parsed: unknown = JSON.parse(await fs.readFile(path, 'utf8'));
  if (!isCommitRecord(parsed) || parsed.transaction !== transaction) {
    throw new Error(`${path} is not a commit record this version can read`);
  }
  return parsed;
}

/** Finishes a committed write: backup folder, renames, removals; then deletes the record. */
export async function rollForward(directory: string, record: CommitRecord): Promise<void> {
  if (record.backup) {
    await fs.mkdir(join(directory, BACKUP_FOLDER), { recursive: true, mode: 0o700 });
    await renameIfPresent(join(directory, record.backup.staged), join(directory, BACKUP_FOLDER, record.backup.final));
  }
  // The renames are independent of each other (the record says what is left to do), so they go at
  // once; every one settles before the folder is synced.
  const placed = await Promise.allSettled(
    record.writes.map(async (name) => {
      await renameIfPresent(join(directory, stagedName(record.transaction, name)), join(directory, name));
      await pausePoint(`write:placed:${name}`);
    }),
  );
  const failed = placed.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  await Promise.all(record.removals.map((name) => unlinkIfPresent(join(directory, name))));
  await syncDirectory(directory);
  await unlinkIfPresent(join(directory, commitRecordName(record.transaction)));
  // The files are in place and durable. A record whose deletion a crash undoes is rolled forward again
  // by the next run: a no-op when it only wrote files (every staged name is gone), so only a record
  // that removes files or keeps a backup (which the user may have touched since) waits for its deletion
  // to be on disk. Otherwise that happens with the next sync of the folder (the next write's, or the
  // file system's own within seconds): one wait for the disk less after the last answer.
  if (record.removals.length > 0 || record.backup) await syncDirectory(directory);
}
