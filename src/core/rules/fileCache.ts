/**
 * Referenced certificate and key files, read once per (mtime, size): the language server re-checks
 * a config on every keystroke, and re-reading and re-parsing three PEM files each time would cost
 * more than the YAML parse itself. A stat is cheap; bytes are read only when it changes. What is
 * kept is what was read, never the bytes: a private key only as its description.
 */
import type { X509Certificate } from 'node:crypto';
import type { FileReadResult } from '../inspect';
import { readPemOrDerDetailed } from '../inspect/readFile';
import type { FileAccess, FileStat } from './types';

export interface LoadedFile {
  path: string;
  /** Undefined when the file does not exist. */
  stat: FileStat | undefined;
  /** The parsed certificates by object id, for signature checks (pairs.ts). */
  x509ById?: ReadonlyMap<string, X509Certificate>;
  /** Reading failed (permission, a folder, …). */
  error?: Error;
  read?: FileReadResult;
}

interface CacheEntry {
  statKey: string;
  file: LoadedFile;
}

export class FileCache {
  private readonly entries = new Map<string, CacheEntry>();

  load(path: string, access: FileAccess): LoadedFile {
    let stat: FileStat | undefined;
    try {
      stat = access.stat(path);
    } catch {
      stat = undefined;
    }
    const statKey = stat ? `${stat.mtimeMs}:${stat.size}:${String(stat.isFile)}` : 'missing';
    const cached = this.entries.get(path);
    if (cached && cached.statKey === statKey) return cached.file;
    const file = readLoadedFile(path, stat, access);
    this.entries.set(path, { statKey, file });
    return file;
  }

  private readonly derived = new Map<string, unknown>();

  /**
   * A result computed from loaded files (e.g. "leaf chains to CA"), kept while none of their stats
   * change: signature checks cost more than the stat that guards them.
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
  invalidate(path?: string): void {
    if (path === undefined) this.entries.clear();
    else this.entries.delete(path);
    this.derived.clear();
  }
}

function readLoadedFile(path: string, stat: FileStat | undefined, access: FileAccess): LoadedFile {
  if (!stat) return { path, stat };
  if (!stat.isFile) return { path, stat, error: new Error(`${path} is a folder, not a file`) };
  try {
    const { result, x509ById } = readPemOrDerDetailed(access.readFile(path), path);
    return { path, stat, read: result, x509ById };
  } catch (error) {
    return { path, stat, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
