/**
 * Which compose files belong to a Milvus config: those named like Docker Compose's defaults in the
 * config's folder or one of its parents, up to a root (the workspace folder). Pure over a list of
 * existing paths; composeFileLookupOnDisk.ts does the file-system part.
 */
import path from 'node:path';

/** Docker Compose's default file names, in its order of preference within one folder (compose-go cli DefaultFileNames). */
export const COMPOSE_FILE_NAMES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/**
 * The override file Compose adds beside whichever default file it picked, in its order of preference
 * (DefaultOverrideFileNames). An override file alone is not a project: Compose keeps looking upwards.
 */
export const COMPOSE_OVERRIDE_FILE_NAMES: readonly string[] = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/** Folders from the config's own folder up to `rootDir` (inclusive), nearest first. */
export function foldersUpToRoot(configPath: string, rootDir: string): string[] {
  const root = path.posix.resolve(rootDir);
  let folder = path.posix.dirname(path.posix.resolve(configPath));
  const folders: string[] = [];
  // A config outside the root gets only its own folder: never climb past what the caller allowed.
  const insideRoot = folder === root || folder.startsWith(root === '/' ? '/' : `${root}/`);
  for (;;) {
    folders.push(folder);
    if (!insideRoot || folder === root) break;
    const parent = path.posix.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return folders;
}

/** Every path worth checking on disk, nearest folder first, preferred name first. */
export function composeFileCandidates(configPath: string, rootDir: string): string[] {
  return foldersUpToRoot(configPath, rootDir).flatMap((folder) => COMPOSE_FILE_NAMES.map((name) => path.posix.join(folder, name)));
}

/**
 * From `existingPaths` (any list of files, e.g. a workspace listing), the compose files that apply
 * to `configPath`: same folder or a parent up to `rootDir`, nearest folder first.
 */
export function findComposeFilesForConfig(configPath: string, existingPaths: readonly string[], rootDir: string): string[] {
  const existing = new Set(existingPaths.map((candidate) => path.posix.resolve(candidate)));
  return composeFileCandidates(configPath, rootDir).filter((candidate) => existing.has(candidate));
}

/** A default compose file or an override file, by name (either path flavour). */
export function isComposeFileName(fileName: string): boolean {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return COMPOSE_FILE_NAMES.includes(name) || COMPOSE_OVERRIDE_FILE_NAMES.includes(name);
}
