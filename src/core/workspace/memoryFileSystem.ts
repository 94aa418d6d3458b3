/**
 * A file system held in a map, for tests and for checking text that is not on disk. Paths are
 * absolute in the given flavour; folders exist implicitly above every file.
 */
import path from 'node:path';
import type { DirectoryEntry, PathApi, WorkspaceFileSystem } from './fileSystem';
import { DEFAULT_MAX_READ_BYTES, failure } from './fileSystem';

export function memoryFileSystem(files: Readonly<Record<string, string | Buffer>>, pathApi: PathApi = path.posix): WorkspaceFileSystem {
  const normalised = new Map(
    Object.entries(files).map(([name, content]) => [pathApi.resolve(name), typeof content === 'string' ? Buffer.from(content) : content]),
  );
  const isFolder = (folder: string): boolean => {
    const prefix = folder.endsWith(pathApi.sep) ? folder : folder + pathApi.sep;
    return [...normalised.keys()].some((name) => name.startsWith(prefix));
  };
  return {
    path: pathApi,
    stat(filePath) {
      const absolute = pathApi.resolve(filePath);
      const bytes = normalised.get(absolute);
      if (bytes) return Promise.resolve({ type: 'file', size: bytes.length, mtimeMs: 0 });
      return Promise.resolve(isFolder(absolute) ? { type: 'directory', size: 0, mtimeMs: 0 } : undefined);
    },
    readFile(filePath, maxBytes = DEFAULT_MAX_READ_BYTES) {
      const absolute = pathApi.resolve(filePath);
      const bytes = normalised.get(absolute);
      if (!bytes) return Promise.resolve(failure(isFolder(absolute) ? 'directory' : 'missing', filePath));
      if (bytes.length > maxBytes) return Promise.resolve(failure('too-large', filePath, `${maxBytes} bytes`));
      // A copy, as a disk read gives: a reader may zero its buffer (a private key) without changing the file.
      return Promise.resolve({ ok: true, bytes: Buffer.from(bytes), info: { type: 'file', size: bytes.length, mtimeMs: 0 } });
    },
    readDirectory(folder) {
      const absolute = pathApi.resolve(folder);
      if (!isFolder(absolute)) return Promise.resolve(undefined);
      const entries = new Map<string, DirectoryEntry>();
      for (const name of normalised.keys()) {
        const relative = pathApi.relative(absolute, name);
        if (relative.startsWith('..') || relative === '') continue;
        const [first, ...rest] = relative.split(pathApi.sep);
        if (first !== undefined) entries.set(first, { name: first, type: rest.length > 0 ? 'directory' : 'file' });
      }
      return Promise.resolve([...entries.values()]);
    },
    realpath(filePath) {
      const absolute = pathApi.resolve(filePath);
      return Promise.resolve(normalised.has(absolute) || isFolder(absolute) ? absolute : undefined);
    },
    mayRead: () => Promise.resolve(true),
  };
}
