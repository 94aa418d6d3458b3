/**
 * The docker-compose model: services with their image, Milvus version, environment, volumes and
 * ports, each with source offsets. Read, not validated: the language server uses it to know which
 * environment variables override milvus.yaml and where container paths live on the host.
 *
 * Pure: the caller supplies the text, the variables for `${VAR}` interpolation (default none, so
 * every `${VAR:-default}` takes its default, as on a clean machine) and, for host paths, the
 * compose file name.
 */
import path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { OffsetRange, SourceProblem } from '../config/yamlSource';
import type { MapEntry } from '../config/yamlSource';
import { getEntry, mapEntries, parseYamlWithRanges, rangeOfNode, rangeOrPoint, scalarText, seqItems } from '../config/yamlSource';
import type { MilvusVersion } from './imageVersion';
import { isMilvusImage, milvusImageVersion } from './imageVersion';
import type { ComposeVariables } from './interpolation';
import { interpolate } from './interpolation';
import type { PortMapping } from './ports';
import { parsePortEntry } from './ports';
import type { ComposeSource, VolumeMount } from './volumes';
import { parseVolumeEntry } from './volumes';
import { milvusRoleOf, splitCommandLine } from './command';
import type { IncludeEntry, NamedVolumeDefinition, ServiceFieldTag } from './composeExtras';
import { readComposeExtras } from './composeExtras';

export type { MilvusVersion } from './imageVersion';
export {
  compareMilvusVersions,
  formatMilvusVersion,
  isAtLeastVersion,
  isMilvusImage,
  milvusImageVersion,
  parseImageReference,
  parseMilvusVersion,
} from './imageVersion';
export { milvusRoleOf, splitCommandLine } from './command';
export type { ComposeVariables, InterpolationResult } from './interpolation';
export { interpolate } from './interpolation';
export { parseDotEnv, parseDotEnvEntries } from './dotEnv';
export type { DotEnvEntry } from './dotEnv';
export type { PortMapping } from './ports';
export type { ComposeSource, VolumeMount, VolumeType } from './volumes';
export type { IncludeEntry, NamedVolumeDefinition, ServiceFieldTag } from './composeExtras';
export { mapContainerPath, containerPathsOfHostPath, resolveContainerPath, MILVUS_WORKDIR } from './pathMapping';
export type { ContainerPathMapping, HostPathMount } from './pathMapping';
export type { OffsetRange, SourceProblem } from '../config/yamlSource';

export interface ComposeEnvironmentVariable {
  name: string;
  /** Value after interpolation; undefined when passed through from the host shell (`- KEY`, `KEY:`). */
  value: string | undefined;
  /** Value as written, before interpolation. */
  rawValue: string | undefined;
  form: 'list' | 'map';
  /** The whole entry (`- KEY=value` without the dash, or `KEY: value`). */
  range: OffsetRange;
  nameRange: OffsetRange;
  valueRange?: OffsetRange;
  /** The file the variable is set in; set when the parser was given a file name. */
  definedIn?: ComposeSource;
}

export interface ComposeService {
  name: string;
  /** The service's key, e.g. `standalone` in `services:`. */
  keyRange: OffsetRange;
  /** The service's mapping. */
  range: OffsetRange;
  containerName?: string;
  /** Image after interpolation. */
  image?: string;
  imageRange?: OffsetRange;
  /** Milvus version from the image tag; undefined for non-Milvus images and for latest/master tags. */
  imageVersion?: MilvusVersion;
  /** Command as argv (a string command is split on blanks, honouring quotes). */
  command?: string[];
  /** `standalone`, `proxy`, … when the command is `milvus run <role>`. */
  milvusRole?: string;
  environment: ComposeEnvironmentVariable[];
  /** The `environment:` key and its value block, for quick fixes that add a variable. */
  environmentKeyRange?: OffsetRange;
  environmentRange?: OffsetRange;
  /** `env_file:` entries as written (relative to the compose file); their variables are not read here. */
  envFiles: string[];
  volumes: VolumeMount[];
  volumesKeyRange?: OffsetRange;
  volumesRange?: OffsetRange;
  ports: PortMapping[];
  /** `profiles:`: the service starts only when one of them is active (`--profile`, COMPOSE_PROFILES). */
  profiles: string[];
  /** Fields tagged `!reset` (dropped from the merged model) or `!override` (replacing instead of merging). */
  tags: ServiceFieldTag[];
  /** The file this definition is written in; set when the parser was given a file name. */
  definedIn?: ComposeSource;
  /** The file `image:` is written in (differs from `definedIn` when an override file sets it). */
  imageDefinedIn?: ComposeSource;
  /** Merged services only: each file's own definition, in the order Compose merges them. */
  definitions?: ComposeService[];
}

