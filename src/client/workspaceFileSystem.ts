// The deployment model's file system in the extension host: vscode.workspace.fs (so files open in the
// editor and remote or virtual providers read the same way VS Code does), the editor's unsaved text
// over it, and, in Restricted Mode, nothing outside the workspace folders.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ResolveContext } from '../core/deployment';
import { LoadedFileCache, ParseCache } from '../core/deployment';
import type { DirectoryEntry, EntryType, FileInfo, ReadResult, WorkspaceFileSystem } from '../core/workspace';
import { containedFileSystem, DEFAULT_MAX_READ_BYTES, failure, overlayFileSystem } from '../core/workspace';

function entryType(type: vscode.FileType): EntryType {
  // A symbolic link is reported as its target's type with the SymbolicLink bit set.
  if ((type & vscode.FileType.File) !== 0) return 'file';
  if ((type & vscode.FileType.Directory) !== 0) return 'directory';
  return 'other';
}

async function statOf(filePath: string): Promise<FileInfo | undefined> {
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

/** A fresh context per command: what the workspace holds now, contained when it is not trusted. */
export function workspaceContext(): ResolveContext {
  const disk = vscode.workspace.isTrusted ? vscodeFileSystem() : containedFileSystem(vscodeFileSystem(), { roots: workspaceRoots() });
  const fs = overlayFileSystem(disk, (filePath) => {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'file' && candidate.uri.fsPath === filePath);
    return document ? { text: document.getText(), version: document.version } : undefined;
  });
  return { fs, cache: new LoadedFileCache(), parsed: new ParseCache() };
}
