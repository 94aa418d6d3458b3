/**
 * The parts of a compose file that matter once several files make one project: `include:`, the
 * top-level `volumes:` definitions (a local-driver bind names a host folder), service `profiles:`,
 * the `!reset` / `!override` merge tags, and which file each value is written in. Read after the
 * services (composeFile.ts), from the same parsed document.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import type { OffsetRange } from '../config/yamlSource';
import { getEntry, mapEntries, rangeOrPoint, resolveAlias, scalarText, stringOfValue } from '../config/yamlSource';
import type { ComposeFile, ComposeService } from './composeFile';
import type { MountHost } from './hostPaths';
import type { ComposeVariables } from './interpolation';
import { interpolate } from './interpolation';
import type { ComposeSource } from './volumes';

export interface IncludeEntry {
  /** The file, then its own overrides (`path:` may be a list), relative to the including project's folder. */
  paths: string[];
  /** `project_directory:`: the folder the included files' relative paths resolve against. */
  projectDirectory?: string;
  /** `env_file:` for the included project's interpolation (default: the `.env` of its folder). */
  envFiles: string[];
  range: OffsetRange;
}

export interface NamedVolumeDefinition {
  /** The key under the top-level `volumes:`. */
  name: string;
  driver?: string;
  driverOpts: Record<string, string>;
  external: boolean;
  keyRange: OffsetRange;
  /**
   * The host folder of a local-driver bind (`driver_opts: {type: none, o: bind, device: …}`): Docker
   * mounts that folder wherever a service mounts the volume.
   */
  bindDevice?: string;
  /** Where `bindDevice` is on this machine: set by the project loader. */
  host?: MountHost;
  definedIn?: ComposeSource;
}

/** A service field tagged `!reset` (removed from the merged model) or `!override` (replaces instead of merging). */
export interface ServiceFieldTag {
  field: string;
  tag: 'reset' | 'override';
}

const MERGE_TAGS: Readonly<Record<string, ServiceFieldTag['tag']>> = { '!reset': 'reset', '!override': 'override' };

export function readComposeExtras(root: unknown, document: Document, variables: ComposeVariables, compose: ComposeFile): void {
  const text = (node: unknown): string | undefined => {
    const value = scalarText(resolveAlias(node, document));
    return value === undefined ? undefined : interpolate(value, variables).value;
  };
  compose.include = readInclude(getEntry(root, 'include', document)?.value, document, text);
  compose.volumeDefinitions = mapEntries(getEntry(root, 'volumes', document)?.value, document).map((entry) =>
    readVolumeDefinition(entry.key, entry.keyNode, entry.value, document, text),
  );
  for (const entry of mapEntries(getEntry(root, 'services', document)?.value, document)) {
    const keyStart = rangeOrPoint(entry.keyNode, -1).start;
    const service = compose.services.find((candidate) => candidate.name === entry.key && candidate.keyRange.start === keyStart);
    if (!service || !isMap(entry.value)) continue;
    const profiles = getEntry(entry.value, 'profiles', document)?.value;
    service.profiles = isSeq(profiles) ? profiles.items.map(text).filter((name): name is string => name !== undefined && name !== '') : [];
    service.tags = readTags(entry.value, document);
    applyOwnResets(service);
  }
  // `!reset` and `!override` are Compose's own tags, not unknown ones.
  compose.errors = compose.errors.filter(
    (problem) => !(problem.code === 'TAG_RESOLVE_FAILED' && /!(reset|override)\b/.test(problem.message)),
  );
  if (compose.fileName !== undefined) stampSource(compose, { fileName: compose.fileName, lines: compose.lines });
}

