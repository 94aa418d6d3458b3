/**
 * The compose project `docker compose` would load for a folder, read through the workspace file
 * system, interpolated with the `.env` beside it and merged as Compose merges: the compose file and
 * its override (or COMPOSE_FILE's list: composeSelection.ts), each file's `include:`s before it, every
 * bind source resolved on this machine (`~`, Windows drives: compose/hostPaths.ts). Every deployment
 * front gets its compose model here, so a rule about which files Compose reads lives in one place.
 */
import type { ComposeFile, ComposeVariables, IncludeEntry } from '../../compose';
import { mergeComposeFiles, parseDotEnv, resolveBindSource } from '../../compose';
import type { HostPathBase } from '../../compose';
import type { HostMachine } from '../../workspace';
import { localMachine, readText } from '../../workspace';
import type { ResolveContext } from '../context';
import type { ComposeSelection } from './composeSelection';
import { composeSelectionIn, composeSelectionOf } from './composeSelection';

export interface ComposeProject {
  /** The project folder: relative paths in the project's own files resolve against it. */
  dir: string;
  /** The project's files, in the order Compose merges them (the compose file, then its override). */
  files: string[];
  /** Files read through `include:`, each resolved against its own folder. */
  included: string[];
  selectedBy: ComposeSelection['selectedBy'];
  /** The model: every file merged with Compose's rules. */
  compose: ComposeFile;
  /** Profiles COMPOSE_PROFILES turns on (services in other profiles do not start by default). */
  activeProfiles: string[];
  /** What could not be read or was refused, for notes. */
  problems: string[];
}

/** `include:` nesting Compose would follow here; deeper is refused (a repository can hold anything). */
export const MAX_INCLUDE_DEPTH = 5;
/** Files one project may read, includes and overrides together. */
export const MAX_PROJECT_FILES = 32;

/** The first compose file Compose loads in a folder (the default file, or COMPOSE_FILE's first), if any. */
export async function composeFileIn(dir: string, context: ResolveContext): Promise<string | undefined> {
  return (await composeSelectionIn(dir, context))?.files[0];
}

/** The project `docker compose` would load in `folder`; undefined when there is none (or it cannot be read). */
export async function loadComposeProjectIn(folder: string, context: ResolveContext): Promise<ComposeProject | undefined> {
  const selection = await composeSelectionIn(folder, context);
  return selection ? loadSelection(selection, context) : undefined;
}

/**
 * The project a compose file belongs to: its folder's (with the override, or COMPOSE_FILE's list) when
 * Compose loads it there, else the file alone, as `docker compose -f FILE` reads it.
 */
export async function loadComposeProject(
  composePath: string,
  context: ResolveContext,
  shellVariables: ComposeVariables = {},
): Promise<ComposeProject | undefined> {
  const withShell: ResolveContext = { ...context, shellEnvironment: { ...context.shellEnvironment, ...shellVariables } };
  return loadSelection(await composeSelectionOf(composePath, withShell), withShell);
}

async function loadSelection(selection: ComposeSelection, context: ResolveContext): Promise<ComposeProject | undefined> {
  const loader = new ProjectLoader(context, context.machine ?? localMachine(context.fs.path), selection.dir);
  for (const [index, file] of selection.files.entries()) {
    const loaded = await loader.load(file, selection.dir, selection.variables, [], 0, true);
    // Compose refuses a project whose first file it cannot read.
    if (!loaded && index === 0) return undefined;
  }
  if (loader.parsed.length === 0) return undefined;
  const compose = withNamedVolumeHosts(mergeComposeFiles(loader.parsed), loader.hostBase(selection.dir));
  const profiles = selection.variables.COMPOSE_PROFILES;
  return {
    dir: selection.dir,
    files: loader.files,
    included: loader.included,
    selectedBy: selection.selectedBy,
    compose,
    activeProfiles:
      profiles === undefined
        ? []
        : profiles
            .split(',')
            .map((profile) => profile.trim())
            .filter((profile) => profile !== ''),
    problems: loader.problems,
  };
}

class ProjectLoader {
  readonly parsed: ComposeFile[] = [];
  readonly files: string[] = [];
  readonly included: string[] = [];
  readonly problems: string[] = [];

  constructor(
    private readonly context: ResolveContext,
    private readonly machine: HostMachine,
    private readonly projectDir: string,
  ) {}

  hostBase(baseDir: string): HostPathBase {
    return { pathApi: this.context.fs.path, baseDir, homeDir: this.machine.homeDir };
  }

