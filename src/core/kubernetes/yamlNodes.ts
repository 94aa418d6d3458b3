/**
 * Typed reads of Kubernetes manifests and chart values as yaml nodes, with their source ranges.
 * Every lookup goes through the project's alias- and merge-aware helpers (config/yamlSource.ts),
 * never `toJSON()`: manifests are untrusted input, and an alias bomb must not expand here.
 */
import { isMap, isNode } from 'yaml';
import type { Document } from 'yaml';
import type { MapEntry, OffsetRange } from '../config/yamlSource';
import { getEntry, mapEntries, scalarText, seqItems } from '../config/yamlSource';

/** A node inside one parsed document, so lookups can resolve aliases against it. */
export interface NodeRef {
  node: unknown;
  document: Document;
}

/** The child of a mapping under `key` (last one wins, as in Go and kubectl), with its key. */
export function childEntry(ref: NodeRef | undefined, key: string): MapEntry | undefined {
  if (!ref || !isMap(ref.node)) return undefined;
  return getEntry(ref.node, key, ref.document);
}

export function child(ref: NodeRef | undefined, key: string): NodeRef | undefined {
  if (!ref) return undefined;
  const entry = childEntry(ref, key);
  return entry ? { node: entry.value, document: ref.document } : undefined;
}

/** Follows `path` through mappings. */
export function at(ref: NodeRef | undefined, ...path: string[]): NodeRef | undefined {
  let current = ref;
  for (const segment of path) current = child(current, segment);
  return current;
}

export function isMapping(ref: NodeRef | undefined): boolean {
  return ref !== undefined && isMap(ref.node);
}

/** The scalar's text as written (plain source, decoded quotes); undefined for a non-scalar. */
export function text(ref: NodeRef | undefined): string | undefined {
  return ref ? scalarText(ref.node) : undefined;
}

/** A Kubernetes string field: a scalar's text, trimmed; undefined when absent, null or structured. */
export function stringField(ref: NodeRef | undefined, key: string): string | undefined {
  const value = text(child(ref, key));
  return value === undefined || value === '' ? undefined : value;
}

/** Go's (and Helm's) truthiness of a YAML 1.1 boolean written as a scalar. */
export function boolValue(ref: NodeRef | undefined): boolean | undefined {
  const written = text(ref)?.trim().toLowerCase();
  if (written === undefined || written === '') return undefined;
  if (['true', 'yes', 'on', 'y'].includes(written)) return true;
  if (['false', 'no', 'off', 'n'].includes(written)) return false;
  return undefined;
}

export function intValue(ref: NodeRef | undefined): number | undefined {
  const written = text(ref)?.trim();
  return written !== undefined && /^\d+$/.test(written) ? Number(written) : undefined;
}

export function items(ref: NodeRef | undefined): NodeRef[] {
  if (!ref) return [];
  return seqItems(ref.node, ref.document).map((node) => ({ node, document: ref.document }));
}

export function entries(ref: NodeRef | undefined): { key: string; keyRange: OffsetRange | undefined; value: NodeRef }[] {
  if (!ref || !isMap(ref.node)) return [];
  return mapEntries(ref.node, ref.document).map((entry) => ({
    key: entry.key,
    keyRange: nodeRange(entry.keyNode),
    value: { node: entry.value, document: ref.document },
  }));
}

/** The source range of any node (a key, a value); undefined for null or a node built in memory. */
export function nodeRange(node: unknown): OffsetRange | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

export function rangeOf(ref: NodeRef | undefined): OffsetRange | undefined {
  return ref ? nodeRange(ref.node) : undefined;
}

/** The key's range of `key` in the mapping, for findings on a key. */
export function keyRangeOf(ref: NodeRef | undefined, key: string): OffsetRange | undefined {
  const entry = childEntry(ref, key);
  return entry ? nodeRange(entry.keyNode) : undefined;
}
