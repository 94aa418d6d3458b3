/**
 * Appends mapping items to a list in a Kubernetes manifest or values file (`volumes`,
 * `volumeMounts`), creating the list and the mappings above it when they are missing, as inserted
 * lines that copy the file's indentation, dash style and line endings. An empty `[]` or `{}` is
 * replaced by a block; anything else unusual (a non-empty flow list, an alias) is refused.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { NodeRef } from '../kubernetes/yamlNodes';
import { childEntry, nodeRange } from '../kubernetes/yamlNodes';
import { detectDashOffset } from './composeLists';
import { EditPlanError } from './errors';
import type { TextEdit } from './textEdit';
import { detectEol, detectIndentUnit, formatScalar, lineEndOf, linePrefix } from './yamlText';

/** One list item: `key: value` pairs, a nested mapping as a value. */
export type ManifestItem = { [key: string]: string | ManifestItem };

function render(value: ManifestItem, indent: string, unit: string, eol: string): string {
  return Object.entries(value)
    .map(([key, inner]) =>
      typeof inner === 'string'
        ? `${indent}${key}: ${formatScalar(inner)}${eol}`
        : `${indent}${key}:${eol}${render(inner, indent + unit, unit, eol)}`,
    )
    .join('');
}

/** `- a: 1` then the other keys under the first one. */
function renderItem(item: ManifestItem, dashIndent: string, unit: string, eol: string): string {
  const body = render(item, `${dashIndent}  `, unit, eol);
  return `${dashIndent}- ${body.slice(dashIndent.length + 2)}`;
}

function endOfNode(text: string, node: unknown): number {
  const range = nodeRange(node);
  if (!range) return text.length;
  return text[range.end - 1] === '\n' ? range.end : lineEndOf(text, range.end);
}

function afterColon(text: string, keyEnd: number): number {
  const colon = /^[ \t]*:/.exec(text.slice(keyEnd));
  return colon ? keyEnd + colon[0].length : keyEnd;
}

function keyIndentOf(text: string, keyStart: number): string {
  return linePrefix(text, keyStart).replace(/[^ ]/g, ' ');
}

interface Layout {
  unit: string;
  dash: string;
  eol: string;
}

function layoutOf(text: string): Layout {
  const unitWidth = detectIndentUnit(text);
  return { unit: ' '.repeat(unitWidth), dash: ' '.repeat(detectDashOffset(text, unitWidth)), eol: detectEol(text) };
}

/** Mappings down to the last segment at `indent`; the last one's value as `leaf` renders it. */
function renderPath(segments: readonly string[], indent: string, layout: Layout, leaf: (key: string, indent: string) => string): string {
  const [first, ...rest] = segments;
  if (first === undefined) return '';
  if (rest.length === 0) return leaf(first, indent);
  return `${indent}${first}:${layout.eol}${renderPath(rest, indent + layout.unit, layout, leaf)}`;
}

type KeyRange = { start: number; end: number };
type Leaf = (key: string, indent: string) => string;

/** Where the missing part of a path goes, below a parent mapping that exists (block, `{}` or empty). */
function insertMissing(
  text: string,
  parent: NodeRef,
  parentKey: KeyRange | undefined,
  rest: readonly string[],
  layout: Layout,
  leaf: Leaf,
  fail: (message: string) => never,
): TextEdit[] {
  const { unit, eol } = layout;
  const node = parent.node;
  const childIndent = parentKey ? keyIndentOf(text, parentKey.start) + unit : '';
  if (isMap(node) && !node.flow) {
    const first = nodeRange(node.items[0]?.key);
    const offset = endOfNode(text, node);
    const lead = offset > 0 && text[offset - 1] !== '\n' ? eol : '';
    return [
      { start: offset, end: offset, newText: lead + renderPath(rest, first ? keyIndentOf(text, first.start) : childIndent, layout, leaf) },
    ];
  }
  const empty = node === null || (isMap(node) && node.items.length === 0) || (isScalar(node) && (node.value === null || node.value === ''));
  if (!empty) return fail('the mapping above it is not an indented block; edit it by hand');
  if (!parentKey) {
    return [
      {
        start: text.length,
        end: text.length,
        newText: (text === '' || text.endsWith('\n') ? '' : eol) + renderPath(rest, '', layout, leaf),
      },
    ];
  }
  // `key: {}` or `key:` with nothing: the block goes right under the key (a comment on its line stays).
  return underKey(text, parentKey, node, renderPath(rest, childIndent, layout, leaf), eol);
}

