/**
 * Everything the rules share, computed once per check: the deployment (what Milvus loads, from
 * where, with which environment and version), the document being checked and its place in it. Rules
 * only read this; they never parse or touch the file system.
 */
import type { MilvusVersion } from '../compose';
import type { ConfigEntry, EffectiveConfig, EffectiveValue, MilvusConfigFile, OffsetRange, TlsModeRead } from '../config';
import { getEffectiveValue, normaliseKey } from '../config';
import type { ConfigSlot, Deployment, DeploymentConfigFile, LoadedFile, LoadedFileCache } from '../deployment';
import { IMAGE_MILVUS_YAML_NAME } from '../deployment';
import { DEFAULT_WARN_DAYS } from '../inspect';
import type { CheckInput } from './types';

export interface RuleContext {
  deployment: Deployment;
  /** The file being checked, as the deployment loads it. */
  document: DeploymentConfigFile;
  text: string;
  config: MilvusConfigFile;
  slot: ConfigSlot;
  /** Undefined: unknown, treated as newest. */
  version: MilvusVersion | undefined;
  effective: EffectiveConfig;
  tlsMode: TlsModeRead;
  /** Client certificates of the workspace, for the tlsMode 2 checks. */
  clientCertificates: readonly LoadedFile[];
  cache: LoadedFileCache;
  now: Date;
  warnDays: number;
}

export class DocumentNotInDeploymentError extends Error {
  override readonly name = 'DocumentNotInDeploymentError';
}

export function buildContext(input: CheckInput): RuleContext {
  const { deployment } = input;
  const document = deployment.configFiles.find((file) => file.hostPath === input.fileName);
  if (!document) throw new DocumentNotInDeploymentError(`${input.fileName} is not a config file of ${deployment.label}`);
  return {
    deployment,
    document,
    text: input.text,
    config: document.config,
    slot: document.slot,
    version: deployment.version.value,
    effective: deployment.effective,
    tlsMode: deployment.tlsMode,
    clientCertificates: input.clientCertificates ?? [],
    cache: input.cache,
    now: input.now ?? new Date(),
    warnDays: input.warnDays ?? DEFAULT_WARN_DAYS,
  };
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

/** "(from user.yaml)" style suffix saying where an effective value came from, when not here. */
export function originNote(ctx: RuleContext, value: EffectiveValue | undefined): string {
  if (!value || isFromDocument(ctx, value)) return '';
  if (value.origin.kind === 'environment') return ` (set by the environment variable ${value.origin.variable.name} of the compose service)`;
  return value.origin.fileName === undefined ? ` (from ${IMAGE_MILVUS_YAML_NAME})` : ` (from ${value.origin.source})`;
}
