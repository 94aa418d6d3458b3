/** The docker-compose model: see composeFile.ts. */
export * from './composeFile';
export { COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_FILE_NAMES, isComposeFileName } from './composeFileLookup';
export { normaliseContainerPath } from './volumes';
export { mergeComposeFiles, uniqueBy } from './merge';
export { parseVolumeSpec, isHostPathSource } from './volumeSpec';
export type { VolumeSpec, VolumeSpecResult } from './volumeSpec';
export { resolveBindSource, isWindowsPath, joinForeign, sameHostPath } from './hostPaths';
export type { MountHost, HostPathBase } from './hostPaths';
export { coveringMount } from './pathMapping';
export type { HostPathOptions } from './pathMapping';