/** Drops an empty `{}`/`[]` after a key and puts `lines` on the lines below it. */
function underKey(text: string, key: KeyRange, value: unknown, lines: string, eol: string): TextEdit[] {
  const start = afterColon(text, key.end);
  const valueEnd = nodeRange(value)?.end;
  const edits: TextEdit[] = valueEnd !== undefined && valueEnd > start ? [{ start, end: valueEnd, newText: '' }] : [];
  const lineEnd = lineEndOf(text, start);
  const lead = lineEnd === text.length && !text.endsWith('\n') ? eol : '';
  return [...edits, { start: lineEnd, end: lineEnd, newText: lead + lines }];
}

/**
 * Follows `path` through the mappings: the last segment's entry when every segment exists, else where
 * the missing part would go (its parent mapping and that mapping's key). Merged keys and aliases refused.
 */
function walkPath(
  root: NodeRef,
  path: readonly string[],
  fail: (message: string) => never,
): { found: { keyRange: KeyRange; value: unknown } } | { missing: { parent: NodeRef; parentKey: KeyRange | undefined; rest: string[] } } {
  let parent: NodeRef = root;
  let parentKey: KeyRange | undefined;
  for (const [index, segment] of path.entries()) {
    const entry = childEntry(parent, segment);
    const keyRange = entry ? nodeRange(entry.keyNode) : undefined;
    if (!entry || !keyRange) return { missing: { parent, parentKey, rest: path.slice(index) } };
    if (entry.merged) return fail(`"${segment}" comes from a YAML merge (<<: *anchor); edit it by hand`);
    const valueRange = nodeRange(entry.value);
    if (valueRange && valueRange.start < keyRange.end) return fail(`"${segment}" is an alias; edit it by hand`);
    if (index === path.length - 1) return { found: { keyRange, value: entry.value } };
    parent = { node: entry.value, document: root.document };
    parentKey = keyRange;
  }
  return fail('an empty path');
}

export function planAppendToList(
  text: string,
  root: NodeRef,
  path: readonly string[],
  items: readonly ManifestItem[],
  label: string,
): TextEdit[] {
  if (items.length === 0) return [];
  const fail = (message: string): never => {
    throw new EditPlanError(label, `${path.join('.')}: ${message}`);
  };
  const layout = layoutOf(text);
  const itemLines = (dashIndent: string): string => items.map((item) => renderItem(item, dashIndent, layout.unit, layout.eol)).join('');
  const walked = walkPath(root, path, fail);
  if ('missing' in walked) {
    const { parent, parentKey, rest } = walked.missing;
    return insertMissing(
      text,
      parent,
      parentKey,
      rest,
      layout,
      (key, indent) => `${indent}${key}:${layout.eol}${itemLines(indent + layout.dash)}`,
      fail,
    );
  }
  const { keyRange, value } = walked.found;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const firstItem = nodeRange(value.items[0]);
    const prefix = firstItem ? linePrefix(text, firstItem.start) : '';
    if (!firstItem || !/^ *- +$/.test(prefix)) return fail('has an unusual layout; add the entry by hand');
    const offset = endOfNode(text, value);
    const lead = offset === text.length && !text.endsWith('\n') ? layout.eol : '';
    return [{ start: offset, end: offset, newText: lead + itemLines(prefix.replace(/- +$/, '')) }];
  }
  const empty =
    value === null || (isSeq(value) && value.items.length === 0) || (isScalar(value) && (value.value === null || value.value === ''));
  if (!empty) return fail('is not a block list; write it as one (- item) first');
  return underKey(text, keyRange, value, itemLines(keyIndentOf(text, keyRange.start) + layout.dash), layout.eol);
}

/**
 * Sets a scalar in a manifest (`serviceRestfulPort: 8080`): its value replaced when it differs
 * (quotes kept), else the key added with the mappings above it. Empty when it already holds `value`.
 */
export function planSetManifestScalar(text: string, root: NodeRef, path: readonly string[], value: string, label: string): TextEdit[] {
  const fail = (message: string): never => {
    throw new EditPlanError(label, `${path.join('.')}: ${message}`);
  };
  const layout = layoutOf(text);
  const walked = walkPath(root, path, fail);
  if ('missing' in walked) {
    const { parent, parentKey, rest } = walked.missing;
    return insertMissing(
      text,
      parent,
      parentKey,
      rest,
      layout,
      (key, indent) => `${indent}${key}: ${formatScalar(value)}${layout.eol}`,
      fail,
    );
  }
  const node = walked.found.value;
  const range = nodeRange(node);
  if (!isScalar(node) || !range) return fail('is not a plain value; set it by hand');
  const written = text.slice(range.start, range.end);
  const quote = written.startsWith('"') ? '"' : written.startsWith("'") ? "'" : undefined;
  const current = typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : '';
  return current === value ? [] : [{ start: range.start, end: range.end, newText: formatScalar(value, quote) }];
}
