// The files the Certificates view has read, by path, and the inspection of all of them. Pure (no
// editor import): the scanner finds and reads files and hands them here. A file is kept as what was
// read from it, not as its bytes: a private key stays in memory as its description (type, size,
// public-key fingerprint) only, and the buffer it was read into is zeroed.
import type { InputFile, WorkspaceInspection } from '../../core/inspect/types';
import type { InspectInput, InspectOptions } from '../../core/inspect/workspace';
import { inspectFiles, prepareFile } from '../../core/inspect/workspace';

export class ScannedFiles {
  private readonly files = new Map<string, InspectInput>();

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Takes the file's bytes: they are read here and then overwritten. */
  set(input: InputFile): void {
    this.files.set(input.path, prepareFile(input));
    if (Buffer.isBuffer(input.bytes)) input.bytes.fill(0);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  clear(): void {
    this.files.clear();
  }

  inspect(now: Date, options: InspectOptions): WorkspaceInspection {
    const files = [...this.files.values()].sort((a, b) => a.path.localeCompare(b.path));
    return inspectFiles(files, now, options);
  }
}
