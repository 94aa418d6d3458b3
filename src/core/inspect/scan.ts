// Folder scanner for Node (the CLI and the benchmark; VS Code uses workspace.findFiles and feeds
// inspectFiles itself). Asynchronous throughout, bounded concurrency, and streaming: batches come
// out as folders are read, so a UI can show the first certificates before the walk ends.
import { constants } from 'node:fs';
import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { BACKUP_FOLDER } from '../pki/store/names';
import { FILE_TOO_LARGE_CODE } from './workspace';
import type { InputFile } from './types';

/** Extensions that may hold certificates or keys; the VS Code glob is built from the same list. */
export const CERTIFICATE_FILE_EXTENSIONS = ['.pem', '.crt', '.cer', '.cert', '.key', '.csr', '.der'] as const;
export const CERTIFICATE_FILE_GLOB = `**/*.{${CERTIFICATE_FILE_EXTENSIONS.map((ext) => ext.slice(1)).join(',')}}`;
// .milvus-tls-backups: the files renew and rotate replaced (src/core/pki/store); an old certificate
// there is not one in use, and listing it would warn about its expiry forever.
export const DEFAULT_EXCLUDED_DIRECTORIES = ['node_modules', '.git', BACKUP_FOLDER] as const;
export const DEFAULT_MAX_BYTES = 1_000_000;

export interface ScanOptions {
  /** Folder names never entered. Default: node_modules, .git. */
  excludeDirectories?: readonly string[];
  /** Extra filter on paths relative to the root ('/'-separated); true skips the file or folder. */
  exclude?: (relativePath: string, isDirectory: boolean) => boolean;
  /** Larger files are not read; they come back as an EFBIG error with the reason. Default 1 MB. */
  maxBytes?: number;
  /** Folders read at once. */
  concurrency?: number;
}

export function isCertificateFileName(name: string): boolean {
  return (CERTIFICATE_FILE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

function errorWithCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Reads one file for inspection, never throwing: failures, oversize files and non-files come back
 * as `bytes` set to an Error. Opens once and stats the handle, so the checks and the read see one file.
 */
export async function readInputFile(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<InputFile> {
  let handle;
  try {
    // Non-blocking, so a FIFO named like a certificate cannot stall the scan waiting for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { path, bytes: asError(error) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { path, bytes: errorWithCode('is a directory', 'EISDIR'), mode: info.mode };
    if (!info.isFile()) return { path, bytes: errorWithCode('not a regular file (a pipe, socket or device)', 'EINVAL'), mode: info.mode };
    if (info.size > maxBytes) {
      return { path, bytes: errorWithCode(`${info.size} bytes, over the ${maxBytes}-byte limit for certificate files`, FILE_TOO_LARGE_CODE), mode: info.mode };
    }
    return { path, bytes: await handle.readFile(), mode: info.mode };
  } catch (error) {
    return { path, bytes: asError(error) };
  } finally {
    await handle.close();
  }
}

/** Runs `task` over `items` with at most `limit` in flight, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface FolderResult {
  files: InputFile[];
  subfolders: string[];
}

/**
 * Yields the candidate files of the tree under `root` in batches (one per round of folders), read
 * and ready for inspectFiles. Symbolic links to folders are not followed (no cycles); links to
 * files are. A folder that cannot be listed is skipped silently unless it is the root.
 */
export async function* scanFolderBatches(root: string, options: ScanOptions = {}): AsyncGenerator<InputFile[]> {
  const excluded = new Set(options.excludeDirectories ?? DEFAULT_EXCLUDED_DIRECTORIES);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const concurrency = options.concurrency ?? 8;
  const isExcluded = (path: string, isDirectory: boolean): boolean =>
    options.exclude?.(relative(root, path).split('\\').join('/'), isDirectory) ?? false;

  const readFolder = async (folder: string): Promise<FolderResult> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === root) throw error;
      return { files: [], subfolders: [] };
    }
    const subfolders: string[] = [];
    const candidates: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        // A folder named "x.pem" is still a folder: walk into it, never try to read it.
        if (!excluded.has(entry.name) && !isExcluded(path, true)) subfolders.push(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isCertificateFileName(entry.name) && !isExcluded(path, false)) {
        candidates.push(path);
      }
    }
    const files = (await mapLimit(candidates, 16, (path) => readInputFile(path, maxBytes)))
      // Only a symlink to a folder gets here as EISDIR: it is neither walked (no cycles) nor reported.
      .filter((file) => !(file.bytes instanceof Error && (file.bytes as NodeJS.ErrnoException).code === 'EISDIR'));
    return { files, subfolders };
  };

  const pending = [root];
  while (pending.length > 0) {
    const round = pending.splice(0, concurrency);
    const results = await mapLimit(round, concurrency, readFolder);
    const batch: InputFile[] = [];
    for (const result of results) {
      pending.push(...result.subfolders);
      batch.push(...result.files);
    }
    if (batch.length > 0) yield batch;
  }
}

/** All candidate files under `root`, read. Convenience over scanFolderBatches. */
export async function scanFolder(root: string, options: ScanOptions & { onBatch?: (batch: InputFile[]) => void } = {}): Promise<InputFile[]> {
  const all: InputFile[] = [];
  for await (const batch of scanFolderBatches(root, options)) {
    options.onBatch?.(batch);
    all.push(...batch);
  }
  return all;
}

/** Whether a path is a folder (for the CLI's PATH arguments). */
export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path)).isDirectory();
}
