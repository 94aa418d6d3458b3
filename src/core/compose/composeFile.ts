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
import { getEntry, mapEntries, parseYamlWithRanges, rangeOfNode, rangeOrPoint, resolveAlias, scalarText } from '../config/yamlSource';
import type { MilvusVersion } from './imageVersion';
import { isMilvusImage, milvusImageVersion } from './imageVersion';
import type { ComposeVariables } from './interpolation';
import { interpolate } from './interpolation';
import type { PortMapping } from './ports';
import { parsePortEntry } from './ports';
import type { VolumeMount } from './volumes';
import { parseVolumeEntry } from './volumes';

export type { MilvusVersion } from './imageVersion';
export { compareMilvusVersions, formatMilvusVersion, isAtLeastVersion, isMilvusImage, milvusImageVersion, parseImageReference, parseMilvusVersion } from './imageVersion';
export type { ComposeVariables, InterpolationResult } from './interpolation';
export { interpolate } from './interpolation';
export { parseDotEnv, parseDotEnvEntries } from './dotEnv';
export type { DotEnvEntry } from './dotEnv';
export type { PortMapping } from './ports';
export type { VolumeMount, VolumeType } from './volumes';
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
}

export interface ComposeFile {
  fileName?: string;
  /** Folder of the compose file (posix), when `fileName` was given. */
  composeDir?: string;
  services: ComposeService[];
  /** Names declared under the top-level `volumes:`. */
  namedVolumes: string[];
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
  const compose: ComposeFile = { services: [], namedVolumes: [], errors: problems, lines: lineCounter };
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
  return compose;
}

function parseService(name: string, keyNode: unknown, node: unknown, document: Document, variables: ComposeVariables, compose: ComposeFile): ComposeService | undefined {
  const keyRange = rangeOrPoint(keyNode as never, 0);
  if (!isMap(node)) {
    if (node !== null) compose.errors.push(problem(`service "${name}" must be a mapping`, rangeOrPoint(node as never, keyRange.end), 'warning'));
    return undefined;
  }
  const service: ComposeService = { name, keyRange, range: rangeOrPoint(node, keyRange.end), environment: [], envFiles: [], volumes: [], ports: [] };
  const field = (key: string) => getEntry(node, key, document);

  const containerName = scalarText(field('container_name')?.value);
  if (containerName !== undefined) service.containerName = interpolate(containerName, variables).value;

  const imageEntry = field('image');
  const imageText = scalarText(imageEntry?.value);
  if (imageText !== undefined && imageEntry) {
    service.image = interpolate(imageText, variables).value;
    service.imageRange = rangeOrPoint(imageEntry.value as never, keyRange.end);
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
    service.environmentKeyRange = rangeOrPoint(environmentEntry.keyNode as never, keyRange.end);
    const range = rangeOfNode(environmentEntry.value as never);
    if (range) service.environmentRange = range;
    service.environment = readEnvironment(environmentEntry.value, document, variables, compose);
  }

  const envFileValue = field('env_file')?.value;
  if (isSeq(envFileValue)) {
    for (const item of envFileValue.items) {
      const resolved = resolveAlias(item, document);
      const text = isMap(resolved) ? scalarText(getEntry(resolved, 'path', document)?.value) : scalarText(resolved);
      if (text !== undefined) service.envFiles.push(interpolate(text, variables).value);
    }
  } else if (scalarText(envFileValue) !== undefined) {
    service.envFiles.push(interpolate(scalarText(envFileValue) ?? '', variables).value);
  }

  const volumesEntry = field('volumes');
  if (volumesEntry) {
    service.volumesKeyRange = rangeOrPoint(volumesEntry.keyNode as never, keyRange.end);
    const range = rangeOfNode(volumesEntry.value as never);
    if (range) service.volumesRange = range;
    const context = { variables, problems: compose.errors, ...(compose.composeDir !== undefined ? { composeDir: compose.composeDir } : {}) };
    if (isSeq(volumesEntry.value)) {
      for (const item of volumesEntry.value.items) {
        const mount = parseVolumeEntry(resolveAlias(item, document), context);
        if (mount) service.volumes.push(mount);
      }
    }
  }

  const portsValue = field('ports')?.value;
  if (isSeq(portsValue)) {
    for (const item of portsValue.items) {
      const port = parsePortEntry(resolveAlias(item, document), variables);
      if (port) service.ports.push(port);
    }
  }
  return service;
}

function readEnvironment(node: unknown, document: Document, variables: ComposeVariables, compose: ComposeFile): ComposeEnvironmentVariable[] {
  const result: ComposeEnvironmentVariable[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      const resolved = resolveAlias(item, document);
      const text = scalarText(resolved);
      const range = rangeOrPoint(resolved as never, 0);
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
    const nameRange = rangeOrPoint(entry.keyNode as never, 0);
    const rawValue = entry.value === null || (isScalar(entry.value) && entry.value.value === null) ? undefined : scalarText(entry.value);
    if (rawValue === undefined && entry.value !== null && !isScalar(entry.value)) {
      compose.errors.push(problem(`environment variable ${entry.key} must have a scalar value`, nameRange, 'warning'));
      continue;
    }
    const valueRange = rangeOfNode(entry.value as never);
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
    return node.items.map((item) => interpolate(scalarText(resolveAlias(item, document)) ?? '', variables).value);
  }
  const text = scalarText(node);
  if (text === undefined || text === '') return undefined;
  return splitCommandLine(interpolate(text, variables).value);
}

/** Splits a command string like a POSIX shell would for simple cases (blanks, quotes, backslash). */
export function splitCommandLine(commandLine: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:\\.|[^"\\])*)"|'([^']*)'|((?:\\.|[^\s"'])+)|(\s+)/g;
  let current: string | undefined;
  for (const match of commandLine.matchAll(pattern)) {
    if (match[4] !== undefined) {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    const piece = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2] ?? (match[3] ?? '').replace(/\\(.)/g, '$1');
    current = (current ?? '') + piece;
  }
  if (current !== undefined) words.push(current);
  return words;
}

/** `milvus run standalone` → `standalone` (also after `/tini --` or with a path to the binary). */
export function milvusRoleOf(command: readonly string[]): string | undefined {
  for (let index = 0; index + 2 < command.length; index++) {
    const binary = command[index] ?? '';
    if (path.posix.basename(binary) === 'milvus' && command[index + 1] === 'run') return command[index + 2];
  }
  return undefined;
}

/** Services that run Milvus: a Milvus image, or a `milvus run <role>` command. */
export function findMilvusServices(compose: ComposeFile): ComposeService[] {
  return compose.services.filter((service) => isMilvusImage(service.image) || service.milvusRole !== undefined);
}

function problem(message: string, range: OffsetRange, severity: SourceProblem['severity']): SourceProblem {
  return { message, offset: range.start, end: range.end, severity, code: 'compose-structure' };
}
