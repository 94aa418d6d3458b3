/**
 * What resolving a deployment needs besides the request: the file system to read through and the
 * caches that make re-resolving on every keystroke cheap. One per front (the language server keeps
 * one for its lifetime; the CLI makes one per run).
 */
import type { ComposeVariables } from '../compose/interpolation';
import type { HostMachine, WorkspaceFileSystem } from '../workspace';
import { LoadedFileCache } from './loadedFile';
import { ParseCache } from './parseCache';

export interface ResolveContext {
  fs: WorkspaceFileSystem;
  cache: LoadedFileCache;
  parsed: ParseCache;
  /** Home folder and path case rules of the machine; default: this one, for the file system's path flavour. */
  machine?: HostMachine;
  /**
   * The environment of the shell that would run `docker compose` (it wins over `.env`, and may set
   * COMPOSE_FILE). Default none: the editor's own environment is not the user's deployment shell.
   */
  shellEnvironment?: ComposeVariables;
}

export function resolveContext(
  fs: WorkspaceFileSystem,
  options: Pick<ResolveContext, 'machine' | 'shellEnvironment'> = {},
): ResolveContext {
  return { fs, cache: new LoadedFileCache(), parsed: new ParseCache(), ...options };
}
