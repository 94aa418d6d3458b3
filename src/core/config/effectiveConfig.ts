/**
 * The configuration Milvus ends up with: YAML files in the order Milvus reads them (a later file
 * wins), then environment variables over all files.
 *
 * - Sources have priorities: etcd remote config 1, environment 11, files 21; the lower wins
 *   (pkg/config/source.go:21-23, manager.go:463). Remote etcd config is out of scope here.
 * - Files, later wins (pkg/util/paramtable/base_table.go:70): 2.5+ `milvus.yaml, _test.yaml,
 *   default.yaml, user.yaml`; 2.4 `milvus.yaml, default.yaml, user.yaml`; 2.3 only `milvus.yaml`
 *   (a user.yaml is ignored there).
 * - Environment variable names normalise like keys (keyNormalisation.ts), so
 *   COMMON_SECURITY_TLSMODE sets common.security.tlsMode in any spelling.
 */
import type { MilvusVersion } from '../compose/imageVersion';
import { compareMilvusVersions } from '../compose/imageVersion';
import { normaliseEnvName, normaliseKey } from './keyNormalisation';
import type { ConfigEntry, MilvusConfigFile } from './milvusConfig';
import type { LineCounter } from 'yaml';
import type { OffsetRange } from './yamlSource';

export interface EnvironmentVariableInput {
  name: string;
  /** Undefined when the value comes from the host shell at `docker compose up` time (unknown here). */
  value: string | undefined;
  /** Where it is set, for messages such as "overridden by … in docker-compose.yml". */
  fileName?: string;
  serviceName?: string;
  range?: OffsetRange;
  nameRange?: OffsetRange;
  valueRange?: OffsetRange;
  /** Line numbers of the file it is set in, for messages ("docker-compose.yml:14"). */
  lines?: LineCounter;
}

export type ValueOrigin =
  | { kind: 'file'; source: string; fileName: string | undefined; entry: ConfigEntry; lines?: LineCounter }
  | { kind: 'environment'; variable: EnvironmentVariableInput; strippedPrefix?: string };

export interface EffectiveValue {
  key: string;
  value: string;
  origin: ValueOrigin;
  /** Lower-priority definitions of the same key, the next one first. */
  overridden: ValueOrigin[];
  /** Pass-through variables (no value in the compose file) that would override this key if set on the host. */
  undeterminedEnvironment: EnvironmentVariableInput[];
}

export interface EffectiveConfig {
  /** Normalised key → effective value (files and environment variables; absent keys take Milvus's code default). */
  values: Map<string, EffectiveValue>;
  version: MilvusVersion | undefined;
  /** File sources in the order they were applied. */
  filesRead: string[];
  /** Variables without a value in the compose file (set from the host shell, if at all). */
  passThroughEnvironment: EnvironmentVariableInput[];
  /** Files given but not read by this Milvus version, with why. */
  ignoredFiles: { source: string; fileName: string | undefined; reason: string }[];
}

export interface EffectiveConfigInput {
  milvusYaml?: MilvusConfigFile;
  userYaml?: MilvusConfigFile;
  /** default.yaml / _test.yaml, placed by their `source` name. */
  otherYamls?: readonly MilvusConfigFile[];
  /** The Milvus container's environment: a compose service's variables or a plain map. */
  environment?: readonly EnvironmentVariableInput[] | Readonly<Record<string, string | undefined>>;
  /** Undefined means newest (latest/master images). */
  version?: MilvusVersion;
  /** Overrides DEFAULT_ENV_PREFIXES for the version. */
  envPrefixes?: readonly string[];
}

/**
 * Prefixes stripped from variable names by newer builds. pkg/config/env_source.go on a recent
 * master has `DefaultEnvPrefix = "MILVUS_CONF_"` (its comment says `MILVUS_MINIO_PORT`, the facts
 * file says `MILVUS_`); the released lines checked (2.3–2.6) have no prefix handling.
 */
export function defaultEnvPrefixes(version: MilvusVersion | undefined): string[] {
  if (version === undefined || version.major >= 3) return ['MILVUS_CONF_'];
  return [];
}

/** The YAML files a Milvus version reads from /milvus/configs, in order (a later one wins). */
export function yamlFilesReadBy(version: MilvusVersion | undefined): string[] {
  if (version && compareMilvusVersions(version, { major: 2, minor: 4, patch: 0, suffix: '' }) < 0) return ['milvus.yaml'];
  if (version && compareMilvusVersions(version, { major: 2, minor: 5, patch: 0, suffix: '' }) < 0) {
    return ['milvus.yaml', 'default.yaml', 'user.yaml'];
  }
  return ['milvus.yaml', '_test.yaml', 'default.yaml', 'user.yaml'];
}

