// The Certificates view's pass over the workspace folders, without the editor (the scanner hands in
// the file system, the folders and their files.exclude filters): the one walker of every front
// (scanFolderFiles) lists the folders; only files not read yet, or reported changed, are read again.
import type { ScannedFile } from '../../core/inspect/scan';
import { DEFAULT_SCAN_MAX_DEPTH, DEFAULT_SCAN_MAX_ENTRIES, readScannedFile, scanFolderFiles } from '../../core/inspect/scan';
import type { WorkspaceFileSystem } from '../../core/workspace';
import { mapLimit } from '../../core/workspace';
import type { ScannedFiles } from './scannedFiles';
import type { ExcludeFilter } from './scanPlan';
import { progressSchedule } from './scanPlan';

export interface ScanFolder {
  root: string;
  /** The folder's files.exclude, relative to root. */
  exclude: ExcludeFilter;
}

export interface RescanOptions {
  /** Files reported changed since they were read: read again even though they are known. */
  changed: ReadonlySet<string>;
  /** False once a newer scan has started: this one stops at its next batch and changes nothing more. */
  isCurrent: () => boolean;
  /** Enough new files were read to show them (see progressSchedule). */
  onProgress: () => void;
}

export interface RescanResult {
  /** Candidate files found in all folders. */
  found: number;
  /** Of those, read in this pass. */
  read: number;
  /** Folders whose walk a limit (depth, entries) cut short: files beyond it are not shown. */
  truncated: string[];
  /** Folders that could not be listed, with the reason. */
  unlisted: string[];
}

/** What a truncated walk means, for the log. */
export const SCAN_LIMITS = `${DEFAULT_SCAN_MAX_DEPTH} folders deep or ${DEFAULT_SCAN_MAX_ENTRIES.toLocaleString('en-US')} entries`;

/**
 * Walks every folder, reads what is new or changed into `files`, and forgets the files no longer
 * found. Undefined when a newer scan took over (nothing is forgotten then: that scan decides).
 */
export async function rescanFolders(
  fs: WorkspaceFileSystem,
  folders: readonly ScanFolder[],
  files: ScannedFiles,
  options: RescanOptions,
): Promise<RescanResult | undefined> {
  const found = new Set<string>();
  const result: RescanResult = { found: 0, read: 0, truncated: [], unlisted: [] };
  const showProgress = progressSchedule();
  for (const folder of folders) {
    try {
      const batches = scanFolderFiles(folder.root, {
        fs,
        manifests: true,
        exclude: folder.exclude,
        shouldRead: (path) => !files.has(path) || options.changed.has(path),
      });
      for await (const batch of batches) {
        // A scan that lost the race keeps nothing it read: a newer one may already hold newer bytes.
        if (!options.isCurrent()) return undefined;
        for (const path of batch.found) found.add(path);
        for (const file of batch.files) files.remember(file);
        result.read += batch.files.length;
        if (batch.truncated) result.truncated.push(folder.root);
        if (showProgress(batch.files.length)) options.onProgress();
      }
    } catch (error) {
      result.unlisted.push(`${folder.root} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (!options.isCurrent()) return undefined;
  for (const path of files.paths()) if (!found.has(path)) files.delete(path);
  result.found = found.size;
  return result;
}

/** Reads these files again now (after we wrote them ourselves, or the watcher saw them change). */
export async function rereadFiles(fs: WorkspaceFileSystem, paths: readonly string[], files: ScannedFiles): Promise<void> {
  const read: ScannedFile[] = await mapLimit(paths, 16, (path) => readScannedFile(path, { fs }));
  for (const file of read) files.remember(file);
}
