// Folder scanner for Node (the CLI and the benchmark): the one workspace walker (src/core/workspace/
// walk.ts) finds the files, the node file system reads them (capped, never blocking on a FIFO), and
// batches come out as folders are read, so a UI can show the first certificates before the walk ends.
import { extname, relative } from 'node:path';
import type { ReadResult } from '../workspace';
import { mapLimit, nodeFileSystem, walkFileBatches } from '../workspace';
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
  /** Limits of the walk (a repository can hold anything): folder depth and entries looked at. */
  maxDepth?: number;
  maxEntries?: number;
}

export function isCertificateFileName(name: string): boolean {
  return (CERTIFICATE_FILE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

function errorWithCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** The inspection's error for a failed read, with the errno-style code it keys its messages on. */
function readError(result: ReadResult & { ok: false }, maxBytes: number, size: number | undefined): Error {
  switch (result.reason) {
    case 'directory': return errorWithCode('is a directory', 'EISDIR');
    case 'not-a-file': return errorWithCode('not a regular file (a pipe, socket or device)', 'EINVAL');
    case 'too-large': return errorWithCode(`${size ?? 'more than'} bytes, over the ${maxBytes}-byte limit for certificate files`, FILE_TOO_LARGE_CODE);
    case 'missing': return errorWithCode(result.message, 'ENOENT');
    default: return errorWithCode(result.message, result.code ?? 'EIO');
  }
}

/**
 * Reads one file for inspection, never throwing: failures, oversize files and non-files come back
 * as `bytes` set to an Error. One open and an fstat on the handle (nodeFileSystem), so the checks and
 * the read see one file.
 */
export async function readInputFile(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<InputFile> {
  const fs = nodeFileSystem();
  const result = await fs.readFile(path, maxBytes);
  if (result.ok) return { path, bytes: result.bytes, ...(result.info.mode !== undefined ? { mode: result.info.mode } : {}) };
  const size = result.reason === 'too-large' ? (await fs.stat(path))?.size : undefined;
  return { path, bytes: readError(result, maxBytes, size) };
}

/**
 * Yields the candidate files of the tree under `root` in batches (one per round of folders), read
 * and ready for inspectFiles. Symbolic links to folders are not followed (no cycles); links to
 * files are. A root that cannot be listed is an error; other unlistable folders are skipped.
 */
export async function* scanFolderBatches(root: string, options: ScanOptions = {}): AsyncGenerator<InputFile[]> {
  const fs = nodeFileSystem();
  if ((await fs.readDirectory(root)) === undefined) throw errorWithCode(`cannot list ${root}`, (await fs.stat(root)) ? 'EACCES' : 'ENOENT');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const isExcluded = (path: string, isDirectory: boolean): boolean =>
    options.exclude?.(relative(root, path).split('\\').join('/'), isDirectory) ?? false;
  const walk = walkFileBatches(fs, root, (name) => isCertificateFileName(name), {
    excludeFolders: options.excludeDirectories ?? DEFAULT_EXCLUDED_DIRECTORIES,
    includeHidden: true,
    skipFolder: (folder) => isExcluded(folder, true),
    maxDepth: options.maxDepth ?? 64,
    maxEntries: options.maxEntries ?? 1_000_000,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  for await (const { files: paths } of walk) {
    const candidates = paths.filter((path) => !isExcluded(path, false));
    const files = (await mapLimit(candidates, 16, (path) => readInputFile(path, maxBytes)))
      // Only a symlink to a folder gets here as EISDIR: it is neither walked (no cycles) nor reported.
      .filter((file) => !(file.bytes instanceof Error && (file.bytes as NodeJS.ErrnoException).code === 'EISDIR'));
    if (files.length > 0) yield files;
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

/** Whether a path is a folder (for the CLI's PATH arguments); throws like stat when it does not exist. */
export async function isDirectory(path: string): Promise<boolean> {
  const info = await nodeFileSystem().stat(path);
  if (!info) throw errorWithCode(`no such file or folder: ${path}`, 'ENOENT');
  return info.type === 'directory';
}
