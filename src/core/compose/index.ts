/** The docker-compose model: see composeFile.ts. */
export * from './composeFile';
export { COMPOSE_FILE_NAMES, composeFileCandidates, findComposeFilesForConfig, foldersUpToRoot, isComposeFileName } from './composeFileLookup';
export { normaliseContainerPath } from './volumes';
export { findComposeFilesOnDisk, readComposeFileFromDisk } from './composeFileLookupOnDisk';
export type { ReadComposeOptions } from './composeFileLookupOnDisk';
