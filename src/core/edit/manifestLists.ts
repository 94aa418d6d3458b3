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
  return Object.entries(value).map(([key, inner]) => (typeof inner === 'string'
    ? `${indent}${key}: ${formatScalar(inner)}${eol}`
    : `${indent}${key}:${eol}${render(inner, indent + unit, unit, eol)}`)).join('');
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

/** The lines of `segments` (mappings down to the list) holding `items`, at `indent`. */
function renderPath(segments: readonly string[], items: readonly ManifestItem[], indent: string, unit: string, dash: string, eol: string): string {
  const [first, ...rest] = segments;
  if (first === undefined) return '';
  if (rest.length === 0) return `${indent}${first}:${eol}${items.map((item) => renderItem(item, indent + dash, unit, eol)).join('')}`;
  return `${indent}${first}:${eol}${renderPath(rest, items, indent + unit, unit, dash, eol)}`;
}

/** Where the missing part of `path` goes, below a parent mapping that exists (block, `{}` or empty). */
function insertMissing(text: string, parent: NodeRef, parentKey: { start: number; end: number } | undefined, rest: readonly string[],
  items: readonly ManifestItem[], layout: { unit: string; dash: string; eol: string }, fail: (message: string) => never): TextEdit[] {
  const { unit, dash, eol } = layout;
  const node = parent.node;
  const parentIndent = parentKey ? keyIndentOf(text, parentKey.start) : undefined;
  const childIndent = parentIndent === undefined ? '' : parentIndent + unit;
  if (isMap(node) && !node.flow) {
    const first = nodeRange(node.items[0]?.key);
    const indent = first ? keyIndentOf(text, first.start) : childIndent;
    const offset = endOfNode(text, node);
    const lead = offset > 0 && text[offset - 1] !== '\n' ? eol : '';
    return [{ start: offset, end: offset, newText: lead + renderPath(rest, items, indent, unit, dash, eol) }];
  }
  const empty = node === null || (isMap(node) && node.items.length === 0) || (isScalar(node) && (node.value === null || node.value === ''));
  if (!empty) return fail('the mapping above it is not an indented block; edit it by hand');
  if (!parentKey) return [{ start: text.length, end: text.length, newText: (text === '' || text.endsWith('\n') ? '' : eol) + renderPath(rest, items, '', unit, dash, eol) }];
  // `key: {}` or `key:` with nothing: the block goes right under the key (a comment on its line stays).
  return underKey(text, parentKey, node, renderPath(rest, items, childIndent, unit, dash, eol), eol);
}

/** Drops an empty `{}`/`[]` after a key and puts `lines` on the lines below it. */
function underKey(text: string, key: { start: number; end: number }, value: unknown, lines: string, eol: string): TextEdit[] {
  const start = afterColon(text, key.end);
  const valueEnd = nodeRange(value)?.end;
  const edits: TextEdit[] = valueEnd !== undefined && valueEnd > start ? [{ start, end: valueEnd, newText: '' }] : [];
  const lineEnd = lineEndOf(text, start);
  const lead = lineEnd === text.length && !text.endsWith('\n') ? eol : '';
  return [...edits, { start: lineEnd, end: lineEnd, newText: lead + lines }];
}

