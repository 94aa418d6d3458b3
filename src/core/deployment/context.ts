/**
 * What resolving a deployment needs besides the request: the file system to read through and the
 * caches that make re-resolving on every keystroke cheap. One per front (the language server keeps
 * one for its lifetime; the CLI makes one per run).
 */
import type { WorkspaceFileSystem } from '../workspace';
import { LoadedFileCache } from './loadedFile';
import { ParseCache } from './parseCache';

export interface ResolveContext {
  fs: WorkspaceFileSystem;
  cache: LoadedFileCache;
  parsed: ParseCache;
}

export function resolveContext(fs: WorkspaceFileSystem): ResolveContext {
  return { fs, cache: new LoadedFileCache(), parsed: new ParseCache() };
}
