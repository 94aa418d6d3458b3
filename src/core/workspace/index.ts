/** The workspace as files: one small file-system interface and its adapters (see fileSystem.ts). */
export type { DirectoryEntry, EntryType, FileInfo, PathApi, ReadFailure, ReadResult, WorkspaceFileSystem } from './fileSystem';
export { DEFAULT_MAX_READ_BYTES, failure, isInsideFolder, readFailureMessage, readText } from './fileSystem';
export { nodeFileSystem } from './nodeFileSystem';
export { containedFileSystem } from './containment';
export type { ContainmentOptions } from './containment';
export { overlayFileSystem } from './overlay';
export type { OpenDocumentLookup } from './overlay';
export { memoryFileSystem } from './memoryFileSystem';
export { walkFiles, walkFileBatches, DEFAULT_EXCLUDED_FOLDERS } from './walk';
export type { WalkOptions, WalkResult, WantedFile } from './walk';
export { mapLimit } from './pool';
export { localMachine } from './hostMachine';
export type { HostMachine } from './hostMachine';
