// The backup an operation keeps of what it replaced: a dated folder inside BACKUP_FOLDER holding the
// previous files byte for byte (hard links), and a manifest saying which files the operation created
// and what it wrote, so it can be undone exactly and an undo can tell whether anything changed since.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { errorCode, exists } from './fsSteps';
import { BACKUP_FOLDER } from './names';

export const MANIFEST_NAME = 'manifest.json';

export interface BackupManifest {
  version: 1;
  /** What made it: "renew", "rotate-start", "rotate-undo"… */
  operation: string;
  createdAt: string;
  /** Files as they were before the operation, kept in the backup folder under the same names. */
  kept: string[];
  /** Files the operation created (there were none of those names): undoing it deletes them. */
  created: string[];
  /** Files the operation removed (kept too). */
  removed: string[];
  /** SHA-256 (hex) of every file the operation wrote. */
  written: Record<string, string>;
  /** For an undo: the backup (folder name) whose operation it reverted. */
  undoes?: string;
}

/** Holds a backup's own files out of git: a private key kept here must not be committed either. */
export const BACKUP_GITIGNORE = '# Milvus TLS backups hold private keys: never commit them.\n*\n';

export interface Backup {
  /** Absolute path of the dated folder. */
  folder: string;
  name: string;
  manifest: BackupManifest;
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

/** A dated folder name not yet taken in the folder's backups, e.g. "2026-03-01T10-00-00Z-renew". */
export async function freeBackupName(directory: string, operation: string, now: Date): Promise<string> {
  const base = `${stamp(now)}-${operation}`;
  for (let suffix = 1; ; suffix++) {
    const name = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await exists(join(directory, BACKUP_FOLDER, name)))) return name;
  }
}

function isManifest(value: unknown): value is BackupManifest {
  const manifest = value as Partial<BackupManifest> | undefined;
  return (
    manifest?.version === 1 &&
    typeof manifest.operation === 'string' &&
    Array.isArray(manifest.kept) &&
    Array.isArray(manifest.created) &&
    Array.isArray(manifest.removed) &&
    typeof manifest.written === 'object'
  );
}

/** The folder's backups, oldest first: by the manifest's time (folder names only have seconds). */
export async function listBackups(directory: string): Promise<Backup[]> {
  const root = join(directory, BACKUP_FOLDER);
  let names: string[];
  try {
    names = (await fs.readdir(root)).filter((name) => /^\d{4}-\d\d-\d\dT/.test(name)).sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const backups: Backup[] = [];
  for (const name of names) {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(join(root, name, MANIFEST_NAME), 'utf8'));
      if (isManifest(parsed)) backups.push({ folder: join(root, name), name, manifest: parsed });
    } catch {
      // A folder without a readable manifest is not one of ours to undo; it is left alone.
    }
  }
  return backups.sort((a, b) => a.manifest.createdAt.localeCompare(b.manifest.createdAt) || a.name.localeCompare(b.name));
}