export interface ComposeFile {
  fileName?: string;
  /** Folder of the compose file (posix), when `fileName` was given. */
  composeDir?: string;
  services: ComposeService[];
  /** Names declared under the top-level `volumes:`. */
  namedVolumes: string[];
  /** The top-level `volumes:` definitions (driver, driver_opts: a local bind names a host folder). */
  volumeDefinitions: NamedVolumeDefinition[];
  /** `include:` entries, as written (interpolated). */
  include: IncludeEntry[];
  /** Syntax errors and unreadable entries, with offsets. Parsing never throws. */
  errors: SourceProblem[];
  /** Line numbers of the text, for messages and provenance. */
  lines: LineCounter;
}

export interface ParseComposeOptions {
  /** Variables for `${VAR}` interpolation, e.g. from parseDotEnv(.env) merged over the shell's. */
  variables?: ComposeVariables;
}

export function parseComposeFile(text: string, fileName?: string, options: ParseComposeOptions = {}): ComposeFile {
  const { document, problems, lineCounter } = parseYamlWithRanges(text);
  const variables = options.variables ?? {};
  const compose: ComposeFile = { services: [], namedVolumes: [], volumeDefinitions: [], include: [], errors: problems, lines: lineCounter };
  if (fileName !== undefined) {
    compose.fileName = fileName;
    compose.composeDir = path.posix.dirname(fileName.replace(/\\/g, '/'));
  }
  const root = document.contents;
  if (root === null) return compose;
  if (!isMap(root)) {
    compose.errors.push(problem('a compose file must be a mapping', rangeOrPoint(root, 0), 'error'));
    return compose;
  }
  const servicesEntry = getEntry(root, 'services', document);
  for (const entry of mapEntries(servicesEntry?.value, document)) {
    const service = parseService(entry.key, entry.keyNode, entry.value, document, variables, compose);
    if (service) compose.services.push(service);
  }
  compose.namedVolumes = mapEntries(getEntry(root, 'volumes', document)?.value, document).map((entry) => entry.key);
  readComposeExtras(root, document, variables, compose);
  return compose;
}

function parseService(
  name: string,
  keyNode: unknown,
  node: unknown,
  document: Document,
  variables: ComposeVariables,
  compose: ComposeFile,
): ComposeService | undefined {
  const keyRange = rangeOrPoint(keyNode, 0);
  if (!isMap(node)) {
    if (node !== null) compose.errors.push(problem(`service "${name}" must be a mapping`, rangeOrPoint(node, keyRange.end), 'warning'));
    return undefined;
  }
  const service: ComposeService = {
    name,
    keyRange,
    range: rangeOrPoint(node, keyRange.end),
    environment: [],
    envFiles: [],
    volumes: [],
    ports: [],
    profiles: [],
    tags: [],
  };
  // Read once: each read expands the service's merges (`<<: *defaults`) again.
  const fields = new Map<string, MapEntry>();
  for (const entry of mapEntries(node, document)) fields.set(entry.key, entry);
  const field = (key: string): MapEntry | undefined => fields.get(key);

  const containerName = scalarText(field('container_name')?.value);
  if (containerName !== undefined) service.containerName = interpolate(containerName, variables).value;

  const imageEntry = field('image');
  const imageText = scalarText(imageEntry?.value);
  if (imageText !== undefined && imageEntry) {
    service.image = interpolate(imageText, variables).value;
    service.imageRange = rangeOrPoint(imageEntry.value, keyRange.end);
    const version = isMilvusImage(service.image) ? milvusImageVersion(service.image) : undefined;
    if (version) service.imageVersion = version;
  }

  const command = readCommand(field('command')?.value, document, variables);
  if (command) {
    service.command = command;
    const role = milvusRoleOf(command);
    if (role !== undefined) service.milvusRole = role;
  }

  const environmentEntry = field('environment');
  if (environmentEntry) {
    service.environmentKeyRange = rangeOrPoint(environmentEntry.keyNode, keyRange.end);
    const range = rangeOfNode(environmentEntry.value);
    if (range) service.environmentRange = range;
    service.environment = readEnvironment(environmentEntry.value, document, variables, compose);
  }

  const envFileValue = field('env_file')?.value;
  if (isSeq(envFileValue)) {
    for (const resolved of seqItems(envFileValue, document)) {
      const text = isMap(resolved) ? scalarText(getEntry(resolved, 'path', document)?.value) : scalarText(resolved);
      if (text !== undefined) service.envFiles.push(interpolate(text, variables).value);
    }
  } else if (scalarText(envFileValue) !== undefined) {
    service.envFiles.push(interpolate(scalarText(envFileValue) ?? '', variables).value);
  }

  const volumesEntry = field('volumes');
  if (volumesEntry) {
    service.volumesKeyRange = rangeOrPoint(volumesEntry.keyNode, keyRange.end);
    const range = rangeOfNode(volumesEntry.value);
    if (range) service.volumesRange = range;
    const context = {
      variables,
      problems: compose.errors,
      ...(compose.composeDir !== undefined ? { composeDir: compose.composeDir } : {}),
    };
    for (const item of seqItems(volumesEntry.value, document)) {
      const mount = parseVolumeEntry(item, document, context);
      if (mount) service.volumes.push(mount);
    }
  }

  for (const item of seqItems(field('ports')?.value, document)) {
    const port = parsePortEntry(item, document, variables);
    if (port) service.ports.push(port);
  }
  return service;
}

