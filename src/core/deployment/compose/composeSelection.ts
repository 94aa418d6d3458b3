/**
 * Which files `docker compose` loads when run in a folder (compose-go cli/options.go):
 * - COMPOSE_FILE, from the shell or the folder's `.env`, lists them (split on COMPOSE_PATH_SEPARATOR,
 *   else the platform's path-list separator; relative entries against the folder);
 * - else the first default file (compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)
 *   plus the first override file beside it (compose.override.yml, …). An override alone is not a
 *   project.
 * The project folder, against which the files' relative paths resolve, is the first file's folder.
 */
import type { ComposeVariables } from '../../compose';
import { COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_FILE_NAMES, parseDotEnv } from '../../compose';
import { readText } from '../../workspace';
import type { ResolveContext } from '../context';

export interface ComposeSelection {
  /** The folder `docker compose` runs in (where `.env` is read). */
  folder: string;
  /** The project folder: the first file's folder. */
  dir: string;
  /** The project's files, in the order Compose merges them. */
  files: string[];
  /** How they were chosen, for labels and notes. */
  selectedBy: 'default' | 'COMPOSE_FILE in .env' | 'COMPOSE_FILE in the environment' | 'named';
  /** `.env` over nothing, the shell over `.env`: what `${VAR}` expands to. */
  variables: ComposeVariables;
}

/** The folder's `.env` under the shell's variables, as Compose interpolates. */
export async function folderVariables(folder: string, context: ResolveContext): Promise<{ variables: ComposeVariables }> {
  const read = await readText(context.fs, context.fs.path.join(folder, '.env'));
  const dotEnv = read.text !== undefined ? parseDotEnv(read.text) : {};
  return { variables: { ...dotEnv, ...context.shellEnvironment } };
}

/** The first of `names` that is a file in `folder`; the stats run side by side (the language server asks on every keystroke). */
async function firstFileNamed(folder: string, names: readonly string[], context: ResolveContext): Promise<string | undefined> {
  const candidates = names.map((name) => context.fs.path.join(folder, name));
  const found = await Promise.all(candidates.map(async (candidate) => (await context.fs.stat(candidate))?.type === 'file'));
  return candidates[found.indexOf(true)];
}

/** The files `docker compose` run in `folder` would load; undefined when it would find none there. */
export async function composeSelectionIn(folder: string, context: ResolveContext): Promise<ComposeSelection | undefined> {
  const pathApi = context.fs.path;
  const [{ variables }, main, override] = await Promise.all([
    folderVariables(folder, context),
    firstFileNamed(folder, COMPOSE_FILE_NAMES, context),
    firstFileNamed(folder, COMPOSE_OVERRIDE_FILE_NAMES, context),
  ]);
  const listed = variables.COMPOSE_FILE;
  if (listed !== undefined && listed.trim() !== '') {
    const separator = variables.COMPOSE_PATH_SEPARATOR || pathApi.delimiter;
    const files = listed
      .split(separator)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => pathApi.resolve(folder, entry));
    const [first] = files;
    if (first !== undefined) {
      const fromShell = context.shellEnvironment?.COMPOSE_FILE !== undefined;
      return {
        folder,
        dir: pathApi.dirname(first),
        files,
        variables,
        selectedBy: fromShell ? 'COMPOSE_FILE in the environment' : 'COMPOSE_FILE in .env',
      };
    }
  }
  if (main === undefined) return undefined;
  return { folder, dir: folder, files: override !== undefined ? [main, override] : [main], variables, selectedBy: 'default' };
}

/**
 * The selection a given compose file belongs to: the folder's own when the file is one of its files,
 * else the file alone (as `docker compose -f FILE` loads it, without an override).
 */
export async function composeSelectionOf(composePath: string, context: ResolveContext): Promise<ComposeSelection> {
  const pathApi = context.fs.path;
  const folder = pathApi.dirname(pathApi.resolve(composePath));
  const selection = await composeSelectionIn(folder, context);
  const resolved = pathApi.resolve(composePath);
  if (selection?.files.some((file) => file === resolved)) return selection;
  const { variables } = await folderVariables(folder, context);
  return { folder, dir: folder, files: [resolved], variables, selectedBy: 'named' };
}
