// The certificate-file scanner of every front: the one workspace walker (src/core/workspace/walk.ts)
// finds the files and a WorkspaceFileSystem reads them (capped, never opening a FIFO): node:fs for
// the CLI and the benchmark, vscode.workspace.fs (contained in Restricted Mode) for the Certificates
// view. Batches come out as folders are read, so a view can show the first certificates early.
import { extname } from 'node:path';
import type { ReadResult, WorkspaceFileSystem } from '../workspace';
import { mapLimit, nodeFileSystem, walkFileBatches } from '../workspace';
import { BACKUP_FOLDER } from '../pki/store/names';
import { FILE_TOO_LARGE_CODE } from './workspace';
import { manifestCertificateEntries } from '../kubernetes/manifestCertificates';
import type { InputFile } from './types';

/** Extensions that may hold certificates or keys; the VS Code glob is built from the same list. */
export const CERTIFICATE_FILE_EXTENSIONS = ['.pem', '.crt', '.cer', '.cert', '.key', '.csr', '.der'] as const;
export const CERTIFICATE_FILE_GLOB = `**/*.{${CERTIFICATE_FILE_EXTENSIONS.map((ext) => ext.slice(1)).join(',')}}`;
/** Kubernetes manifests, which may hold certificates and keys in Secrets. */
export const MANIFEST_FILE_GLOB = '**/*.{yaml,yml}';
// .milvus-tls-backups: the files renew and rotate replaced (src/core/pki/store); an old certificate
// there is not one in use, and listing it would warn about its expiry forever.
export const DEFAULT_EXCLUDED_DIRECTORIES = ['node_modules', '.git', BACKUP_FOLDER] as const;
export const DEFAULT_MAX_BYTES = 1_000_000;
/** Limits of the walk (a repository can hold anything): folder depth and directory entries looked at. */
export const DEFAULT_SCAN_MAX_DEPTH = 64;
export const DEFAULT_SCAN_MAX_ENTRIES = 1_000_000;
const READ_CONCURRENCY = 16;

export interface ReadOptions {
  /** Where the files are read from. Default: node:fs (nodeFileSystem()). */
  fs?: WorkspaceFileSystem;
  /** Larger files are not read; they come back as an EFBIG error with the reason. Default 1 MB. */
  maxBytes?: number;
}

export interface ScanOptions extends ReadOptions {
  /** Folder names never entered. Default: node_modules, .git, .milvus-tls-backups. */
  excludeDirectories?: readonly string[];
  /** Extra filter on paths relative to the root ('/'-separated); true skips the file or folder. */
  exclude?: (relativePath: string, isDirectory: boolean) => boolean;
  /** Folders read at once. */
  concurrency?: number;
  /** Limits of the walk: folder depth and entries looked at. */
  maxDepth?: number;
  maxEntries?: number;
  /** Also the certificates and keys inside Kubernetes Secret manifests (*.yaml, *.yml), as `file#secret/key`. */
  manifests?: boolean;
  /**
   * Whether to read a file the walk found (default: every one). The ones not read are still listed
   * in the batch's `found`, so a view that keeps what it read can read only new or changed files.
   */
  shouldRead?: (path: string) => boolean;
}

/** One file as read: a certificate file is one input, a manifest one per Secret key that holds PEM. */
export interface ScannedFile {
  path: string;
  inputs: InputFile[];
  /** For manifest entries: the input's path (`file#secret/key`) and the 0-based line of its key. */
  entryLines: [string, number][];
}

export interface ScanBatch {
  /** Every candidate file of this round, read or not (see ScanOptions.shouldRead). */
  found: string[];
  /** The candidates read. */
  files: ScannedFile[];
  /** True when a limit (depth, entries) stopped the walk here: files beyond it were not looked at. */
  truncated: boolean;
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
    case 'directory':
      return errorWithCode('is a directory', 'EISDIR');
    case 'not-a-file':
      return errorWithCode('not a regular file (a pipe, socket or device)', 'EINVAL');
    case 'too-large':
      return errorWithCode(`${size ?? 'more than'} bytes, over the ${maxBytes}-byte limit for certificate files`, FILE_TOO_LARGE_CODE);
    case 'missing':
      return errorWithCode(result.message, 'ENOENT');
    // Only a contained file system refuses: the Certificates view's in Restricted Mode.
    case 'outside-workspace':
      return errorWithCode('it leads outside the workspace folders, which are not read in Restricted Mode', 'EIO');
    default:
      return errorWithCode(result.message, result.code ?? 'EIO');
  }
}

/**
 * Reads one file for inspection, never throwing: failures, oversize files and non-files come back
 * as `bytes` set to an Error. The file system opens it once and checks what it opened (nodeFileSystem:
 * fstat on the handle), so the checks and the read see one file.
 */