  /** Reads one file (after its includes); false when it could not be read. */
  async load(
    file: string,
    baseDir: string,
    variables: ComposeVariables,
    stack: readonly string[],
    depth: number,
    topLevel: boolean,
  ): Promise<boolean> {
    if (this.files.length + this.included.length >= MAX_PROJECT_FILES) {
      this.problems.push(`${this.shown(file)} not read: a project reads at most ${MAX_PROJECT_FILES} compose files`);
      return false;
    }
    const read = await readText(this.context.fs, file);
    if (read.text === undefined) {
      this.problems.push(read.failure?.message ?? `${this.shown(file)} cannot be read`);
      return false;
    }
    (topLevel ? this.files : this.included).push(file);
    const compose = this.context.parsed.compose(file, read.text, variables);
    for (const problem of compose.errors.filter((candidate) => candidate.severity === 'error')) {
      this.problems.push(`${this.shown(file)}:${compose.lines.linePos(problem.offset).line}: ${problem.message}`);
    }
    for (const entry of compose.include) await this.include(entry, file, baseDir, variables, [...stack, file], depth + 1);
    this.parsed.push(withBindHosts(compose, this.hostBase(baseDir)));
    return true;
  }

  /** An `include:` entry: its files relative to the including project's folder, resolved against their own. */
  private async include(
    entry: IncludeEntry,
    from: string,
    baseDir: string,
    variables: ComposeVariables,
    stack: readonly string[],
    depth: number,
  ): Promise<void> {
    const pathApi = this.context.fs.path;
    const paths = entry.paths.map((entryPath) => pathApi.resolve(baseDir, entryPath));
    const [first] = paths;
    if (first === undefined) return;
    if (depth > MAX_INCLUDE_DEPTH) {
      this.problems.push(`${this.shown(from)} includes ${this.shown(first)}, more than ${MAX_INCLUDE_DEPTH} levels deep: not read`);
      return;
    }
    const caseInsensitive = this.machine.caseInsensitivePaths;
    const same = (a: string, b: string): boolean => (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
    if (stack.some((file) => same(file, first))) {
      this.problems.push(`include cycle: ${[...stack, first].map((file) => this.shown(file)).join(' → ')}; Compose refuses this project`);
      return;
    }
    const ownDir = entry.projectDirectory !== undefined ? pathApi.resolve(baseDir, entry.projectDirectory) : pathApi.dirname(first);
    const envFiles =
      entry.envFiles.length > 0 ? entry.envFiles.map((file) => pathApi.resolve(baseDir, file)) : [pathApi.join(ownDir, '.env')];
    let ownVariables: Record<string, string> = {};
    for (const envFile of envFiles) {
      const text = (await readText(this.context.fs, envFile)).text;
      if (text !== undefined) ownVariables = { ...ownVariables, ...parseDotEnv(text) };
    }
    // The including project's variables win over the included one's .env (compose-go Mapping.Merge).
    const merged = { ...ownVariables, ...variables };
    for (const file of paths) await this.load(file, ownDir, merged, stack, depth, false);
  }

  private shown(file: string): string {
    const relative = this.context.fs.path.relative(this.projectDir, file);
    return relative !== '' && !relative.startsWith('..') ? relative.split(this.context.fs.path.sep).join('/') : file;
  }
}

/** A copy of a parsed file (it may be shared through the parse cache) with its bind sources located on this machine. */
function withBindHosts(compose: ComposeFile, base: HostPathBase): ComposeFile {
  return {
    ...compose,
    services: compose.services.map((service) => ({
      ...service,
      volumes: service.volumes.map((mount) =>
        mount.type === 'bind' && mount.source !== undefined ? { ...mount, host: resolveBindSource(mount.source, base) } : mount,
      ),
    })),
    volumeDefinitions: compose.volumeDefinitions.map((definition) =>
      definition.bindDevice !== undefined ? { ...definition, host: resolveBindSource(definition.bindDevice, base) } : definition,
    ),
  };
}

/** Named volumes backed by a local bind (`driver_opts: {o: bind, device: …}`) lead to that host folder. */
function withNamedVolumeHosts(compose: ComposeFile, projectBase: HostPathBase): ComposeFile {
  const definitions = compose.volumeDefinitions.map((definition) =>
    definition.bindDevice !== undefined && definition.host === undefined
      ? { ...definition, host: resolveBindSource(definition.bindDevice, projectBase) }
      : definition,
  );
  const hostOf = new Map(definitions.flatMap((definition) => (definition.host ? [[definition.name, definition.host] as const] : [])));
  return {
    ...compose,
    volumeDefinitions: definitions,
    services: compose.services.map((service) => ({
      ...service,
      volumes: service.volumes.map((mount) => {
        const host = mount.type === 'volume' && mount.source !== undefined ? hostOf.get(mount.source) : undefined;
        return host ? { ...mount, host } : mount;
      }),
    })),
  };
}
