/**
 * The server's view of the disk: the workspace file system (node:fs, with the editor's unsaved text
 * over it, and contained to the workspace folders in an untrusted workspace), the caches that make a
 * re-check per keystroke cheap, and the workspace's certificate file names. The only server file
 * that decides how files are read.
 */
import type { ResolveContext } from '../core/deployment';
import { LoadedFileCache, ParseCache } from '../core/deployment';
import { isCertificateFileName } from '../core/inspect';
import type { OpenDocumentLookup, WorkspaceFileSystem } from '../core/workspace';
import { containedFileSystem, nodeFileSystem, overlayFileSystem, walkFiles } from '../core/workspace';

/** Certificate files listed for the tlsMode 2 client check: bounded like every walk. */
const CERTIFICATE_WALK = { maxDepth: 6, maxEntries: 20_000 } as const;

export interface WorkspaceFilesOptions {
  roots: readonly string[];
  /** False in Restricted Mode: nothing outside the roots is read. */
  trusted: boolean;
  /** The disk (node:fs by default); tests pass a memory file system. */
  disk?: WorkspaceFileSystem;
}

export class WorkspaceFiles {
  readonly cache = new LoadedFileCache();
  readonly parsed = new ParseCache();
  private readonly disk: WorkspaceFileSystem;

  constructor(private readonly options: WorkspaceFilesOptions) {
    const disk = options.disk ?? nodeFileSystem();
    this.disk = options.trusted ? disk : containedFileSystem(disk, { roots: options.roots });
  }

  get roots(): readonly string[] {
    return this.options.roots;
  }

  /** A resolve context that sees the open documents' text instead of the disk's. */
  context(openDocument: OpenDocumentLookup): ResolveContext {
    return { fs: overlayFileSystem(this.disk, openDocument), cache: this.cache, parsed: this.parsed };
  }

  /** Certificate and key files under the roots (names only, nothing read). */
  async certificateFiles(): Promise<string[]> {
    const found: string[] = [];
    for (const root of this.options.roots) {
      found.push(...(await walkFiles(this.disk, root, (name) => isCertificateFileName(name), CERTIFICATE_WALK)).files);
    }
    return found;
  }

  /** Forget what was read from a file (a watcher saw it change), or everything. */
  invalidate(filePath?: string): void {
    this.cache.invalidate(filePath);
    this.parsed.forget(filePath);
  }
}