export async function readInputFile(path: string, options: ReadOptions = {}): Promise<InputFile> {
  const fs = options.fs ?? nodeFileSystem();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const result = await fs.readFile(path, maxBytes);
  if (result.ok) return { path, bytes: result.bytes, ...(result.info.mode !== undefined ? { mode: result.info.mode } : {}) };
  const size = result.reason === 'too-large' ? (await fs.stat(path))?.size : undefined;
  return { path, bytes: readError(result, maxBytes, size) };
}

/** The Secret entries of a manifest that hold PEM, with the line of each key; none for any other YAML file, or one that cannot be read. */
async function readManifest(path: string, options: ReadOptions): Promise<ScannedFile> {
  const result = await (options.fs ?? nodeFileSystem()).readFile(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!result.ok) return { path, inputs: [], entryLines: [] };
  const text = result.bytes.toString('utf8');
  // The manifest may hold a private key: our copy of its bytes does not outlive the parse.
  result.bytes.fill(0);
  const entries = manifestCertificateEntries(path, text);
  return { path, inputs: entries.map((entry) => entry.input), entryLines: entries.map((entry) => [entry.input.path, entry.line]) };
}

export async function readManifestInputs(path: string, options: ReadOptions = {}): Promise<InputFile[]> {
  return (await readManifest(path, options)).inputs;
}

function isManifestName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** One candidate as the scan reads it: a YAML file as a manifest, anything else as a certificate file. */
export async function readScannedFile(path: string, options: ReadOptions = {}): Promise<ScannedFile> {
  return isManifestName(path) ? readManifest(path, options) : { path, inputs: [await readInputFile(path, options)], entryLines: [] };
}

/** Only a symlink to a folder fails as EISDIR: it is neither walked (no cycles) nor reported. */
function isLinkedFolder(file: ScannedFile): boolean {
  const bytes = file.inputs[0]?.bytes;
  return file.inputs.length === 1 && bytes instanceof Error && (bytes as NodeJS.ErrnoException).code === 'EISDIR';
}

/**
 * The candidate files of the tree under `root`, one batch per round of folders, read and ready for
 * inspectFiles. Symbolic links to folders are not followed (no cycles); links to files are read
 * (where the file system allows: a contained one refuses a link that leads outside). A root that
 * cannot be listed is an error; other unlistable folders are skipped.
 */
export async function* scanFolderFiles(root: string, options: ScanOptions = {}): AsyncGenerator<ScanBatch> {
  const fs = options.fs ?? nodeFileSystem();
  if ((await fs.readDirectory(root)) === undefined) throw errorWithCode(`cannot list ${root}`, (await fs.stat(root)) ? 'EACCES' : 'ENOENT');
  const readOptions: ReadOptions = { fs, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  const isExcluded = (path: string, isDirectory: boolean): boolean =>
    options.exclude?.(fs.path.relative(root, path).split(fs.path.sep).join('/'), isDirectory) ?? false;
  const wanted = (name: string): boolean => isCertificateFileName(name) || (options.manifests === true && isManifestName(name));
  const walk = walkFileBatches(fs, root, wanted, {
    excludeFolders: options.excludeDirectories ?? DEFAULT_EXCLUDED_DIRECTORIES,
    includeHidden: true,
    skipFolder: (folder) => isExcluded(folder, true),
    maxDepth: options.maxDepth ?? DEFAULT_SCAN_MAX_DEPTH,
    maxEntries: options.maxEntries ?? DEFAULT_SCAN_MAX_ENTRIES,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  for await (const { files: paths, truncated } of walk) {
    const found = paths.filter((path) => !isExcluded(path, false));
    const toRead = options.shouldRead ? found.filter(options.shouldRead) : found;
    const files = (await mapLimit(toRead, READ_CONCURRENCY, (path) => readScannedFile(path, readOptions))).filter(
      (file) => !isLinkedFolder(file),
    );
    if (found.length > 0 || truncated) yield { found, files, truncated };
  }
}

/** The inputs of scanFolderFiles, flattened: what the CLI and the benchmark inspect. */
export async function* scanFolderBatches(root: string, options: ScanOptions = {}): AsyncGenerator<InputFile[]> {
  for await (const batch of scanFolderFiles(root, options)) {
    const inputs = batch.files.flatMap((file) => file.inputs);
    if (inputs.length > 0) yield inputs;
  }
}

/** All candidate files under `root`, read. Convenience over scanFolderBatches. */
export async function scanFolder(
  root: string,
  options: ScanOptions & { onBatch?: (batch: InputFile[]) => void } = {},
): Promise<InputFile[]> {
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
