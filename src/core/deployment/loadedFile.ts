/**
 * Certificate and key files the deployment references, read once per (mtime, size): the language
 * server re-resolves a deployment on every keystroke, and re-reading and re-parsing three PEM files
 * each time would cost more than the YAML parse itself. A stat is cheap; bytes are read only when it
 * changes. Reads go through the WorkspaceFileSystem, so they are capped, never block on a FIFO, and
 * respect containment. What is kept is what was read, never the bytes: a private key only as its
 * description.
 */
import { createHash } from 'node:crypto';
import type { X509Certificate } from 'node:crypto';
import type { FileReadResult } from '../inspect';
import { readPemOrDerDetailed } from '../inspect/readFile';
import type { FileInfo, WorkspaceFileSystem } from '../workspace';

export interface FileStat {
  mtimeMs: number;
  size: number;
  isFile: boolean;
}

export interface LoadedFile {
  /** Host path, or `manifest#secret/key` for an entry read from a manifest. */
  path: string;
  /** Undefined when the file does not exist. */
  stat: FileStat | undefined;
  /** The parsed certificates by object id, for signature checks (rules/pairs.ts). */
  x509ById?: ReadonlyMap<string, X509Certificate>;
  /** Reading failed (permission, a folder, a device, too large, …). */
  error?: Error;
  read?: FileReadResult;
}

interface CacheEntry {
  statKey: string;
  file: LoadedFile;
}

interface PendingLoad {
  statKey: string;
  file: Promise<LoadedFile>;
}

function statOf(info: FileInfo): FileStat {
  return { mtimeMs: info.mtimeMs, size: info.size, isFile: info.type === 'file' };
}

export class LoadedFileCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly derived = new Map<string, unknown>();
  /** Reads under way: tls.* and internaltls.* usually name the same files, resolved at the same time. */
  private readonly pending = new Map<string, PendingLoad>();
  /** Stats under way, per file system, for the same reason: one stat answers both at that moment. */
  private readonly statting = new WeakMap<WorkspaceFileSystem, Map<string, Promise<FileInfo | undefined>>>();

  async load(fs: WorkspaceFileSystem, filePath: string): Promise<LoadedFile> {
    const info = await this.statOnce(fs, filePath);
    const statKey = info ? `${info.mtimeMs}:${info.size}:${info.type}` : 'missing';
    const cached = this.entries.get(filePath);
    if (cached && cached.statKey === statKey) return cached.file;
    const inFlight = this.pending.get(filePath);
    if (inFlight && inFlight.statKey === statKey) return inFlight.file;
    const file = readLoadedFile(fs, filePath, info);
    this.pending.set(filePath, { statKey, file });
    try {
      const loaded = await file;
      this.entries.set(filePath, { statKey, file: loaded });
      return loaded;
    } finally {
      if (this.pending.get(filePath)?.file === file) this.pending.delete(filePath);
    }
  }

  private statOnce(fs: WorkspaceFileSystem, filePath: string): Promise<FileInfo | undefined> {
    let byPath = this.statting.get(fs);
    if (!byPath) {
      byPath = new Map();
      this.statting.set(fs, byPath);
    }
    const inFlight = byPath.get(filePath);
    if (inFlight) return inFlight;
    const info = fs.stat(filePath);
    byPath.set(filePath, info);
    const settled = (): void => {
      byPath.delete(filePath);
    };
    info.then(settled, settled);
    return info;
  }

  /** An entry whose bytes come from elsewhere (a Secret in a manifest), keyed by a digest of its content. */
  fromBytes(label: string, bytes: Buffer): LoadedFile {
    // A digest, not the bytes: the key of the cache must not hold a Secret's private key either.
    const statKey = `bytes:${bytes.length}:${createHash('sha256').update(bytes).digest('base64')}`;
    const cached = this.entries.get(label);
    if (cached && cached.statKey === statKey) return cached.file;
    const { result, x509ById } = readPemOrDerDetailed(bytes, label);
    const file: LoadedFile = { path: label, stat: { mtimeMs: 0, size: bytes.length, isFile: true }, read: result, x509ById };
    this.entries.set(label, { statKey, file });
    return file;
  }

  /**
   * A result computed from loaded files (e.g. "leaf chains to CA"), kept while none of them change:
   * signature checks cost more than the stat that guards them.
   */
  derive<T>(files: readonly LoadedFile[], name: string, compute: () => T): T {
    const key = `${name}|${files.map((file) => `${file.path}@${this.entries.get(file.path)?.statKey ?? '?'}`).join('|')}`;
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    if (this.derived.size > 1000) this.derived.clear();
    this.derived.set(key, value);
    return value;
  }

  /** Forgets one file (a watcher saw it change) or everything. */
  invalidate(filePath?: string): void {
    if (filePath === undefined) this.entries.clear();
    else this.entries.delete(filePath);
    this.derived.clear();
  }
}

async function readLoadedFile(fs: WorkspaceFileSystem, filePath: string, info: FileInfo | undefined): Promise<LoadedFile> {
  if (!info) return { path: filePath, stat: undefined };
  const stat = statOf(info);
  if (info.type === 'directory') return { path: filePath, stat, error: new Error(`${filePath} is a folder, not a file`) };
  const result = await fs.readFile(filePath);
  if (!result.ok) return { path: filePath, stat, error: new Error(result.message) };
  const { result: read, x509ById } = readPemOrDerDetailed(result.bytes, filePath);
  return { path: filePath, stat, read, x509ById };
}