export function planAppendToList(text: string, root: NodeRef, path: readonly string[], items: readonly ManifestItem[], label: string): TextEdit[] {
  if (items.length === 0) return [];
  const fail = (message: string): never => { throw new EditPlanError(label, `${path.join('.')}: ${message}`); };
  const eol = detectEol(text);
  const unitWidth = detectIndentUnit(text);
  const layout = { unit: ' '.repeat(unitWidth), dash: ' '.repeat(detectDashOffset(text, unitWidth)), eol };
  let parent: NodeRef = root;
  let parentKey: { start: number; end: number } | undefined;
  for (const [index, segment] of path.entries()) {
    const entry = childEntry(parent, segment);
    const keyRange = entry ? nodeRange(entry.keyNode) : undefined;
    if (!entry || !keyRange) return insertMissing(text, parent, parentKey, path.slice(index), items, layout, fail);
    if (entry.merged) return fail(`"${segment}" comes from a YAML merge (<<: *anchor); edit it by hand`);
    const value = entry.value;
    const valueRange = nodeRange(value);
    if (valueRange && valueRange.start < keyRange.end) return fail(`"${segment}" is an alias; edit it by hand`);
    if (index < path.length - 1) {
      parent = { node: value, document: root.document };
      parentKey = keyRange;
      continue;
    }
    if (isSeq(value) && !value.flow && value.items.length > 0) {
      const firstItem = nodeRange(value.items[0]);
      const prefix = firstItem ? linePrefix(text, firstItem.start) : '';
      if (!firstItem || !/^ *- +$/.test(prefix)) return fail('has an unusual layout; add the entry by hand');
      const offset = endOfNode(text, value);
      const lead = offset === text.length && !text.endsWith('\n') ? eol : '';
      const dashIndent = prefix.replace(/- +$/, '');
      return [{ start: offset, end: offset, newText: lead + items.map((item) => renderItem(item, dashIndent, layout.unit, eol)).join('') }];
    }
    const empty = value === null || (isSeq(value) && value.items.length === 0) || (isScalar(value) && (value.value === null || value.value === ''));
    if (!empty) return fail('is not a block list; write it as one (- item) first');
    return underKey(text, keyRange, value, items.map((item) => renderItem(item, keyIndentOf(text, keyRange.start) + layout.dash, layout.unit, eol)).join(''), eol);
  }
  return [];
}

/**
 * Sets a scalar in a manifest (`serviceRestfulPort: 8080`): its value replaced when it differs
 * (quotes kept), else the key added with the mappings above it. Empty when it already holds `value`.
 */
export function planSetManifestScalar(text: string, root: NodeRef, path: readonly string[], value: string, label: string): TextEdit[] {
  const fail = (message: string): never => { throw new EditPlanError(label, `${path.join('.')}: ${message}`); };
  const eol = detectEol(text);
  const unitWidth = detectIndentUnit(text);
  const layout = { unit: ' '.repeat(unitWidth), dash: ' '.repeat(detectDashOffset(text, unitWidth)), eol };
  let parent: NodeRef = root;
  let parentKey: { start: number; end: number } | undefined;
  for (const [index, segment] of path.entries()) {
    const entry = childEntry(parent, segment);
    const keyRange = entry ? nodeRange(entry.keyNode) : undefined;
    if (!entry || !keyRange) return insertMissingScalar(text, parent, parentKey, path.slice(index), value, layout, fail);
    if (entry.merged) return fail(`"${segment}" comes from a YAML merge (<<: *anchor); edit it by hand`);
    if (index < path.length - 1) {
      parent = { node: entry.value, document: root.document };
      parentKey = keyRange;
      continue;
    }
    const node = entry.value;
    const range = nodeRange(node);
    if (!isScalar(node) || !range || range.start < keyRange.end) return fail('is not a plain value; set it by hand');
    const written = text.slice(range.start, range.end);
    const quote = written.startsWith('"') ? '"' : written.startsWith("'") ? "'" : undefined;
    const current = typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : '';
    return current === value ? [] : [{ start: range.start, end: range.end, newText: formatScalar(value, quote) }];
  }
  return [];
}

function insertMissingScalar(text: string, parent: NodeRef, parentKey: { start: number; end: number } | undefined, rest: readonly string[],
  value: string, layout: { unit: string; dash: string; eol: string }, fail: (message: string) => never): TextEdit[] {
  const nested = (segments: readonly string[], indent: string): string => {
    const [first, ...more] = segments;
    if (first === undefined) return '';
    return more.length === 0 ? `${indent}${first}: ${formatScalar(value)}${layout.eol}` : `${indent}${first}:${layout.eol}${nested(more, indent + layout.unit)}`;
  };
  const node = parent.node;
  if (isMap(node) && !node.flow) {
    const first = nodeRange(node.items[0]?.key);
    const indent = first ? keyIndentOf(text, first.start) : parentKey ? keyIndentOf(text, parentKey.start) + layout.unit : '';
    const offset = endOfNode(text, node);
    const lead = offset > 0 && text[offset - 1] !== '\n' ? layout.eol : '';
    return [{ start: offset, end: offset, newText: lead + nested(rest, indent) }];
  }
  const empty = node === null || (isMap(node) && node.items.length === 0) || (isScalar(node) && (node.value === null || node.value === ''));
  if (!empty || !parentKey) return fail('the mapping above it is not an indented block; edit it by hand');
  return underKey(text, parentKey, node, nested(rest, keyIndentOf(text, parentKey.start) + layout.unit), layout.eol);
}
