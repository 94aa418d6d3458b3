/**
 * The certificate and key paths the effective configuration makes Milvus load, resolved to where
 * they live: a workspace file behind a compose volume, the image's bundled test certificates, or
 * nowhere we can see. Shared by the file rules, hovers, links and inlay hints.
 */
import path from 'node:path';
import type { ContainerPathMapping } from '../compose';
import { mapContainerPath } from '../compose';
import type { EffectiveValue } from '../config';
import { isBundledTestCertificatePath, isPlaceholderPath, readBool, resolveConfigPath } from '../config';
import type { RuleContext } from './context';
import { effectiveValue, entryInDocument } from './context';
import type { LoadedFile } from './fileCache';

export type PathExpectation = 'certificate' | 'key' | 'ca';
export type PathGroup = 'tls' | 'internaltls' | 'etcd' | 'minio' | 'kafka';

export interface PathSlot {
  key: string;
  group: PathGroup;
  expect: PathExpectation;
  /** Role the certificate is used in, for the inspection's lint. */
  role?: 'server' | 'client';
  /** Milvus fails without it when the group is on. */
  required: boolean;
}

export const PATH_SLOTS: readonly PathSlot[] = [
  { key: 'tls.serverPemPath', group: 'tls', expect: 'certificate', role: 'server', required: true },
  { key: 'tls.serverKeyPath', group: 'tls', expect: 'key', required: true },
  { key: 'tls.caPemPath', group: 'tls', expect: 'ca', required: true },
  { key: 'internaltls.serverPemPath', group: 'internaltls', expect: 'certificate', role: 'server', required: true },
  { key: 'internaltls.serverKeyPath', group: 'internaltls', expect: 'key', required: true },
  { key: 'internaltls.caPemPath', group: 'internaltls', expect: 'ca', required: true },
  { key: 'etcd.ssl.tlsCert', group: 'etcd', expect: 'certificate', role: 'client', required: true },
  { key: 'etcd.ssl.tlsKey', group: 'etcd', expect: 'key', required: true },
  { key: 'etcd.ssl.tlsCACert', group: 'etcd', expect: 'ca', required: true },
  { key: 'minio.ssl.tlsCACert', group: 'minio', expect: 'ca', required: false },
  { key: 'kafka.ssl.tlsCert', group: 'kafka', expect: 'certificate', role: 'client', required: false },
  { key: 'kafka.ssl.tlsKey', group: 'kafka', expect: 'key', required: false },
  { key: 'kafka.ssl.tlsCaCert', group: 'kafka', expect: 'ca', required: false },
];

export type PathLocation =
  /** A workspace (host) file: `hostPath` is checked. */
  | 'host'
  /** In the image's /milvus/configs/cert, not covered by a volume. */
  | 'image'
  /** A named volume, tmpfs or `~` bind: exists only in Docker. */
  | 'volume'
  /** No volume covers it and it is not in the image. */
  | 'unmapped'
  /** A `/path/to/…` placeholder from the shipped milvus.yaml. */
  | 'placeholder';

export interface PathReference {
  slot: PathSlot;
  value: string;
  effective: EffectiveValue;
  containerPath: string;
  location: PathLocation;
  mapping: ContainerPathMapping | undefined;
  hostPath: string | undefined;
  /** Loaded when `location` is 'host' and a file accessor was given. */
  file: LoadedFile | undefined;
}

/** Which path groups the effective configuration turns on, and with them which slots Milvus reads. */
export function activeSlots(ctx: RuleContext): PathSlot[] {
  const mode = ctx.tlsMode.mode;
  const on: Record<PathGroup, boolean> = {
    tls: mode === 1 || mode === 2,
    internaltls: readBool(ctx.effective, 'common.security.internaltlsEnabled', false).value,
    etcd: readBool(ctx.effective, 'etcd.ssl.enabled', false).value,
    minio: readBool(ctx.effective, 'minio.useSSL', false).value,
    kafka: readBool(ctx.effective, 'kafka.ssl.enabled', false).value,
  };
  // caPemPath verifies client certificates, which only mode 2 asks for.
  return PATH_SLOTS.filter((slot) => on[slot.group] && !(slot.key === 'tls.caPemPath' && mode !== 2));
}

export function resolvePathReference(ctx: RuleContext, slot: PathSlot): PathReference | undefined {
  const effective = effectiveValue(ctx, slot.key);
  const value = effective?.value.trim() ?? '';
  if (!effective || value === '') return undefined;
  const containerPath = resolveConfigPath(value);
  const base = { slot, value, effective, containerPath, file: undefined };
  if (isPlaceholderPath(value)) return { ...base, location: 'placeholder', mapping: undefined, hostPath: undefined };
  const mapping = ctx.service ? mapContainerPath(containerPath, ctx.service, ctx.compose?.composeDir) : undefined;
  if (mapping) {
    if (mapping.hostPath === undefined) return { ...base, location: 'volume', mapping, hostPath: undefined };
    return withFile(ctx, { ...base, location: 'host', mapping, hostPath: mapping.hostPath });
  }
  if (isBundledTestCertificatePath(value)) return { ...base, location: 'image', mapping, hostPath: undefined };
  // Without a compose service Milvus may run on this machine: an absolute path that exists here is checked.
  if (!ctx.service && path.posix.isAbsolute(value) && ctx.files?.stat(value)) {
    return withFile(ctx, { ...base, location: 'host', mapping, hostPath: value });
  }
  return { ...base, location: 'unmapped', mapping, hostPath: undefined };
}

function withFile(ctx: RuleContext, reference: PathReference): PathReference {
  if (!ctx.files || reference.hostPath === undefined) return reference;
  return { ...reference, file: ctx.cache.load(reference.hostPath, ctx.files) };
}

export function activePathReferences(ctx: RuleContext): PathReference[] {
  return activeSlots(ctx).map((slot) => resolvePathReference(ctx, slot)).filter((reference): reference is PathReference => reference !== undefined);
}

/** Every path key this document writes, active or not, resolved (for hovers and links). */
export function documentPathReferences(ctx: RuleContext): PathReference[] {
  return PATH_SLOTS.filter((slot) => entryInDocument(ctx, slot.key) !== undefined)
    .map((slot) => resolvePathReference(ctx, slot))
    .filter((reference): reference is PathReference => reference !== undefined);
}

/** "./tls/server.pem" relative to the compose folder, for messages. */
export function displayHostPath(ctx: RuleContext, hostPath: string): string {
  const base = ctx.compose?.composeDir ?? path.posix.dirname(ctx.input.fileName);
  const relative = path.posix.relative(base, hostPath);
  return relative.startsWith('..') || path.posix.isAbsolute(relative) ? hostPath : `./${relative}`;
}
