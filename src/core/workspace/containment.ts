/**
 * Containment: a file system that reads only inside given folders, after resolving symbolic links.
 * Used in Restricted Mode (a cloned repository must not make us read ~/.ssh through a compose volume
 * such as `- /:/host`, an absolute path or a symlink) and by the CLI for paths the user did not name.
 */
import type { WorkspaceFileSystem } from './fileSystem';
import { failure, isInsideFolder } from './fileSystem';

export interface ContainmentOptions {
  /** Folders (host paths) whose contents may be read. */
  roots: readonly string[];
  /** Compare paths case-insensitively (Windows, default macOS volumes). */
  caseInsensitive?: boolean;
}

export function containedFileSystem(inner: WorkspaceFileSystem, options: ContainmentOptions): WorkspaceFileSystem {
  const realRoots = Promise.all(options.roots.map(async (root) => (await inner.realpath(root)) ?? inner.path.resolve(root)));
  const inside = (candidate: string, roots: readonly string[]): boolean =>
    roots.some((root) => isInsideFolder(inner.path, candidate, root, options.caseInsensitive));

  /** Resolves links of the deepest existing ancestor too, so a missing file below a linked folder is judged by where the link goes. */
  const realLocation = async (filePath: string): Promise<string> => {
    const absolute = inner.path.resolve(filePath);
    const real = await inner.realpath(absolute);
    if (real !== undefined) return real;
    const parent = inner.path.dirname(absolute);
    if (parent === absolute) return absolute;
    return inner.path.join(await realLocation(parent), inner.path.basename(absolute));
  };

  const mayRead = async (filePath: string): Promise<boolean> => {
    const roots = await realRoots;
    const absolute = inner.path.resolve(filePath);
    // Both the path as written and where its links lead must be inside: `tls -> /etc` is outside.
    return (
      inside(absolute, roots.concat(options.roots.map((root) => inner.path.resolve(root)))) && inside(await realLocation(absolute), roots)
    );
  };

  return {
    path: inner.path,
    async stat(filePath) {
      return (await mayRead(filePath)) ? inner.stat(filePath) : undefined;
    },
    async readFile(filePath, maxBytes) {
      return (await mayRead(filePath)) ? inner.readFile(filePath, maxBytes) : failure('outside-workspace', filePath);
    },
    async readDirectory(folder) {
      return (await mayRead(folder)) ? inner.readDirectory(folder) : undefined;
    },
    realpath: (filePath) => inner.realpath(filePath),
    mayRead: async (filePath) => (await inner.mayRead(filePath)) && mayRead(filePath),
  };
}