function readEnvironment(
  node: unknown,
  document: Document,
  variables: ComposeVariables,
  compose: ComposeFile,
): ComposeEnvironmentVariable[] {
  const result: ComposeEnvironmentVariable[] = [];
  if (isSeq(node)) {
    for (const resolved of seqItems(node, document)) {
      const text = scalarText(resolved);
      const range = rangeOrPoint(resolved, 0);
      if (text === undefined) {
        compose.errors.push(problem('environment list entries must be strings ("KEY=value")', range, 'warning'));
        continue;
      }
      // Quotes are part of the YAML scalar, not the value: `- "KEY=a b"` is KEY=a b.
      const textStart = isScalar(resolved) && resolved.type !== 'PLAIN' ? range.start + 1 : range.start;
      const equals = text.indexOf('=');
      const name = equals < 0 ? text : text.slice(0, equals);
      const rawValue = equals < 0 ? undefined : text.slice(equals + 1);
      const variable: ComposeEnvironmentVariable = {
        name: name.trim(),
        value: rawValue === undefined ? undefined : interpolate(rawValue, variables).value,
        rawValue,
        form: 'list',
        range,
        nameRange: { start: textStart, end: textStart + name.length },
      };
      if (rawValue !== undefined) variable.valueRange = { start: textStart + equals + 1, end: range.end - (textStart - range.start) };
      result.push(variable);
    }
    return result;
  }
  for (const entry of mapEntries(node, document)) {
    const nameRange = rangeOrPoint(entry.keyNode, 0);
    const rawValue = entry.value === null || (isScalar(entry.value) && entry.value.value === null) ? undefined : scalarText(entry.value);
    if (rawValue === undefined && entry.value !== null && !isScalar(entry.value)) {
      compose.errors.push(problem(`environment variable ${entry.key} must have a scalar value`, nameRange, 'warning'));
      continue;
    }
    const valueRange = rangeOfNode(entry.value);
    const variable: ComposeEnvironmentVariable = {
      name: entry.key,
      value: rawValue === undefined ? undefined : interpolate(rawValue, variables).value,
      rawValue,
      form: 'map',
      range: { start: nameRange.start, end: valueRange?.end ?? nameRange.end },
      nameRange,
    };
    if (valueRange && rawValue !== undefined) variable.valueRange = valueRange;
    result.push(variable);
  }
  return result;
}

function readCommand(node: unknown, document: Document, variables: ComposeVariables): string[] | undefined {
  if (isSeq(node)) {
    return seqItems(node, document).map((item) => interpolate(scalarText(item) ?? '', variables).value);
  }
  const text = scalarText(node);
  if (text === undefined || text === '') return undefined;
  return splitCommandLine(interpolate(text, variables).value);
}

/** Services that run Milvus: a Milvus image, or a `milvus run <role>` command. */
export function findMilvusServices(compose: ComposeFile): ComposeService[] {
  return compose.services.filter((service) => isMilvusImage(service.image) || service.milvusRole !== undefined);
}

function problem(message: string, range: OffsetRange, severity: SourceProblem['severity']): SourceProblem {
  return { message, offset: range.start, end: range.end, severity, code: 'compose-structure' };
}
