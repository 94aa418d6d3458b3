/**
 * Service volume entries, short syntax (`[SOURCE:]TARGET[:MODE]`, split and classified as Compose's
 * ParseVolume does: volumeSpec.ts) and long syntax (`type`, `source`, `target`, `read_only`, `bind`,
 * `volume`), interpolated with the compose variables first, as Compose does.
 *
 * Where a bind source is on the host depends on the machine and the project folder, so it is left to
 * the project loader (hostPaths.ts), which sets `host`. Whether a source is a file or a folder is a
 * property of the host file system, left to the caller.
 */
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { OffsetRange, SourceProblem } from '../config/yamlSource';
import { fieldsOf, rangeOrPoint, scalarText, stringOfValue } from '../config/yamlSource';
import type { MountHost } from './hostPaths';
import type { ComposeVariables } from './interpolation';
import { interpolate } from './interpolation';
import { parseVolumeSpec } from './volumeSpec';

export type VolumeType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image' | 'anonymous';

/** The compose file a value is written in, with its line numbers (for "docker-compose.override.yml:7"). */
export interface ComposeSource {
  fileName: string;
  lines: LineCounter;
}

export interface VolumeMount {
  type: VolumeType;
  syntax: 'short' | 'long';
  /** Host path (bind, as written after interpolation, may be relative) or volume name. */
  source?: string;
  /**
   * `source` resolved against the compose file's folder with posix paths, for binds, when that folder
   * is known to the parser. The project loader's `host` is the machine-aware answer.
   */
  hostPath?: string;
  /** Where the source is on this machine: set by the project loader for binds and bind-backed named volumes. */
  host?: MountHost;
  /** Absolute container path, normalised (no trailing slash, no `..`). */
  target: string;
  readOnly: boolean;
  /** Short-syntax mode options (`ro`, `rw`, `z`, `Z`, `cached`, …). */
  options: string[];
  /** Bind options: propagation (`rslave`, …), SELinux label (`z`, `Z`), whether Docker creates a missing source. */
  propagation?: string;
  selinux?: string;
  createHostPath?: boolean;
  /** Volume option `nocopy`. */
  noCopy?: boolean;
  /** The entry as written, before interpolation (short syntax) or a `source:target` summary. */
  raw: string;
  /** Offsets of the whole entry in the compose file it is written in (`definedIn`). */
  range: OffsetRange;
  /** Variables used without a value and without a default: the expansion may differ on the host. */
  unsetVariables: string[];
  /** The file the entry is written in; set when the parser was given a file name. */
  definedIn?: ComposeSource;
}

export interface VolumeParseContext {
  variables: ComposeVariables;
  /** Folder of the compose file, absolute; relative bind sources resolve against it. */
  composeDir?: string;
  problems: SourceProblem[];
}

const KNOWN_TYPES: readonly VolumeType[] = ['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'];

/** Parses one entry of a service's `volumes:` list; undefined (with a problem) when unusable. */
export function parseVolumeEntry(node: unknown, document: Document, context: VolumeParseContext): VolumeMount | undefined {
  const range = rangeOrPoint(node, 0);
  if (isScalar(node)) return parseShortVolume(scalarText(node) ?? '', range, context);
  if (isMap(node)) return parseLongVolume(fieldsOf(node, document), range, context);
  context.problems.push(problem('volume entry must be a string or a mapping', range));
  return undefined;
}

export function parseShortVolume(raw: string, range: OffsetRange, context: VolumeParseContext): VolumeMount | undefined {
  const expansion = interpolate(raw, context.variables);
  for (const message of expansion.errors) context.problems.push(problem(message, range));
  const parsed = parseVolumeSpec(expansion.value);
  if (!parsed.ok) {
    context.problems.push(problem(`volume "${raw}": ${parsed.error}`, range));
    return undefined;
  }
  const { spec } = parsed;
  if (!spec.target.startsWith('/')) context.problems.push(problem(`volume "${raw}": the container path must be absolute`, range));
  const mount: VolumeMount = {
    type: spec.source === undefined ? 'anonymous' : spec.type,
    syntax: 'short',
    target: normaliseContainerPath(spec.target),
    readOnly: spec.readOnly,
    options: spec.options,
    raw,
    range,
    unsetVariables: expansion.unsetVariables,
  };
  if (spec.source !== undefined) mount.source = spec.source;
  if (spec.propagation !== undefined) mount.propagation = spec.propagation;
  if (spec.selinux !== undefined) mount.selinux = spec.selinux;
  if (spec.noCopy) mount.noCopy = true;
  // Short syntax keeps the legacy behaviour: Docker creates a missing bind source as a folder.
  if (mount.type === 'bind') mount.createHostPath = true;
  setHostPath(mount, context.composeDir);
  return mount;
}

