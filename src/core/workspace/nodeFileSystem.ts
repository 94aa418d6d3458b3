/**
 * node:fs behind the WorkspaceFileSystem interface, for the CLI and the language server. One open,
 * then fstat on the handle, so the checks and the read see the same file; O_NONBLOCK so a FIFO
 * named like a certificate cannot stall us waiting for a writer.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { DirectoryEntry, EntryType, FileInfo, PathApi, ReadResult, WorkspaceFileSystem } from './fileSystem';
import { DEFAULT_MAX_READ_BYTES, failure } from './fileSystem';

function entryType(stats: { isFile(): boolean; isDirectory(): boolean }): EntryType {
  return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** O_NONBLOCK does not exist on Windows, where opening a named pipe this way does not block. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function nodeFileSystem(pathApi: PathApi = path): WorkspaceFileSystem {
  return {
    path: pathApi,
    async stat(filePath): Promise<FileInfo | undefined> {
      try {
        const stats = await fs.stat(filePath);
        return { type: entryType(stats), size: stats.size, mtimeMs: stats.mtimeMs };
      } catch {
        return undefined;
      }
    },
    async readFile(filePath, maxBytes = DEFAULT_MAX_READ_BYTES): Promise<ReadResult> {
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(filePath, READ_FLAGS);
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'ENOENT' || code === 'ENOTDIR') return failure('missing', filePath);
        if (code === 'EISDIR') return failure('directory', filePath);
        return failure(
          'unreadable',
          filePath,
          code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message,
          code,
        );
      }
      try {
        const stats = await handle.stat();
        const info: FileInfo = { type: entryType(stats), size: stats.size, mtimeMs: stats.mtimeMs, mode: stats.mode };
        if (info.type === 'directory') return failure('directory', filePath);
        if (info.type === 'other') return failure('not-a-file', filePath);
        if (stats.size > maxBytes) return failure('too-large', filePath, `${maxBytes} bytes`);
        // Read at most maxBytes + 1 even if the file grew since fstat: the cap holds for a file being appended to.
        const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size, 0) + 1));
        let length = 0;
        while (length < buffer.length) {
          const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
          if (bytesRead === 0) break;
          length += bytesRead;
        }
        if (length > maxBytes) return failure('too-large', filePath, `${maxBytes} bytes`);
        return { ok: true, bytes: buffer.subarray(0, length), info };
      } catch (error) {
        return failure('unreadable', filePath, (error as Error).message);
      } finally {
        await handle.close();
      }
    },
    async readDirectory(folder): Promise<DirectoryEntry[] | undefined> {
      try {
        const entries = await fs.readdir(folder, { withFileTypes: true });
        return entries.map((entry) => ({
          name: entry.name,
          type: entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other',
        }));
      } catch {
        return undefined;
      }
    },
    async realpath(filePath): Promise<string | undefined> {
      try {
        return await fs.realpath(filePath);
      } catch {
        return undefined;
      }
    },
    mayRead: () => Promise.resolve(true),
  };
}
