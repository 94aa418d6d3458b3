/**
 * The file system as the deployment model sees it. Every front reads the workspace through this one
 * small interface: node:fs for the CLI and the language server, vscode.workspace.fs in the extension
 * host, a map in tests. Reads are capped and never block on a FIFO or device, because a workspace is
 * untrusted data: a path in a compose file may point at /dev/zero or a 5 GB file.
 */
import type path from 'node:path';

/** The path functions of one platform's host paths (node:path's posix or win32 object). */
export type PathApi = typeof path.posix;

export type EntryType = 'file' | 'directory' | 'other';

export interface FileInfo {
  /** After following symbolic links. 'other': a FIFO, socket or device. */
  type: EntryType;
  size: number;
  mtimeMs: number;
  /** POSIX permission bits, where the file system has them (the key-permission lint reads them). */
  mode?: number;
}

export type ReadFailure =
  | 'missing'
  | 'directory'
  /** A FIFO, socket or device: never read. */
  | 'not-a-file'
  | 'too-large'
  /** Outside the folders this file system may read (Restricted Mode, or the CLI's project). */
  | 'outside-workspace'
  | 'unreadable';

export type ReadResult =
  | { ok: true; bytes: Buffer; info: FileInfo }
  | { ok: false; reason: ReadFailure; message: string; /** The errno code, when the system gave one. */ code?: string };

export interface DirectoryEntry {
  name: string;
  /** Symbolic links are reported as 'symlink' and never followed by walkers (no cycles). */
  type: EntryType | 'symlink';
}

export interface WorkspaceFileSystem {
  /** How host paths are written on this machine. */
  readonly path: PathApi;
  /** Undefined when nothing is there (or it cannot be seen). */
  stat(filePath: string): Promise<FileInfo | undefined>;
  /** At most `maxBytes` (default DEFAULT_MAX_READ_BYTES); larger files fail with 'too-large'. */
  readFile(filePath: string, maxBytes?: number): Promise<ReadResult>;
  /** Undefined when the folder cannot be listed. */
  readDirectory(folder: string): Promise<DirectoryEntry[] | undefined>;
  /** The path with every symbolic link resolved; undefined when it does not exist. */
  realpath(filePath: string): Promise<string | undefined>;
  /** Whether this file system may read the path (after resolving symbolic links). */
  mayRead(filePath: string): Promise<boolean>;
  /**
   * The text of a file this file system holds as text (an editor's open document), with readFile's
   * checks; undefined when it holds none for the path. readText asks here first, so the language
   * server does not encode a 1,600-line milvus.yaml to bytes and decode it back on every keystroke.
   */
  heldText?(filePath: string, maxBytes?: number): Promise<TextRead | undefined>;
}

export type ReadFailureResult = Extract<ReadResult, { ok: false }>;

/** What readText gives: the text, or why there is none. */
export type TextRead = { text: string; failure?: undefined } | { text?: undefined; failure: ReadFailureResult };

/** Milvus configs, compose files and certificates are small; 1 MB is generous for all of them. */
export const DEFAULT_MAX_READ_BYTES = 1_000_000;

export function readFailureMessage(reason: ReadFailure, filePath: string, detail?: string): string {
  switch (reason) {
    case 'missing':
      return `${filePath} does not exist`;
    case 'directory':
      return `${filePath} is a folder, not a file`;
    case 'not-a-file':
      return `${filePath} is not a regular file (a pipe, socket or device)`;
    case 'too-large':
      return `${filePath} is larger than ${detail ?? 'the limit'} and was not read`;
    case 'outside-workspace':
      return `${filePath} is outside the workspace folders and was not read`;
    case 'unreadable':
      return `${filePath} cannot be read${detail ? `: ${detail}` : ''}`;
  }
}

export function failure(reason: ReadFailure, filePath: string, detail?: string, code?: string): ReadFailureResult {
  return { ok: false, reason, message: readFailureMessage(reason, filePath, detail), ...(code !== undefined ? { code } : {}) };
}

/** The text of a file, or undefined when it cannot be read (the reason is in `failure`). */
export async function readText(fs: WorkspaceFileSystem, filePath: string, maxBytes?: number): Promise<TextRead> {
  const held = await fs.heldText?.(filePath, maxBytes);
  if (held) return held;
  const result = await fs.readFile(filePath, maxBytes);
  return result.ok ? { text: result.bytes.toString('utf8') } : { failure: result };
}

/** Whether `candidate` is `folder` or inside it, in the file system's own path flavour. */
export function isInsideFolder(pathApi: PathApi, candidate: string, folder: string, caseInsensitive = false): boolean {
  const fold = (text: string): string => (caseInsensitive ? text.toLowerCase() : text);
  const relative = pathApi.relative(fold(folder), fold(candidate));
  return relative === '' || (!relative.startsWith('..') && !pathApi.isAbsolute(relative));
}
