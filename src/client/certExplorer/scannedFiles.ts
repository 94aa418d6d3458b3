// The files the Certificates view has read, by path, and the inspection of all of them. Pure (no
// editor import): the scanner finds and reads files and hands them here.
import type { InputFile, WorkspaceInspection } from '../../core/inspect/types';
import type { InspectOptions } from '../../core/inspect/workspace';
import { inspectFiles } from '../../core/inspect/workspace';

export class ScannedFiles {
  private readonly files = new Map<string, InputFile>();

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  set(input: InputFile): void {
    this.files.set(input.path, input);
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
