// Where the set goes, as a path for the file system and as the label the user reads ("tls/").
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The absolute folder for `folder` (as typed in the wizard or the setting), relative to `workspaceRoot`. */
export function resolveOutputDir(workspaceRoot: string, folder: string): string {
  return resolve(workspaceRoot, folder.trim());
}

/** "tls/" inside the workspace folder, "./" for the folder itself, the absolute path outside it. */
export function outputFolderLabel(workspaceRoot: string, absoluteDir: string): string {
  const path = relative(workspaceRoot, absoluteDir);
  if (path === '') return './';
  if (path.startsWith('..') || isAbsolute(path)) return absoluteDir;
  return `${path.split(sep).join('/')}/`;
}
