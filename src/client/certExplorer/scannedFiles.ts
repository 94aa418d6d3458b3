// The files the Certificates view has read, by path, and the inspection of all of them. Pure (no
// editor import): the scanner finds and reads files and hands them here. A file is kept as what was
// read from it, not as its bytes: a private key stays in memory as its description (type, size,
// public-key fingerprint) only, and the buffer it was read into is zeroed.
import type { ScannedFile } from '../../core/inspect/scan';
import type { InputFile, WorkspaceInspection } from '../../core/inspect/types';
import type { InspectInput, InspectOptions } from '../../core/inspect/workspace';
import { inspectFiles, prepareFile } from '../../core/inspect/workspace';
import { parseManifestEntryPath } from '../../core/kubernetes/manifestCertificates';

interface KeptFile {
  inputs: InspectInput[];
  /** Manifest entries (`file#secret/key`) → 0-based line of the key, where a click lands. */
  entryLines: ReadonlyMap<string, number>;
}

export class ScannedFiles {
  /** By the file read: one input for a certificate file, one per Secret key of a Kubernetes manifest. */
  private readonly files = new Map<string, KeptFile>();

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Takes the file's bytes: they are read here and then overwritten. */
  set(input: InputFile): void {
    this.remember({ path: input.path, inputs: [input], entryLines: [] });
  }

  /** What one file holds (several inputs for a manifest's `file#secret/key` entries); their bytes are overwritten too. */
  remember(file: ScannedFile): void {
    this.files.set(file.path, { inputs: file.inputs.map((input) => prepareFile(input)), entryLines: new Map(file.entryLines) });
    for (const input of file.inputs) if (Buffer.isBuffer(input.bytes)) input.bytes.fill(0);
  }

  /** The line of a manifest entry's key; undefined for a plain file or an entry not read. */
  lineOf(entryPath: string): number | undefined {
    const entry = parseManifestEntryPath(entryPath);
    return entry ? this.files.get(entry.file)?.entryLines.get(entryPath) : undefined;
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  clear(): void {
    this.files.clear();
  }

  inspect(now: Date, options: InspectOptions): WorkspaceInspection {
    const files = [...this.files.values()].flatMap((file) => file.inputs).sort((a, b) => a.path.localeCompare(b.path));
    return inspectFiles(files, now, options);
  }
}
