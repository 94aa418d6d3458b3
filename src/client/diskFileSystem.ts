// The extension host's disk as every reader in it sees it (the deployment model, the Certificates
// view): vscode.workspace.fs behind the WorkspaceFileSystem interface, and, in Restricted Mode,
// nothing outside the workspace folders. Kept apart from workspaceContext (workspaceFileSystem.ts) so
// the Certificates view, which starts with the extension, does not load the deployment model.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { DirectoryEntry, EntryType, FileInfo, ReadResult, WorkspaceFileSystem } from '../core/workspace';
import { containedFileSystem, DEFAULT_MAX_READ_BYTES, failure } from '../core/workspace';

function entryType(type: vscode.FileType): EntryType {
  // A symbolic link is reported as its target's type with the SymbolicLink bit set.
  if ((type & vscode.FileType.File) !== 0) return 'file';
  if ((type & vscode.FileType.Directory) !== 0) return 'directory';
  return 'other';
}

/**
 * node's stat for a file: URI: what the editor's disk provider reports, plus the POSIX mode the
 * key-permission lint reads (vscode.FileStat has no mode). Falls back to vscode.workspace.fs when
 * node cannot answer (a provider that is not plain disk).
 */
async function statOf(filePath: string): Promise<FileInfo | undefined> {
  try {
    const stats = await fs.stat(filePath);
    return {
      type: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other',
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      mode: stats.mode,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
  }
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.file(filePath));
    return { type: entryType(stat.type), size: stat.size, mtimeMs: stat.mtime };
  } catch {
    return undefined;
  }
}

export function vscodeFileSystem(): WorkspaceFileSystem {
  return {
    path,
    stat: statOf,
    async readFile(filePath, maxBytes = DEFAULT_MAX_READ_BYTES): Promise<ReadResult> {
      const info = await statOf(filePath);
      if (!info) return failure('missing', filePath);
      if (info.type === 'directory') return failure('directory', filePath);
      // vscode.workspace.fs has no non-blocking open: a FIFO or device is never opened at all.
      if (info.type === 'other') return failure('not-a-file', filePath);
      if (info.size > maxBytes) return failure('too-large', filePath, `${maxBytes} bytes`);
      try {
        const bytes = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(filePath)));
        if (bytes.length > maxBytes) return failure('too-large', filePath, `${maxBytes} bytes`);
        return { ok: true, bytes, info };
      } catch (error) {
        // The editor's errors by name, as node's by errno: "permission denied" reads the same as in the CLI.
        if (error instanceof vscode.FileSystemError && error.code === 'NoPermissions') {
          return failure('unreadable', filePath, 'permission denied', 'EACCES');
        }
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return failure('missing', filePath);
        return failure('unreadable', filePath, error instanceof Error ? error.message : String(error));
      }
    },
    async readDirectory(folder): Promise<DirectoryEntry[] | undefined> {
      try {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder));
        return entries.map(([name, type]) => ({ name, type: (type & vscode.FileType.SymbolicLink) !== 0 ? 'symlink' : entryType(type) }));
      } catch {
        return undefined;
      }
    },
    async realpath(filePath) {
      try {
        return await fs.realpath(filePath);
      } catch {
        return undefined;
      }
    },
    mayRead: () => Promise.resolve(true),
  };
}

/** Folders the extension may read from in Restricted Mode. */
function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
}

/** The disk as the extension may read it now: everything when the workspace is trusted, only inside its folders (links resolved) when not. */
export function diskFileSystem(): WorkspaceFileSystem {
  return vscode.workspace.isTrusted ? vscodeFileSystem() : containedFileSystem(vscodeFileSystem(), { roots: workspaceRoots() });
}
