// Test workspaces: a copy of a folder from the repo, so that tests never change the repo's examples.
import { cp, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** Copies `source` into `parent` (keeping its name, which the explorer shows) and returns the copy. */
export async function copyWorkspace(source: string, parent: string): Promise<string> {
  const target = join(parent, basename(source));
  await cp(source, target, { recursive: true });
  return target;
}

/** Names of the files in `dir`, sorted; an empty list if it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}