function readInclude(node: unknown, document: Document, text: (node: unknown) => string | undefined): IncludeEntry[] {
  if (!isSeq(node)) return [];
  const entries: IncludeEntry[] = [];
  for (const item of node.items) {
    const resolved = resolveAlias(item, document);
    const range = rangeOrPoint(resolved, 0);
    if (isScalar(resolved)) {
      const path = text(resolved);
      if (path) entries.push({ paths: [path], envFiles: [], range });
      continue;
    }
    if (!isMap(resolved)) continue;
    const list = (value: unknown): string[] =>
      (isSeq(value) ? value.items.map(text) : [text(value)]).filter((entry): entry is string => entry !== undefined && entry !== '');
    const paths = list(getEntry(resolved, 'path', document)?.value);
    if (paths.length === 0) continue;
    const entry: IncludeEntry = { paths, envFiles: list(getEntry(resolved, 'env_file', document)?.value), range };
    const projectDirectory = text(getEntry(resolved, 'project_directory', document)?.value);
    if (projectDirectory) entry.projectDirectory = projectDirectory;
    entries.push(entry);
  }
  return entries;
}

function readVolumeDefinition(
  name: string,
  keyNode: unknown,
  value: unknown,
  document: Document,
  text: (node: unknown) => string | undefined,
): NamedVolumeDefinition {
  const definition: NamedVolumeDefinition = { name, driverOpts: {}, external: false, keyRange: rangeOrPoint(keyNode, 0) };
  if (!isMap(value)) return definition;
  const driver = text(getEntry(value, 'driver', document)?.value);
  if (driver !== undefined && driver !== '') definition.driver = driver;
  const external = getEntry(value, 'external', document)?.value;
  definition.external = isMap(external) || /^(true|yes)$/i.test(stringOfValue(text(external)));
  for (const option of mapEntries(getEntry(value, 'driver_opts', document)?.value, document)) {
    const optionText = text(option.value);
    if (optionText !== undefined) definition.driverOpts[option.key] = optionText;
  }
  const device = localBindDevice(definition.driver, definition.driverOpts);
  if (device !== undefined) definition.bindDevice = device;
  return definition;
}

/** Docker's local driver runs mount(8) with the options: `o: bind` (or rbind) makes `device` a host folder. */
export function localBindDevice(driver: string | undefined, driverOpts: Readonly<Record<string, string>>): string | undefined {
  const device = driverOpts.device;
  const options = (driverOpts.o ?? '').split(',').map((option) => option.trim());
  return (driver === undefined || driver === 'local') && device && (options.includes('bind') || options.includes('rbind'))
    ? device
    : undefined;
}

function readTags(serviceNode: unknown, document: Document): ServiceFieldTag[] {
  const tags: ServiceFieldTag[] = [];
  if (!isMap(serviceNode)) return tags;
  for (const pair of serviceNode.items) {
    const field = scalarText(resolveAlias(pair.key, document));
    const tagName = (pair.value as { tag?: string } | null)?.tag;
    const tag = tagName !== undefined ? MERGE_TAGS[tagName] : undefined;
    if (field !== undefined && tag !== undefined) tags.push({ field, tag });
  }
  return tags;
}

/** A `!reset` field has no value, in this file as in the merged model. */
function applyOwnResets(service: ComposeService): void {
  for (const { field, tag } of service.tags) {
    if (tag !== 'reset') continue;
    clearField(service, field);
  }
}

/** Removes a field's value from a service (for `!reset`, and before an `!override` replaces it). */
export function clearField(service: ComposeService, field: string): void {
  switch (field) {
    case 'volumes':
      service.volumes = [];
      break;
    case 'ports':
      service.ports = [];
      break;
    case 'environment':
      service.environment = [];
      break;
    case 'env_file':
      service.envFiles = [];
      break;
    case 'profiles':
      service.profiles = [];
      break;
    case 'image':
      delete service.image;
      delete service.imageRange;
      delete service.imageVersion;
      delete service.imageDefinedIn;
      break;
    case 'command':
      delete service.command;
      delete service.milvusRole;
      break;
    case 'container_name':
      delete service.containerName;
      break;
    default:
      break;
  }
}

function stampSource(compose: ComposeFile, source: ComposeSource): void {
  for (const service of compose.services) {
    service.definedIn = source;
    if (service.image !== undefined) service.imageDefinedIn = source;
    for (const item of [...service.volumes, ...service.ports, ...service.environment]) item.definedIn = source;
  }
  for (const definition of compose.volumeDefinitions) definition.definedIn = source;
}
