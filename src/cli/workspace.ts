// How the CLI reads a project: through the deployment model's file system, contained to the project
// folder (the current folder or --dir) and the paths named on the command line, unless the user
// passes --allow-outside. A repository checked in CI must not make `milvus-tls check` print what a
// compose volume such as `- /:/host` points at.
import path from 'node:path';
import type { ResolveContext } from '../core/deployment';
import { LoadedFileCache, ParseCache } from '../core/deployment';
import { containedFileSystem, nodeFileSystem } from '../core/workspace';

export interface CliWorkspaceOptions {
  /** The project folder (absolute). */
  dir: string;
  /** Files the user named: their folders are readable wherever they are (a config names its project). */
  explicitPaths?: readonly string[];
  allowOutside?: boolean;
}

export const ALLOW_OUTSIDE_HELP =
  '--allow-outside     read files outside the project folder that configs or compose files point at\n' +
  '                    (off by default, so a checked-out repository cannot make us read elsewhere)';

export function cliContext(options: CliWorkspaceOptions): ResolveContext {
  const disk = nodeFileSystem();
  const roots = [options.dir, ...(options.explicitPaths ?? []).map((explicit) => path.dirname(path.resolve(explicit)))];
  const fs = options.allowOutside === true ? disk : containedFileSystem(disk, { roots });
  return { fs, cache: new LoadedFileCache(), parsed: new ParseCache(), shellEnvironment: composeSelectionVariables(process.env) };
}

/**
 * The variables of this shell that choose what `docker compose` run here would load: the file list,
 * its separator and the active profiles. Only those: interpolation of `${VAR}` uses the project's
 * .env, so the CLI and the editor (which does not see the user's shell) agree on every value.
 */
export function composeSelectionVariables(environment: NodeJS.ProcessEnv): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const name of ['COMPOSE_FILE', 'COMPOSE_PATH_SEPARATOR', 'COMPOSE_PROFILES']) {
    const value = environment[name];
    if (value !== undefined && value !== '') chosen[name] = value;
  }
  return chosen;
}
