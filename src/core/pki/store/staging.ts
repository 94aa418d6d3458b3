// Staging: every new file of a change is first written beside its target under a name recovery
// knows (names.ts), synced, and only then committed (journal.ts). What a set write waits for is mostly
// these syncs, so they overlap; and nothing staged is left behind when a step fails.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_GITIGNORE, MANIFEST_NAME, type BackupManifest } from './backup';
import { describeFailure } from './directory';
import { createExclusiveFile, createFileDurably, exists, fillDurably, linkOrCopy, syncDirectory } from './fsSteps';
import { commitRecordText, STAGED_COMMIT_RECORD, type CommitRecord } from './journal';
import { stagedName } from './names';
import { pausePoint } from './pausePoint';
import type { FileWrite, SetChange } from './transaction';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One entry to stage: a write of the change, or the commit record under its staged name. */
interface Staging {
  write: FileWrite;
  /** Its name in the folder while staged. */
  staged: string;
  /** What a failure is worded for. */
  target: string;
  /** Announced once the entry is durable. */
  point?: string;
}

/** Makes the staged entry: a hard link (or synced copy) for a sameAs write, else an empty file left open to fill. */
async function createEntry(directory: string, staging: Staging): Promise<FileHandle | undefined> {
  const path = join(directory, staging.staged);
  if ('sameAs' in staging.write) {
    await linkOrCopy(staging.write.sameAs, path);
    return undefined;
  }
  return createExclusiveFile(path, staging.write.mode);
}

/** Waits for every step, then throws the first failure: no step may still run when the caller cleans up. */
async function settleAll(steps: Promise<unknown>[]): Promise<void> {
  const failure = (await Promise.allSettled(steps)).find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Stages every write, and the commit record when it is given (under its staged name it commits
 * nothing until publishCommitRecord renames it), and makes all of it durable: each file synced, and
 * the folder synced for their names. Waiting for the disk is most of a set write, so no sync waits
 * for another: all entries are made first, then every file is filled and synced while the folder is
 * synced too (its sync covers the names, which all exist by then). Every step settles before a
 * failure is thrown, so that no staged file appears after removeStaged has cleaned up.
 */
export async function stageWrites(
  directory: string,
  transaction: string,
  writes: readonly FileWrite[],
  record?: CommitRecord,
): Promise<void> {
  const stagings: Staging[] = writes.map((write) => ({
    write,
    staged: stagedName(transaction, write.name),
    target: join(directory, write.name),
    point: `write:staged:${write.name}`,
  }));
  if (record) {
    const write = { name: STAGED_COMMIT_RECORD, contents: commitRecordText(record), mode: 0o644 };
    stagings.push({ write, staged: stagedName(transaction, write.name), target: directory });
  }
  const described = (staging: Staging) => (error: unknown) => {
    throw describeFailure(error, staging.target);
  };
  const created = await Promise.allSettled(stagings.map((staging) => createEntry(directory, staging).catch(described(staging))));
  const handles = created.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
  const failure = created.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    // Nothing is filled: the files opened are closed, and removeStaged deletes every entry.
    await Promise.allSettled(handles.flatMap((handle) => (handle ? [handle.close()] : [])));
    throw failure.reason;
  }
  const fills = stagings.map(async (staging, index) => {
    const handle = handles[index];
    const write = staging.write;
    if (handle && 'contents' in write) await fillDurably(handle, write.contents, write.mode).catch(described(staging));
    if (staging.point !== undefined) await pausePoint(staging.point);
  });
  await settleAll([...fills, syncDirectory(directory)]);
}

/** Stages the backup folder beside the files; the commit's rollForward moves it into BACKUP_FOLDER. */
export async function stageBackup(directory: string, transaction: string, change: SetChange, operation: string): Promise<void> {
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

export async function removeStaged(directory: string, transaction: string, change: SetChange): Promise<void> {
  const names = [...change.writes.map((write) => write.name), 'backup', STAGED_COMMIT_RECORD];
  await Promise.all(
    names.map((name) => fs.rm(join(directory, stagedName(transaction, name)), { recursive: true, force: true }).catch(() => undefined)),
  );
}