function parseLongVolume(entry: Record<string, unknown>, range: OffsetRange, context: VolumeParseContext): VolumeMount | undefined {
  const unsetVariables: string[] = [];
  const expandField = (value: unknown): string | undefined => {
    if (value === undefined || value === null) return undefined;
    const expansion = interpolate(stringOfValue(value), context.variables);
    for (const message of expansion.errors) context.problems.push(problem(message, range));
    unsetVariables.push(...expansion.unsetVariables.filter((name) => !unsetVariables.includes(name)));
    return expansion.value;
  };
  const typeText = expandField(entry.type) ?? 'volume';
  const source = expandField(entry.source);
  const target = expandField(entry.target);
  if (!(KNOWN_TYPES as readonly string[]).includes(typeText)) {
    context.problems.push(problem(`volume type "${typeText}" is not one of ${KNOWN_TYPES.join(', ')}`, range));
  }
  if (target === undefined || target === '') {
    context.problems.push(problem('long-syntax volume needs a "target"', range));
    return undefined;
  }
  if (typeText === 'bind' && (source === undefined || source === '')) {
    context.problems.push(problem('a volume of type "bind" needs a "source"', range));
    return undefined;
  }
  const type: VolumeType =
    typeText === 'volume' && (source === undefined || source === '')
      ? 'anonymous'
      : (KNOWN_TYPES as readonly string[]).includes(typeText)
        ? (typeText as VolumeType)
        : 'volume';
  const mount: VolumeMount = {
    type,
    syntax: 'long',
    target: normaliseContainerPath(target),
    readOnly: isTrue(expandField(entry.read_only)),
    options: [],
    raw: `${source ?? ''}:${target}`,
    range,
    unsetVariables,
  };
  if (source !== undefined && source !== '') mount.source = source;
  const bind = isRecord(entry.bind) ? entry.bind : {};
  if (type === 'bind') {
    // Long syntax: a `bind:` block defaults create_host_path to true (compose-go defaultVolumeBind); without one a missing source is an error.
    mount.createHostPath = isRecord(entry.bind) && (bind.create_host_path === undefined || isTrue(expandField(bind.create_host_path)));
    const propagation = expandField(bind.propagation);
    const selinux = expandField(bind.selinux);
    if (propagation !== undefined) mount.propagation = propagation;
    if (selinux !== undefined) mount.selinux = selinux;
  }
  if (isRecord(entry.volume) && isTrue(expandField(entry.volume.nocopy))) mount.noCopy = true;
  setHostPath(mount, context.composeDir);
  return mount;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === 'True' || value === 'TRUE' || value === 'yes';
}

function setHostPath(mount: VolumeMount, composeDir: string | undefined): void {
  if (mount.type !== 'bind' || mount.source === undefined) return;
  // `~` is the host user's home and `C:\…` another platform's path: the project loader knows the machine.
  if (mount.source.startsWith('~') || !/^[./]/.test(mount.source)) return;
  if (mount.source.startsWith('/')) {
    mount.hostPath = path.posix.normalize(mount.source).replace(/(.)\/$/, '$1');
    return;
  }
  if (composeDir !== undefined) mount.hostPath = path.posix.resolve(composeDir, mount.source);
}

/** `/a/b/../c/` → `/a/c`. Relative paths are returned normalised but still relative. */
export function normaliseContainerPath(containerPath: string): string {
  const normalised = path.posix.normalize(containerPath);
  return normalised.length > 1 ? normalised.replace(/\/$/, '') : normalised;
}

function problem(message: string, range: OffsetRange): SourceProblem {
  return { message, offset: range.start, end: range.end, severity: 'warning', code: 'compose-volume' };
}
