/**
 * Everything the rules share, computed once per check: the document as Milvus reads it, its
 * companion file, the compose service that runs it (environment, volumes, version) and the
 * effective configuration. Rules only read this; they never parse again.
 */
import path from 'node:path';
import type { ComposeFile, ComposeService, MilvusVersion } from '../compose';
import { containerPathsOfHostPath, findMilvusServices } from '../compose';
import type { ConfigEntry, EffectiveConfig, EffectiveValue, MilvusConfigFile, OffsetRange, TlsModeRead } from '../config';
import { effectiveConfig, environmentFromCompose, getEffectiveValue, normaliseKey, parseMilvusConfig, readTlsMode } from '../config';
import { DEFAULT_WARN_DAYS } from '../inspect';
import { FileCache } from './fileCache';
import type { CheckInput, FileAccess } from './types';

/**
 * The TLS part of the milvus.yaml inside the image (identical from 2.5 to master; 2.3/2.4 lack
 * internaltls, which they do not read anyway). A user.yaml checked without its milvus.yaml falls
 * back to these, as Milvus does: the image's own milvus.yaml is read first.
 */
const IMAGE_MILVUS_YAML = `tls:
  serverPemPath: configs/cert/server.pem
  serverKeyPath: configs/cert/server.key
  caPemPath: configs/cert/ca.pem
internaltls:
  serverPemPath: configs/cert/server.pem
  serverKeyPath: configs/cert/server.key
  caPemPath: configs/cert/ca.pem
  sni: localhost
`;
export const IMAGE_MILVUS_YAML_NAME = "the image's /milvus/configs/milvus.yaml";

export type ConfigSlot = 'milvus.yaml' | 'user.yaml';

export interface RuleContext {
  input: CheckInput;
  text: string;
  config: MilvusConfigFile;
  slot: ConfigSlot;
  compose: ComposeFile | undefined;
  service: ComposeService | undefined;
  /** Undefined: unknown, treated as newest. */
  version: MilvusVersion | undefined;
  effective: EffectiveConfig;
  tlsMode: TlsModeRead;
  files: FileAccess | undefined;
  cache: FileCache;
  now: Date;
  warnDays: number;
}

export function buildContext(input: CheckInput): RuleContext {
  const config = parseMilvusConfig(input.text, input.fileName);
  const compose = input.compose;
  const service = compose ? pickService(compose, input.fileName) : undefined;
  const slot = slotOf(input.fileName, service, compose);
  const version = service?.imageVersion;
  let milvusYaml: MilvusConfigFile | undefined;
  let userYaml: MilvusConfigFile | undefined;
  if (slot === 'milvus.yaml') {
    milvusYaml = config;
    if (input.userYamlText !== undefined) userYaml = parseMilvusConfig(input.userYamlText, input.userYamlFileName ?? 'user.yaml');
  } else {
    userYaml = config;
    milvusYaml = input.milvusYamlText !== undefined
      ? parseMilvusConfig(input.milvusYamlText, input.milvusYamlFileName ?? 'milvus.yaml')
      : parseMilvusConfig(IMAGE_MILVUS_YAML, 'milvus.yaml');
  }
  const environment = service ? environmentFromCompose(service, compose?.fileName) : [];
  const effective = effectiveConfig({
    ...(milvusYaml ? { milvusYaml } : {}),
    ...(userYaml ? { userYaml } : {}),
    environment,
    ...(version ? { version } : {}),
  });
  return {
    input,
    text: input.text,
    config,
    slot,
    compose,
    service,
    version,
    effective,
    tlsMode: readTlsMode(effective),
    files: input.files,
    cache: input.cache ?? new FileCache(),
    now: input.now ?? new Date(),
    warnDays: input.warnDays ?? DEFAULT_WARN_DAYS,
  };
}

/** The Milvus service that mounts this file, else the first Milvus service. */
function pickService(compose: ComposeFile, fileName: string): ComposeService | undefined {
  const services = findMilvusServices(compose);
  return services.find((service) => containerPathsOfHostPath(fileName, service, compose.composeDir).length > 0) ?? services[0];
}

function slotOf(fileName: string, service: ComposeService | undefined, compose: ComposeFile | undefined): ConfigSlot {
  if (service) {
    for (const mount of containerPathsOfHostPath(fileName, service, compose?.composeDir)) {
      if (mount.containerPath.endsWith('/user.yaml')) return 'user.yaml';
      if (mount.containerPath.endsWith('/milvus.yaml')) return 'milvus.yaml';
    }
  }
  return path.posix.basename(fileName) === 'user.yaml' ? 'user.yaml' : 'milvus.yaml';
}

/** This document's own entry for a key (any spelling), even when something overrides it. */
export function entryInDocument(ctx: RuleContext, key: string): ConfigEntry | undefined {
  return ctx.config.entries.get(normaliseKey(key));
}

export function effectiveValue(ctx: RuleContext, key: string): EffectiveValue | undefined {
  return getEffectiveValue(ctx.effective, key);
}

/** Whether the effective value of a key was written in this document. */
export function isFromDocument(ctx: RuleContext, value: EffectiveValue | undefined): boolean {
  // Identity, not names: a user.yaml and its milvus.yaml may share a base name in different folders.
  return value?.origin.kind === 'file' && ctx.config.entries.get(value.origin.entry.key) === value.origin.entry;
}

/**
 * Where to report something about `keys`: the first one this document has (its key), else the
 * tlsMode key, else the first line. Findings about the effective configuration must land somewhere
 * in this document even when the value comes from the environment or the other file.
 */
export function anchorFor(ctx: RuleContext, keys: readonly string[]): OffsetRange {
  for (const key of [...keys, 'common.security.tlsMode']) {
    const entry = entryInDocument(ctx, key);
    if (entry) return entry.keyRange;
  }
  const end = ctx.text.indexOf('\n');
  return { start: 0, end: end < 0 ? ctx.text.length : end };
}

/** Where the value of a key sits, if this document has it; else its anchor. */
export function valueAnchorFor(ctx: RuleContext, key: string): OffsetRange {
  const entry = entryInDocument(ctx, key);
  if (entry) return entry.valueRange.start === entry.valueRange.end ? entry.keyRange : entry.valueRange;
  return anchorFor(ctx, [key]);
}

/** "in docker-compose.yml" style suffix saying where an effective value came from, when not here. */
export function originNote(ctx: RuleContext, value: EffectiveValue | undefined): string {
  if (!value || isFromDocument(ctx, value)) return '';
  if (value.origin.kind === 'environment') return ` (set by the environment variable ${value.origin.variable.name} of the compose service)`;
  return value.origin.source === 'milvus.yaml' && ctx.input.milvusYamlText === undefined && ctx.slot === 'user.yaml'
    ? ` (from ${IMAGE_MILVUS_YAML_NAME})`
    : ` (from ${value.origin.source})`;
}
