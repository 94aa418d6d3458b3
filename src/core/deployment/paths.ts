/**
 * A path setting of the effective config, followed to where it lives: a workspace file behind a
 * mount, a manifest entry, the image's bundled test certificates, or nowhere we can see. Checkable
 * files are loaded here (capped, contained), so the rules never touch the file system.
 */
import path from 'node:path';
import type { EffectiveValue } from '../config/effectiveConfig';
import { isBundledTestCertificatePath, isPlaceholderPath, resolveConfigPath } from '../config/containerPaths';
import type { AssembleInput } from './assemble';
import type { ResolveContext } from './context';
import { fromEffectiveValue } from './provenance';
import type { PathLocation, ResolvedPath } from './types';

export async function resolvePathSetting(
  key: string,
  effective: EffectiveValue,
  input: AssembleInput,
  context: ResolveContext,
): Promise<ResolvedPath> {
  const value = effective.value.trim();
  const containerPath = resolveConfigPath(value);
  const from = fromEffectiveValue(effective, input.root, context.fs.path);
  const base = { key, value, containerPath, from };
  if (isPlaceholderPath(value)) return { ...base, location: { kind: 'placeholder' } };
  const located = await contained(input.mounts.locate(containerPath) ?? (await unmounted(value, containerPath, input, context)), context);
  if (located.kind === 'host') return { ...base, location: located, file: await context.cache.load(context.fs, located.hostPath) };
  if (located.kind === 'manifest' && located.bytes) {
    return { ...base, location: located, file: context.cache.fromBytes(located.label, located.bytes) };
  }
  return { ...base, location: located };
}

/** No mount covers the path: the image's own files, or (Milvus run on this machine) a local file. */
async function unmounted(value: string, containerPath: string, input: AssembleInput, context: ResolveContext): Promise<PathLocation> {
  if (isBundledTestCertificatePath(value)) return { kind: 'image' };
  // Without a container, an absolute path that exists here is the file Milvus opens.
  if (input.hostPathsAreLocal && path.posix.isAbsolute(value) && (await context.fs.stat(containerPath)) !== undefined) {
    return { kind: 'host', hostPath: containerPath };
  }
  return { kind: 'unmapped', reason: input.mounts.uncoveredReason };
}

/** Host files outside what the file system may read are reported, never read. */
async function contained(location: PathLocation, context: ResolveContext): Promise<PathLocation> {
  if (location.kind !== 'host' || (await context.fs.mayRead(location.hostPath))) return location;
  return { kind: 'outside-workspace', hostPath: location.hostPath, ...(location.mount ? { mount: location.mount } : {}) };
}
