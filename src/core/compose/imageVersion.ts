/**
 * Milvus versions read from image references, and comparisons between them. Version-dependent
 * rules (the 2.4.13 REST listener change, internal TLS from 2.5, …) use these; an unknown
 * version means "newest" (`latest`, `master-…` tags, digests), because that is what such an
 * image runs.
 */

export interface MilvusVersion {
  major: number;
  minor: number;
  patch: number;
  /** Anything after the numbers, e.g. `-gpu` or `-rc1`; empty when none. */
  suffix: string;
}

export interface ImageReference {
  /** Registry host when the first path part looks like one (has a `.` or `:` or is `localhost`). */
  registry?: string;
  /** Repository path without registry, e.g. `milvusdb/milvus`. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageReference(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  const reference: ImageReference = { repository: rest };
  if (registry !== undefined) reference.registry = registry;
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** Parses `2.4.23`, `v2.4.23`, `v2.4.23-gpu`; undefined for anything else. */
export function parseMilvusVersion(text: string): MilvusVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(.*)$/.exec(text.trim());
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: match[3] === undefined ? 0 : Number(match[3]),
    suffix: match[4] ?? '',
  };
}

/**
 * The version of a Milvus image from its tag: `milvusdb/milvus:v2.4.23` → 2.4.23. Undefined for
 * `latest`, no tag, a digest-only reference or `master-20260807-…` builds: treat as newest.
 */
export function milvusImageVersion(image: string | undefined): MilvusVersion | undefined {
  if (image === undefined) return undefined;
  const { tag } = parseImageReference(image);
  if (tag === undefined) return undefined;
  return parseMilvusVersion(tag);
}

/** Whether the repository is a Milvus server image (`milvusdb/milvus`, `<registry>/<org>/milvus`, `milvus-dev`). */
export function isMilvusImage(image: string | undefined): boolean {
  if (image === undefined) return false;
  const { repository } = parseImageReference(image);
  const lastSegment = repository.slice(repository.lastIndexOf('/') + 1).toLowerCase();
  return lastSegment === 'milvus' || lastSegment === 'milvus-dev';
}

/** Negative, zero or positive, like a sort comparator. Suffixes are ignored. */
export function compareMilvusVersions(a: MilvusVersion, b: MilvusVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * Whether `version` is at least `minimum` (e.g. `'2.4.13'`). An unknown version counts as newest,
 * so this is true for it.
 */
export function isAtLeastVersion(version: MilvusVersion | undefined, minimum: string): boolean {
  if (version === undefined) return true;
  const parsedMinimum = parseMilvusVersion(minimum);
  if (!parsedMinimum) throw new Error(`not a version: ${minimum}`);
  return compareMilvusVersions(version, parsedMinimum) >= 0;
}

export function formatMilvusVersion(version: MilvusVersion): string {
  return `${version.major}.${version.minor}.${version.patch}${version.suffix}`;
}
