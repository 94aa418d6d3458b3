/**
 * Several compose files as one model, merged with Compose's rules (compose-spec/compose-go,
 * override/merge.go and override/uncity.go), each later file over the earlier ones:
 * - a service's scalars (image, command, container_name) are replaced;
 * - `volumes:` are appended, then one per container path: a later entry with the same target
 *   replaces the earlier one in its place;
 * - `environment:` is merged by variable name the same way, `ports:` by host address, published
 *   port, container port and protocol, `env_file:` and `profiles:` by value;
 * - a field tagged `!reset` is removed, one tagged `!override` replaces the earlier value;
 * - top-level `volumes:` merge by name, their `driver_opts` by option.
 * Pure: the files are parsed (and their host paths resolved) by the caller; nothing is mutated.
 */
import type { ComposeFile, ComposeService } from './composeFile';
import type { NamedVolumeDefinition } from './composeExtras';
import { clearField, localBindDevice } from './composeExtras';
import type { PortMapping } from './ports';
import type { VolumeMount } from './volumes';

/** Merges `files` in order (the first is the base); the result names the first file. */
export function mergeComposeFiles(files: readonly ComposeFile[]): ComposeFile {
  const [first] = files;
  if (first === undefined) throw new Error('mergeComposeFiles needs at least one file');
  const merged: ComposeFile = {
    ...first,
    services: [],
    namedVolumes: [],
    volumeDefinitions: [],
    include: [],
    errors: [],
  };
  for (const file of files) {
    for (const service of file.services) {
      const index = merged.services.findIndex((candidate) => candidate.name === service.name);
      const existing = merged.services[index];
      if (existing) merged.services[index] = mergeService(existing, service);
      else merged.services.push(mergeService(undefined, service));
    }
    for (const name of file.namedVolumes) if (!merged.namedVolumes.includes(name)) merged.namedVolumes.push(name);
    for (const definition of file.volumeDefinitions) mergeVolumeDefinition(merged.volumeDefinitions, definition);
    merged.include.push(...file.include);
    merged.errors.push(...file.errors);
  }
  return merged;
}

function mergeService(base: ComposeService | undefined, over: ComposeService): ComposeService {
  const definitions = [...(base?.definitions ?? (base ? [base] : [])), over];
  if (!base) {
    return {
      ...over,
      volumes: [...over.volumes],
      ports: [...over.ports],
      environment: [...over.environment],
      envFiles: [...over.envFiles],
      profiles: [...over.profiles],
      definitions,
    };
  }
  const result: ComposeService = {
    ...base,
    volumes: [...base.volumes],
    ports: [...base.ports],
    environment: [...base.environment],
    envFiles: [...base.envFiles],
    profiles: [...base.profiles],
    tags: [...base.tags, ...over.tags],
    definitions,
  };
  // `!reset` drops the earlier value; `!override` too, before this file's value takes its place.
  for (const { field } of over.tags) clearField(result, field);
  if (over.containerName !== undefined) result.containerName = over.containerName;
  if (over.image !== undefined) {
    result.image = over.image;
    copyOptional(result, over, 'imageRange');
    copyOptional(result, over, 'imageVersion');
    copyOptional(result, over, 'imageDefinedIn');
  }
  if (over.command !== undefined) {
    result.command = over.command;
    copyOptional(result, over, 'milvusRole');
  }
  result.volumes = uniqueBy([...result.volumes, ...over.volumes], (mount: VolumeMount) => mount.target);
  result.ports = uniqueBy([...result.ports, ...over.ports], portKey);
  result.environment = uniqueBy([...result.environment, ...over.environment], (variable) => variable.name);
  result.envFiles = uniqueBy([...result.envFiles, ...over.envFiles], (file) => file);
  result.profiles = uniqueBy([...result.profiles, ...over.profiles], (profile) => profile);
  return result;
}

function copyOptional<K extends keyof ComposeService>(target: ComposeService, source: ComposeService, key: K): void {
  if (source[key] === undefined) delete target[key];
  else target[key] = source[key];
}

/** One entry per key: a later entry replaces an earlier one in the earlier one's place (compose-go EnforceUnicity). */
export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const result: T[] = [];
  const positions = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const position = positions.get(key);
    if (position === undefined) {
      positions.set(key, result.length);
      result.push(item);
    } else {
      result[position] = item;
    }
  }
  return result;
}

/** compose-go's port index: `host_ip:published:target/protocol`, host defaulting to 0.0.0.0. */
function portKey(port: PortMapping): string {
  return `${port.hostIp ?? '0.0.0.0'}:${port.published ?? ''}:${port.target}/${port.protocol}`;
}

function mergeVolumeDefinition(definitions: NamedVolumeDefinition[], over: NamedVolumeDefinition): void {
  const index = definitions.findIndex((candidate) => candidate.name === over.name);
  const base = definitions[index];
  if (!base) {
    definitions.push(over);
    return;
  }
  const driverOpts = { ...base.driverOpts, ...over.driverOpts };
  const merged: NamedVolumeDefinition = { ...base, ...over, driverOpts };
  // The bind device follows the merged options: an override may add `o: bind` or change `device`.
  const device = localBindDevice(merged.driver, driverOpts);
  if (device === undefined) {
    delete merged.bindDevice;
    delete merged.host;
  } else {
    merged.bindDevice = device;
    // Resolved where the device was written; the loader resolves one that only the merge made a bind.
    const resolvedWith = over.bindDevice === device ? over : base.bindDevice === device ? base : undefined;
    if (resolvedWith?.host) merged.host = resolvedWith.host;
    else delete merged.host;
  }
  definitions[index] = merged;
}
