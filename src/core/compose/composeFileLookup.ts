/**
 * Which compose files belong to a Milvus config: those named like Docker Compose's defaults in the
 * config's folder or one of its parents, up to a root (the workspace folder). Pure over a list of
 * existing paths; composeFileLookupOnDisk.ts does the file-system part.
 */
import path from 'node:path';

/** Docker Compose's default file names, in its order of preference within one folder. */
export const COMPOSE_FILE_NAMES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

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

export function isComposeFileName(fileName: string): boolean {
  return COMPOSE_FILE_NAMES.includes(path.posix.basename(fileName));
}
