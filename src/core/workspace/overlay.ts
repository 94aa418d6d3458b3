/**
 * The editor's unsaved text over the disk: the language server checks what the user sees, so an open
 * milvus.yaml, user.yaml or compose file is read from its document, everything else from disk.
 */
import type { FileInfo, WorkspaceFileSystem } from './fileSystem';
import { DEFAULT_MAX_READ_BYTES, failure } from './fileSystem';

/** Text of an open document at a host path, with a version that changes on every edit. */
export type OpenDocumentLookup = (filePath: string) => { text: string; version: number } | undefined;

export function overlayFileSystem(inner: WorkspaceFileSystem, openDocument: OpenDocumentLookup): WorkspaceFileSystem {
  const openInfo = (filePath: string): FileInfo | undefined => {
    const document = openDocument(filePath);
    // A negative mtime keyed on the version: caches keyed by (mtime, size) never mix it up with the disk.
    return document ? { type: 'file', size: Buffer.byteLength(document.text), mtimeMs: -1 - document.version } : undefined;
  };
  return {
    path: inner.path,
    async stat(filePath) {
      return openInfo(filePath) ?? inner.stat(filePath);
    },
    async readFile(filePath, maxBytes = DEFAULT_MAX_READ_BYTES) {
      const document = openDocument(filePath);
      if (!document) return inner.readFile(filePath, maxBytes);
      if (!(await inner.mayRead(filePath))) return failure('outside-workspace', filePath);
      const bytes = Buffer.from(document.text, 'utf8');
      if (bytes.length > maxBytes) return failure('too-large', filePath, `${maxBytes} bytes`);
      return { ok: true, bytes, info: openInfo(filePath) ?? { type: 'file', size: bytes.length, mtimeMs: 0 } };
    },
    // The same answer as readFile gives, as text: no round trip through bytes.
    async heldText(filePath, maxBytes = DEFAULT_MAX_READ_BYTES) {
      const document = openDocument(filePath);
      if (!document) return inner.heldText?.(filePath, maxBytes);
      if (!(await inner.mayRead(filePath))) return { failure: failure('outside-workspace', filePath) };
      if (Buffer.byteLength(document.text, 'utf8') > maxBytes) return { failure: failure('too-large', filePath, `${maxBytes} bytes`) };
      return { text: document.text };
    },
    readDirectory: (folder) => inner.readDirectory(folder),
    realpath: (filePath) => inner.realpath(filePath),
    mayRead: (filePath) => inner.mayRead(filePath),
  };
}
