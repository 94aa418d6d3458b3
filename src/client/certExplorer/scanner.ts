// Keeps the Certificates view's inspection of the workspace current: walks each workspace folder with
// the one certificate walker of every front (src/core/inspect/scan.ts, through folderScan.ts) over the
// editor's file system (diskFileSystem: contained to the workspace folders unless the workspace is
// trusted, so a link to a file outside is not read), and rereads what a debounced file watcher
// reports. Emits snapshots while it reads, so the view fills in while a large workspace is still read.
import path from 'node:path';
import * as vscode from 'vscode';
import { CERTIFICATE_FILE_GLOB, MANIFEST_FILE_GLOB } from '../../core/inspect/scan';
import type { WorkspaceInspection } from '../../core/inspect/types';
import { parseManifestEntryPath } from '../../core/kubernetes/manifestCertificates';
import { diskFileSystem } from '../diskFileSystem';
import type { ScanFolder } from './folderScan';
import { rereadFiles, rescanFolders, SCAN_LIMITS } from './folderScan';
import { ScannedFiles } from './scannedFiles';
import { filesExcludeFilter, isExcludedPath } from './scanPlan';

export interface ScanSnapshot {
  inspection: WorkspaceInspection;
  /** False once the whole workspace has been read. */
  scanning: boolean;
}

const DEBOUNCE_MS = 300;

/** A workspace folder as the walk sees it, with its own files.exclude (a folder setting may differ). */
function scanFolderOf(folder: vscode.WorkspaceFolder): ScanFolder {
  const filesExclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude');
  return { root: folder.uri.fsPath, exclude: filesExcludeFilter(filesExclude) };
}

/** The workspace folders on disk. */
function scanFolders(): ScanFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map(scanFolderOf);
}

type WatchedChange = 'created' | 'changed' | 'deleted';

export class CertificateScanner implements vscode.Disposable {
  readonly #files = new ScannedFiles();
  readonly #changed = new Set<string>();
  readonly #onDidUpdate = new vscode.EventEmitter<ScanSnapshot>();
  readonly onDidUpdate = this.#onDidUpdate.event;
  readonly #disposables: vscode.Disposable[] = [this.#onDidUpdate];
  #generation = 0;
  #debounce: NodeJS.Timeout | undefined;
  #rescanPending = false;
  #latest: ScanSnapshot | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly warnDays: () => number,
  ) {
    for (const glob of [CERTIFICATE_FILE_GLOB, MANIFEST_FILE_GLOB]) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      // A new or deleted file may change what the walk finds (and where its limits fall): rescan,
      // which reads only what is new. A changed file we already know is simply read again.
      watcher.onDidCreate((uri) => this.schedule(uri, 'created'), this, this.#disposables);
      watcher.onDidDelete((uri) => this.schedule(uri, 'deleted'), this, this.#disposables);
      watcher.onDidChange((uri) => this.schedule(uri, 'changed'), this, this.#disposables);
      this.#disposables.push(watcher);
    }
    vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(undefined), this, this.#disposables);
    vscode.workspace.onDidChangeConfiguration(
      (event) => {
        if (event.affectsConfiguration('files.exclude')) this.schedule(undefined);
      },
      this,
      this.#disposables,
    );
    // Links that Restricted Mode kept us from following are read now: forget what was read under it.
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void this.refresh().catch((error: unknown) => this.logFailure(error)),
      this,
      this.#disposables,
    );
  }

  get latest(): ScanSnapshot | undefined {
    return this.#latest;
  }

  /** Where an inspected input lives: a manifest entry's file and key line; undefined for a plain file. */
  locate(path: string): { file: string; line: number | undefined } | undefined {
    const entry = parseManifestEntryPath(path);
    return entry ? { file: entry.file, line: this.#files.lineOf(path) } : undefined;
  }

  /** Forgets everything and reads the workspace again (the Refresh button). */
  async refresh(): Promise<void> {
    this.#files.clear();
    await this.rescan();
  }

  /** Walks the folders again; reads only the files not read yet or reported changed. */
  async rescan(): Promise<void> {
    const generation = ++this.#generation;
    const changed = new Set(this.#changed);
    this.#changed.clear();
    const started = Date.now();
    const result = await rescanFolders(diskFileSystem(), scanFolders(), this.#files, {
      changed,
      isCurrent: () => generation === this.#generation,
      onProgress: () => this.emit(true),
    });
    if (!result) {
      // The newer scan reads these again: they may not have been read by this one.
      for (const path of changed) this.#changed.add(path);
      return;
    }
    this.emit(false);
    const truncated =
      result.truncated.length > 0
        ? `; the walk of ${result.truncated.join(', ')} stopped at its limit (${SCAN_LIMITS}): files beyond it are not shown`
        : '';
    this.log.info(`certificates: ${result.found} files inspected (${result.read} read) in ${Date.now() - started} ms${truncated}`);
    for (const folder of result.unlisted) this.log.warn(`certificates: cannot list the workspace folder ${folder}`);
  }

  /** Reads these files again now, without waiting for the watcher (after we wrote them ourselves). */
  async reread(paths: readonly string[]): Promise<void> {
    await rereadFiles(diskFileSystem(), paths, this.#files);
    this.emit(this.#latest?.scanning ?? false);
  }

  /** Re-inspects without reading, e.g. when the warning window changes. */
  reinspect(): void {
    if (this.#latest) this.emit(this.#latest.scanning);
  }

  private schedule(uri: vscode.Uri | undefined, change?: WatchedChange): void {
    if (uri && this.isExcluded(uri)) return;
    if (uri && change === 'changed' && this.#files.has(uri.fsPath)) this.#changed.add(uri.fsPath);
    else this.#rescanPending = true;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  /** Where the walk never looks (node_modules, .git, files.exclude): a watcher event there changes nothing. */
  private isExcluded(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || folder.uri.scheme !== 'file') return false;
    return isExcludedPath(path.relative(folder.uri.fsPath, uri.fsPath), scanFolderOf(folder).exclude);
  }

  private async flush(): Promise<void> {
    this.#debounce = undefined;
    try {
      if (this.#rescanPending) {
        this.#rescanPending = false;
        await this.rescan();
        return;
      }
      const changed = [...this.#changed];
      this.#changed.clear();
      await this.reread(changed);
    } catch (error) {
      this.logFailure(error);
    }
  }

  private logFailure(error: unknown): void {
    this.log.error(`certificates: rescan failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  private emit(scanning: boolean): void {
    const inspection = this.#files.inspect(new Date(), { warnDays: this.warnDays() });
    this.#latest = { inspection, scanning };
    this.#onDidUpdate.fire(this.#latest);
  }

  dispose(): void {
    clearTimeout(this.#debounce);
    this.#generation++;
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