export function effectiveConfig(input: EffectiveConfigInput): EffectiveConfig {
  const version = input.version;
  const order = yamlFilesReadBy(version);
  const result: EffectiveConfig = { values: new Map(), version, filesRead: [], passThroughEnvironment: [], ignoredFiles: [] };

  const given: { slot: string; file: MilvusConfigFile }[] = [];
  if (input.milvusYaml) given.push({ slot: 'milvus.yaml', file: input.milvusYaml });
  for (const file of input.otherYamls ?? []) given.push({ slot: file.source, file });
  if (input.userYaml) given.push({ slot: 'user.yaml', file: input.userYaml });

  const applied = given
    .filter(({ slot, file }) => {
      if (order.includes(slot)) return true;
      const milvus = version ? `Milvus ${version.major}.${version.minor}` : 'Milvus';
      result.ignoredFiles.push({
        source: file.source,
        fileName: file.fileName,
        reason: `${milvus} reads only ${order.join(', ')} from /milvus/configs`,
      });
      return false;
    })
    .sort((a, b) => order.indexOf(a.slot) - order.indexOf(b.slot));

  for (const { slot, file } of applied) {
    result.filesRead.push(slot);
    for (const entry of file.entries.values()) {
      override(result.values, entry.key, entry.value, {
        kind: 'file',
        source: slot,
        fileName: file.fileName,
        entry,
        lines: file.lineCounter,
      });
    }
  }

  const prefixes = input.envPrefixes ?? defaultEnvPrefixes(version);
  for (const variable of environmentList(input.environment)) {
    if (variable.value === undefined) result.passThroughEnvironment.push(variable);
    const targets: { key: string; strippedPrefix?: string }[] = [{ key: normaliseEnvName(variable.name) }];
    for (const prefix of prefixes) {
      if (variable.name.startsWith(prefix) && variable.name.length > prefix.length) {
        targets.push({ key: normaliseEnvName(variable.name.slice(prefix.length)), strippedPrefix: prefix });
      }
    }
    for (const target of targets) {
      if (variable.value === undefined) {
        result.values.get(target.key)?.undeterminedEnvironment.push(variable);
        continue;
      }
      const origin: ValueOrigin =
        target.strippedPrefix === undefined
          ? { kind: 'environment', variable }
          : { kind: 'environment', variable, strippedPrefix: target.strippedPrefix };
      override(result.values, target.key, variable.value, origin);
    }
  }
  return result;
}

function override(values: Map<string, EffectiveValue>, key: string, value: string, origin: ValueOrigin): void {
  const previous = values.get(key);
  values.set(key, {
    key,
    value,
    origin,
    overridden: previous ? [previous.origin, ...previous.overridden] : [],
    undeterminedEnvironment: previous?.undeterminedEnvironment ?? [],
  });
}

function environmentList(environment: EffectiveConfigInput['environment']): readonly EnvironmentVariableInput[] {
  if (environment === undefined) return [];
  if (Array.isArray(environment)) return environment as readonly EnvironmentVariableInput[];
  return Object.entries(environment as Readonly<Record<string, string | undefined>>).map(([name, value]) => ({ name, value }));
}

/** The effective value of a key in any spelling; undefined means Milvus uses the code default. */
export function getEffectiveValue(effective: EffectiveConfig, key: string): EffectiveValue | undefined {
  return effective.values.get(normaliseKey(key));
}

/** A compose service's environment as effectiveConfig input, tagged with the compose file for messages. */
export function environmentFromCompose(
  service: {
    name: string;
    environment: readonly {
      name: string;
      value: string | undefined;
      range: OffsetRange;
      nameRange: OffsetRange;
      valueRange?: OffsetRange;
    }[];
  },
  composeFileName?: string,
  lines?: LineCounter,
): EnvironmentVariableInput[] {
  return service.environment.map((variable) => {
    const input: EnvironmentVariableInput = {
      name: variable.name,
      value: variable.value,
      serviceName: service.name,
      range: variable.range,
      nameRange: variable.nameRange,
    };
    if (lines) input.lines = lines;
    if (variable.valueRange) input.valueRange = variable.valueRange;
    if (composeFileName !== undefined) input.fileName = composeFileName;
    return input;
  });
}

/** "environment variable COMMON_SECURITY_TLSMODE (service standalone in docker-compose.override.yml:9)" / "user.yaml". */
export function describeOrigin(origin: ValueOrigin): string {
  if (origin.kind === 'file') return origin.source;
  const { variable } = origin;
  // The file and line that set it: a base compose file and its override may both set variables.
  const line = variable.lines && variable.range ? `:${variable.lines.linePos(variable.range.start).line}` : '';
  const where = [
    variable.serviceName && `service ${variable.serviceName}`,
    variable.fileName && `in ${variable.fileName.split(/[\\/]/).pop()}${line}`,
  ]
    .filter(Boolean)
    .join(' ');
  return `environment variable ${origin.variable.name}${where ? ` (${where})` : ''}`;
}
