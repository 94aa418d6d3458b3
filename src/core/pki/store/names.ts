// The names the set store uses inside a certificate folder. Everything it leaves there for a moment
// starts with ".milvus-tls", so a person (and recovery) can tell it from the user's files. Staged
// copies keep the final name as their suffix: a staged private key ends in ".key", so the
// "/<folder>/*.key" entry Generate adds to .gitignore matches it too (git's * matches a leading dot).
import { randomBytes } from 'node:crypto';

/** The lock of one folder: at most one write (or read-for-write) at a time. */
export const LOCK_NAME = '.milvus-tls.lock';
/** Held only while a stale lock is being removed, so two processes never both take one over. */
export const BREAK_LOCK_NAME = '.milvus-tls.lock.break';
/** Where replaced files are kept, one dated subfolder per operation; never scanned for certificates. */
export const BACKUP_FOLDER = '.milvus-tls-backups';

const TRANSACTION_ID = /^[0-9a-f]{16}$/;
const STAGED = /^\.milvus-tls-([0-9a-f]{16})-(.+)$/;
const COMMIT = /^\.milvus-tls-([0-9a-f]{16})\.commit$/;
const NEW_FOLDER = /^\.milvus-tls-new-([0-9a-f]{16})-p(\d+)-(.+)$/;
/** Staging files of the versions before the store (".ca.key.<pid>-<hex>.tmp", "….tmp.old"). */
const LEGACY_STAGED = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp(?:\.old)?$/;

export function newTransactionId(): string {
  return randomBytes(8).toString('hex');
}

export function stagedName(transactionId: string, name: string): string {
  if (!TRANSACTION_ID.test(transactionId)) throw new Error(`not a transaction id: ${transactionId}`);
  return `.milvus-tls-${transactionId}-${name}`;
}

/**
 * A new certificate folder being made in its parent, with its lock inside, before it is renamed into
 * place. The maker's pid is in the name: until the lock is written, it is the only owner to ask.
 */
export function newFolderStagingName(folderName: string, id: string): string {
  return `.milvus-tls-new-${id}-p${process.pid}-${folderName}`;
}

/** The folder a parent's entry is the staging of, and the pid that made it; undefined for other names. */
export function parseNewFolderStaging(entry: string): { folder: string; pid: number } | undefined {
  const match = NEW_FOLDER.exec(entry);
  return match ? { folder: match[3] ?? '', pid: Number(match[2]) } : undefined;
}

export function commitRecordName(transactionId: string): string {
  return `.milvus-tls-${transactionId}.commit`;
}

/** The transaction a staged entry (file, or backup folder) belongs to, or undefined. */
export function transactionOfStaged(entry: string): string | undefined {
  return STAGED.exec(entry)?.[1];
}

export function transactionOfCommitRecord(entry: string): string | undefined {
  return COMMIT.exec(entry)?.[1];
}

/** The pid of the process that left a pre-store staging file, or undefined for other names. */
export function legacyStagingOwner(entry: string): number | undefined {
  const pid = LEGACY_STAGED.exec(entry)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** A file name the store may write: one plain name in the folder, not one of its own. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && !name.startsWith('.milvus-tls');
}
