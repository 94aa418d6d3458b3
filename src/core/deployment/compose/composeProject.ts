/**
 * The compose files `docker compose` would load for a folder, read through the workspace file system
 * and interpolated with the `.env` beside them, as Compose does. Every deployment front gets its
 * compose model here, so a rule about which files Compose reads lives in one place.
 */
import type { ComposeFile, ComposeVariables } from '../../compose';
import { COMPOSE_FILE_NAMES, parseDotEnv } from '../../compose';
import { readText } from '../../workspace';
import type { ResolveContext } from '../context';

export interface ComposeProject {
  /** The folder Compose runs in (relative paths resolve against it). */
  dir: string;
  /** Files read, in the order Compose merges them. */
  files: string[];
  /** The model (merged, when Compose merges several files). */
  compose: ComposeFile;
  /** What could not be read, for notes. */
  problems: string[];
}

/** The compose file Compose picks in a folder (its order of preference), if any. */
export async function composeFileIn(dir: string, context: ResolveContext): Promise<string | undefined> {
  for (const name of COMPOSE_FILE_NAMES) {
    const candidate = context.fs.path.join(dir, name);
    if ((await context.fs.stat(candidate))?.type === 'file') return candidate;
  }
  return undefined;
}

/** Variables for `${VAR}` interpolation: the folder's `.env` (the editor's own environment is not the deployment shell). */
async function projectVariables(dir: string, context: ResolveContext, shellVariables: ComposeVariables): Promise<ComposeVariables> {
  const dotEnv = await readText(context.fs, context.fs.path.join(dir, '.env'));
  return { ...(dotEnv.text !== undefined ? parseDotEnv(dotEnv.text) : {}), ...shellVariables };
}

export async function loadComposeProject(composePath: string, context: ResolveContext, shellVariables: ComposeVariables = {}): Promise<ComposeProject | undefined> {
  const dir = context.fs.path.dirname(composePath);
  const read = await readText(context.fs, composePath);
  if (read.text === undefined) return undefined;
  const variables = await projectVariables(dir, context, shellVariables);
  return { dir, files: [composePath], compose: context.parsed.compose(composePath, read.text, variables), problems: [] };
}
