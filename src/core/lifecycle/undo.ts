// Undoing the last rotation phase from its backup: the files it replaced or removed come back byte for
// byte (hard links to the backup's copies, so bytes and modes are the originals), the files it
// created go, and what the undo replaces is itself kept in a backup ("rotate-undo"), so nothing is lost.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { listBackups, type Backup } from '../pki/store/backup';
import { readSetFiles } from '../pki/store/read';
import { commitRotationChange, type PhaseOutcome, type RotationOptions } from './rotate';
import { RotationOrderError, UndoConflictError } from './errors';

const ROTATION_OPERATIONS = new Set(['rotate-start', 'rotate-reissue', 'rotate-finish']);

/** The newest rotation phase's backup that no undo has reverted yet. */
export async function lastUndoablePhase(directory: string): Promise<Backup | undefined> {
  const backups = await listBackups(directory);
  const undone = new Set(backups.flatMap((backup) => (backup.manifest.undoes === undefined ? [] : [backup.manifest.undoes])));
  return [...backups].reverse().find((backup) => ROTATION_OPERATIONS.has(backup.manifest.operation) && !undone.has(backup.name));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function rotateUndo(
  directory: string,
  options: RotationOptions & { force?: boolean } = {},
): Promise<PhaseOutcome & { undone: Backup }> {
  const backup = await lastUndoablePhase(directory);
  if (!backup) throw new RotationOrderError('nothing to undo: no rotation phase has a backup here that was not undone already');
  const { manifest } = backup;
  const names = [...new Set([...Object.keys(manifest.written), ...manifest.created, ...manifest.kept])];
  const current = await readSetFiles(directory, names, options);
  const changed = Object.entries(manifest.written)
    .filter(([name, hash]) => {
      const bytes = current.get(name);
      return bytes === undefined || sha256(bytes) !== hash;
    })
    .map(([name]) => name);
  if (changed.length > 0 && !options.force) throw new UndoConflictError(changed, `${manifest.operation} (${backup.name})`);
  const outcome = await commitRotationChange(
    directory,
    'rotate-undo',
    {
      writes: manifest.kept.map((name) => ({ name, sameAs: join(backup.folder, name) })),
      removals: manifest.created.filter((name) => current.get(name) !== undefined),
      unchanged: current,
      backupUndoes: backup.name,
    },
    options,
  );
  return { ...outcome, undone: backup };
}
