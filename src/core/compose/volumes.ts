/**
 * Service volume entries, short syntax (`[SOURCE:]TARGET[:MODE]`) and long syntax
 * (`type`, `source`, `target`, `read_only`), interpolated with the compose variables.
 *
 * Classification follows compose-go: a short-syntax source starting with `.`, `/` or `~` is a bind
 * mount of a host path, anything else is a named volume. Whether a bind source is a file or a
 * folder is a property of the host file system, so it is left to the caller.
 */
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { OffsetRange, SourceProblem } from '../config/yamlSource';
import { rangeOrPoint, scalarText, stringOfValue } from '../config/yamlSource';
import type { ComposeVariables } from './interpolation';
import { interpolate } from './interpolation';

export type VolumeType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image' | 'anonymous';

export interface VolumeMount {
  type: VolumeType;
  syntax: 'short' | 'long';
  /** Host path (bind, as written after interpolation, may be relative) or volume name. */
  source?: string;
  /** `source` resolved against the compose file's folder, for binds; set when the folder is known. */
  hostPath?: string;
  /** Absolute container path, normalised (no trailing slash, no `..`). */
  target: string;
  readOnly: boolean;
  /** Short-syntax mode options (`ro`, `rw`, `z`, `Z`, `cached`, …). */
  options: string[];
  /** The entry as written, before interpolation (short syntax) or a `source:target` summary. */
  raw: string;
  /** Offsets of the whole entry in the compose file. */
  range: OffsetRange;
  /** Variables used without a value and without a default: the expansion may differ on the host. */
  unsetVariables: string[];
}

export interface VolumeParseContext {
  variables: ComposeVariables;
  /** Folder of the compose file, absolute; relative bind sources resolve against it. */
  composeDir?: string;
  problems: SourceProblem[];
}

const KNOWN_TYPES: readonly VolumeType[] = ['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'];

/** Parses one entry of a service's `volumes:` list; undefined (with a problem) when unusable. */
export function parseVolumeEntry(node: unknown, context: VolumeParseContext): VolumeMount | undefined {
  const range = rangeOrPoint(node as never, 0);
  if (isScalar(node)) return parseShortVolume(scalarText(node) ?? '', range, context);
  if (isMap(node)) return parseLongVolume(node.toJSON() as Record<string, unknown>, range, context);
  context.problems.push(problem('volume entry must be a string or a mapping', range));
  return undefined;
}

export function parseShortVolume(raw: string, range: OffsetRange, context: VolumeParseContext): VolumeMount | undefined {
  const expansion = interpolate(raw, context.variables);
  for (const message of expansion.errors) context.problems.push(problem(message, range));
  const parts = expansion.value.split(':');
  let source: string | undefined;
  let target: string;
  let modeText = '';
  if (parts.length === 1) {
    target = parts[0] ?? '';
  } else {
    source = parts[0];
    target = parts[1] ?? '';
    modeText = parts.slice(2).join(':');
  }
  if (target === '' || !target.startsWith('/')) {
    context.problems.push(problem(`volume "${raw}": the container path must be absolute`, range));
    if (target === '') return undefined;
  }
  const options = modeText === '' ? [] : modeText.split(',').filter((option) => option !== '');
  let type: VolumeType;
  if (source === undefined || source === '') type = 'anonymous';
  else if (/^[./~]/.test(source)) type = 'bind';
  else type = 'volume';
  const mount: VolumeMount = {
    type,
    syntax: 'short',
    target: normaliseContainerPath(target),
    readOnly: options.includes('ro'),
    options,
    raw,
    range,
    unsetVariables: expansion.unsetVariables,
  };
  if (source !== undefined && source !== '') mount.source = source;
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
  const readOnlyValue = entry.read_only;
  const readOnly = readOnlyValue === true || readOnlyValue === 'true';
  const type: VolumeType = typeText === 'volume' && (source === undefined || source === '')
    ? 'anonymous'
    : (KNOWN_TYPES as readonly string[]).includes(typeText) ? typeText as VolumeType : 'volume';
  const mount: VolumeMount = {
    type,
    syntax: 'long',
    target: normaliseContainerPath(target),
    readOnly,
    options: [],
    raw: `${source ?? ''}:${target}`,
    range,
    unsetVariables,
  };
  if (source !== undefined && source !== '') mount.source = source;
  setHostPath(mount, context.composeDir);
  return mount;
}

function setHostPath(mount: VolumeMount, composeDir: string | undefined): void {
  if (mount.type !== 'bind' || mount.source === undefined) return;
  // `~` is the host user's home: unknown to pure code, so such mounts keep no hostPath.
  if (mount.source.startsWith('~')) return;
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
