/**
 * Parsing YAML with source offsets. Every model in src/core/config and src/core/compose keeps
 * offsets into the original text (not line/column) so the language server and the CLI can map
 * them to their own position types.
 */
import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { YAMLError } from 'yaml';
import type { Alias, Document } from 'yaml';
import type { AliasResolution } from './yamlAliases';
import { allowsDepth, guardDocument, resolveAliasBounded } from './yamlAliases';

/** Half-open offset range [start, end) into the source text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export type ProblemSeverity = 'error' | 'warning';

/** A problem found while reading a file: YAML syntax, duplicate keys, unreadable entries. */
export interface SourceProblem {
  message: string;
  /** Start offset; kept as `offset` because callers only need a point for some problems. */
  offset: number;
  end: number;
  severity: ProblemSeverity;
  /** Stable code: yaml's own error codes (e.g. `BAD_INDENT`) or ours (e.g. `duplicate-key`). */
  code: string;
}

export interface ParsedYaml {
  document: Document.Parsed;
  lineCounter: LineCounter;
  problems: SourceProblem[];
}

/**
 * Parses with the options every model here needs: duplicate keys allowed
 * (Go's yaml.v2 `Unmarshal`, which Milvus uses, lets the last one win; we report them ourselves),
 * and a LineCounter for callers that want lines. Never throws on bad input.
 */
export function parseYamlWithRanges(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    uniqueKeys: false,
    lineCounter,
    prettyErrors: false,
  });
  const toProblem =
    (severity: SourceProblem['severity']) =>
    (issue: YAMLError): SourceProblem => ({
      message: issue.message,
      offset: issue.pos[0],
      end: Math.max(issue.pos[1], issue.pos[0]),
      severity,
      code: issue.code,
    });
  const problems = [...document.errors.map(toProblem('error')), ...document.warnings.map(toProblem('warning'))];
  // The walkers' alias and depth bounds report into this same list (yamlAliases.ts).
  guardDocument(document, problems);
  return { document, lineCounter, problems };
}

/**
 * The value range of a node (without trailing comments), or undefined for anything that is not a
 * node. Takes `unknown` because yaml types pair keys and values as unknown: the guard here is the
 * one place that narrows them, so callers need no casts.
 */
export function rangeOfNode(node: unknown): OffsetRange | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

/** A range that always exists: falls back to an empty range at `fallbackOffset`. */
export function rangeOrPoint(node: unknown, fallbackOffset: number): OffsetRange {
  return rangeOfNode(node) ?? { start: fallbackOffset, end: fallbackOffset };
}

/**
 * The text of a scalar as the user wrote it: the raw source for plain scalars (so `1.0` stays
 * `1.0`, not the number 1), the decoded value for quoted and block scalars. `undefined` for a
 * non-scalar. An empty value (`key:`) gives ''.
 */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.type === 'PLAIN' || node.type === undefined) {
    if (typeof node.source === 'string') return node.source;
  }
  return stringOfValue(node.value);
}

/** Whether the scalar was written without quotes (and so is subject to YAML type resolution). */
export function isPlainScalar(node: unknown): boolean {
  return isScalar(node) && (node.type === 'PLAIN' || node.type === undefined);
}

/** One key/value of a mapping, with aliases resolved and `<<` merge keys expanded. */
export interface MapEntry {
  /** Key text as written (plain keys raw, quoted keys decoded). */
  key: string;
  keyNode: unknown;
  /** Value node after alias resolution; null for an empty value. */
  value: unknown;
  /** The value as written: the alias itself when it is one. */
  valueNode: unknown;
  /** True when the entry came in through a `<<: *anchor` merge (its ranges point at the anchor). */
  merged: boolean;
}

/**
 * The entries of a mapping as Go's yaml.v2 sees them: aliases resolved, `<<` merges expanded with
 * explicit keys taking precedence over merged ones. Duplicate explicit keys are all returned, in
 * document order (callers decide what a duplicate means). Entries behind an alias that is not
 * expanded (a loop, or past the document's bounds: yamlAliases.ts) are left out.
 */
