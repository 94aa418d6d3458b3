/**
 * The certificate and key paths of the effective configuration, as the deployment resolved them
 * (a workspace file behind a mount, a manifest entry, the image's bundled test certificates, or
 * nowhere we can see), joined with what the rules need to know about each setting. Shared by the
 * file rules, hovers, links and inlay hints.
 */
import type { EffectiveValue, PathSlot } from '../config';
import { PATH_SLOTS, readBool } from '../config';
import type { LoadedFile, PathLocation, ResolvedPath } from '../deployment';
import type { RuleContext } from './context';
import { effectiveValue, entryInDocument } from './context';

export interface PathReference {
  slot: PathSlot;
  value: string;
  effective: EffectiveValue;
  containerPath: string;
  location: PathLocation;
  /** The workspace file, for host locations. */
  hostPath: string | undefined;
  /** Loaded for host and manifest locations. */
  file: LoadedFile | undefined;
  resolved: ResolvedPath;
}

/** Which path groups the effective configuration turns on, and with them which slots Milvus reads. */
export function activeSlots(ctx: RuleContext): PathSlot[] {
  const mode = ctx.tlsMode.mode;
  const on: Record<PathSlot['group'], boolean> = {
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
  const resolved = ctx.deployment.paths.get(slot.key);
  const effective = effectiveValue(ctx, slot.key);
  if (!resolved || !effective) return undefined;
  return {
    slot,
    value: resolved.value,
    effective,
    containerPath: resolved.containerPath,
    location: resolved.location,
    hostPath: resolved.location.kind === 'host' ? resolved.location.hostPath : undefined,
    file: resolved.file,
    resolved,
  };
}

export function activePathReferences(ctx: RuleContext): PathReference[] {
  return activeSlots(ctx)
    .map((slot) => resolvePathReference(ctx, slot))
    .filter((reference): reference is PathReference => reference !== undefined);
}

/** Every path key this document writes, active or not, resolved (for hovers and links). */
export function documentPathReferences(ctx: RuleContext): PathReference[] {
  return PATH_SLOTS.filter((slot) => entryInDocument(ctx, slot.key) !== undefined)
    .map((slot) => resolvePathReference(ctx, slot))
    .filter((reference): reference is PathReference => reference !== undefined);
}

/** "./tls/server.pem": relative to the compose project (or the document's folder) when inside it, for messages. */
export function displayHostPath(ctx: RuleContext, hostPath: string): string {
  const document = ctx.document.hostPath;
  const base = ctx.deployment.compose?.project.dir ?? (document !== undefined ? parentOf(document) : ctx.deployment.root);
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const prefix = base.endsWith(separator) ? base : base + separator;
  return hostPath.startsWith(prefix) ? `./${hostPath.slice(prefix.length).split('\\').join('/')}` : hostPath;
}

function parentOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut <= 0 ? filePath.slice(0, cut + 1) : filePath.slice(0, cut);
}
