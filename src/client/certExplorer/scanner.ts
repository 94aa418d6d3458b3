// Finds and reads the workspace's certificate files, asynchronously and in batches, and keeps the
// inspection current with a debounced file watcher. Emits a snapshot after every batch so the view
// fills in while a large workspace is still being read.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { CERTIFICATE_FILE_GLOB, DEFAULT_MAX_BYTES } from '../../core/inspect/scan';
import type { InputFile, WorkspaceInspection } from '../../core/inspect/types';
import { FILE_TOO_LARGE_CODE } from '../../core/inspect/workspace';
import { mapLimit } from '../../core/workspace';
import { ScannedFiles } from './scannedFiles';
import { batches, excludeGlob, isInExcludedDirectory } from './scanPlan';

export interface ScanSnapshot {
  inspection: WorkspaceInspection;
  /** False once the whole workspace has been read. */
  scanning: boolean;
}

const DEBOUNCE_MS = 300;
const READ_CONCURRENCY = 16;

function errorWithCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Reads one file without ever throwing; oversize files come back as the engine's EFBIG error. */
async function readInput(uri: vscode.Uri): Promise<InputFile> {
  const path = uri.fsPath;
  try {
    // Only the local file system has POSIX modes, which the key-permission lint needs.
    const info = uri.scheme === 'file' ? await fs.stat(path) : undefined;
    const size = info ? info.size : (await vscode.workspace.fs.stat(uri)).size;
    if (info?.isDirectory()) return { path, bytes: errorWithCode('is a directory', 'EISDIR') };
    if (size > DEFAULT_MAX_BYTES) {
      return { path, bytes: errorWithCode(`${size} bytes, over the ${DEFAULT_MAX_BYTES}-byte limit for certificate files`, FILE_TOO_LARGE_CODE) };
    }
    // A copy of our own: ScannedFiles reads it and zeroes it; VS Code's array is dropped at once.
    return { path, bytes: Buffer.from(await vscode.workspace.fs.readFile(uri)), mode: info?.mode };
  } catch (error) {
    return { path, bytes: error instanceof Error ? error : new Error(String(error)) };
  }
}

function readAll(uris: readonly vscode.Uri[]): Promise<InputFile[]> {
  return mapLimit(uris, READ_CONCURRENCY, readInput);
}

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

  constructor(private readonly log: vscode.LogOutputChannel, private readonly warnDays: () => number) {
    const watcher = vscode.workspace.createFileSystemWatcher(CERTIFICATE_FILE_GLOB);
    // A new or deleted file may match files.exclude, which only findFiles knows: rescan. A changed
    // file we already know is simply read again.
    watcher.onDidCreate(() => this.schedule(undefined), this, this.#disposables);
    watcher.onDidDelete(() => this.schedule(undefined), this, this.#disposables);
    watcher.onDidChange((uri) => this.schedule(uri), this, this.#disposables);
    this.#disposables.push(watcher);
    vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(undefined), this, this.#disposables);
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('files.exclude')) this.schedule(undefined);
    }, this, this.#disposables);
  }

  get latest(): ScanSnapshot | undefined {
    return this.#latest;
  }

  /** Forgets everything and reads the workspace again (the Refresh button). */
  async refresh(): Promise<void> {
    this.#files.clear();
    await this.rescan();
  }

  /** Finds the files again; reads only the ones not read yet or reported changed. */
  async rescan(): Promise<void> {
    const generation = ++this.#generation;
    const found = await this.findCertificateFiles();
    if (generation !== this.#generation) return;
    const foundPaths = new Set(found.map((uri) => uri.fsPath));
    for (const path of this.#files.paths()) if (!foundPaths.has(path)) this.#files.delete(path);
    const toRead = found.filter((uri) => !this.#files.has(uri.fsPath) || this.#changed.has(uri.fsPath));
    this.#changed.clear();
    const started = Date.now();
    for (const batch of batches(toRead)) {
      for (const input of await readAll(batch)) this.#files.set(input);
      if (generation !== this.#generation) return;
      this.emit(true);
    }
    this.emit(false);
    this.log.info(`certificates: ${found.length} files inspected (${toRead.length} read) in ${Date.now() - started} ms`);
  }

  /** Reads these files again now, without waiting for the watcher (after we wrote them ourselves). */
  async reread(paths: readonly string[]): Promise<void> {
    for (const input of await readAll(paths.map((path) => vscode.Uri.file(path)))) this.#files.set(input);
    this.emit(this.#latest?.scanning ?? false);
  }

  /** Re-inspects without reading, e.g. when the warning window changes. */
  reinspect(): void {
    if (this.#latest) this.emit(this.#latest.scanning);
  }

  private async findCertificateFiles(): Promise<vscode.Uri[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const perFolder = await Promise.all(folders.map((folder) => {
      const filesExclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude');
      return vscode.workspace.findFiles(new vscode.RelativePattern(folder, CERTIFICATE_FILE_GLOB), excludeGlob(filesExclude));
    }));
    return perFolder.flat().sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  }

  private schedule(changed: vscode.Uri | undefined): void {
    if (changed && isInExcludedDirectory(changed.fsPath)) return;
    if (changed && this.#files.has(changed.fsPath)) this.#changed.add(changed.fsPath);
    else this.#rescanPending = true;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.flush(), DEBOUNCE_MS);
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
      this.log.error(`certificates: rescan failed: ${error instanceof Error ? error.message : String(error)}`);
    }
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