export function mapEntries(map: unknown, document: Document, depth = 0): MapEntry[] {
  if (!isMap(map)) return [];
  const explicit: MapEntry[] = [];
  const merged: MapEntry[] = [];
  for (const pair of map.items) {
    // Aliases resolved; a plain node as it is (no wrapper: this runs for every pair on every keystroke).
    const keyNode = isAlias(pair.key) ? resolveAliasEntry(pair.key, document) : (pair.key ?? null);
    const value = isAlias(pair.value) ? resolveAliasEntry(pair.value, document) : (pair.value ?? null);
    if (keyNode === BLOCKED || value === BLOCKED) continue;
    const key = scalarText(keyNode) ?? '';
    if (key === '<<' && isPlainScalar(pair.key)) {
      const sources = isSeq(value) ? seqItems(value, document) : [value];
      for (const source of sources) {
        if (!allowsDepth(document, depth + 1, pair.value)) break;
        for (const entry of mapEntries(source, document, depth + 1)) merged.push({ ...entry, merged: true });
      }
      continue;
    }
    explicit.push({ key, keyNode: pair.key, value, valueNode: pair.value ?? null, merged: false });
  }
  // Almost every mapping has no merge key: nothing to combine (a keystroke's hot path).
  if (merged.length === 0) return explicit;
  const explicitKeys = new Set(explicit.map((entry) => entry.key));
  const seenMerged = new Set<string>();
  const mergedToKeep = merged.filter((entry) => {
    if (explicitKeys.has(entry.key) || seenMerged.has(entry.key)) return false;
    seenMerged.add(entry.key);
    return true;
  });
  return [...explicit, ...mergedToKeep];
}

/** Marks an alias that is not expanded (a loop, or past the document's bounds), for mapEntries. */
const BLOCKED = Symbol('alias not expanded');

function resolveAliasEntry(alias: Alias, document: Document): unknown {
  const resolution = resolveAliasBounded(alias, document);
  return 'node' in resolution ? resolution.node : BLOCKED;
}

function resolve(node: unknown, document: Document): AliasResolution {
  return isAlias(node) ? resolveAliasBounded(node, document) : { node: node ?? null };
}

/** The node an alias refers to (bounded); null for an empty value or an alias that is not expanded. */
export function resolveAlias(node: unknown, document: Document): unknown {
  const resolution = resolve(node, document);
  return 'node' in resolution ? resolution.node : null;
}

/** The items of a list with aliases resolved; items behind an alias that is not expanded are left out. */
export function seqItems(seq: unknown, document: Document): unknown[] {
  if (!isSeq(seq)) return [];
  const items: unknown[] = [];
  for (const item of seq.items) {
    const resolution = resolve(item, document);
    if ('node' in resolution) items.push(resolution.node);
  }
  return items;
}

/**
 * A node as plain data (what `toJSON` gives), with aliases and merges expanded within the
 * document's bounds: `toJSON` itself either leaves aliases as `{source}` or expands them unbounded.
 */
export function plainValue(node: unknown, document: Document, depth = 0): unknown {
  const resolved = resolveAlias(node, document);
  if ((isMap(resolved) || isSeq(resolved)) && !allowsDepth(document, depth + 1, node)) return null;
  if (isMap(resolved)) {
    const result: Record<string, unknown> = {};
    for (const entry of mapEntries(resolved, document, depth + 1)) result[entry.key] = plainValue(entry.value, document, depth + 1);
    return result;
  }
  if (isSeq(resolved)) return seqItems(resolved, document).map((item) => plainValue(item, document, depth + 1));
  return isScalar(resolved) ? (resolved.value ?? null) : null;
}

/** A mapping's fields as plain data (bounded like plainValue); an empty record for anything else. */
export function fieldsOf(map: unknown, document: Document): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const entry of mapEntries(resolveAlias(map, document), document)) fields[entry.key] = plainValue(entry.value, document);
  return fields;
}

/** The value node of the last explicit (or merged) entry with that exact key. */
export function getEntry(map: unknown, key: string, document: Document): MapEntry | undefined {
  const entries = mapEntries(map, document).filter((entry) => entry.key === key);
  return entries[entries.length - 1];
}

/** String form of a decoded scalar value (JSON for anything structured, '' for null). */
export function stringOfValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? '';
}
