/**
 * Sets values in a Milvus config file with the smallest possible text edits: an existing scalar
 * has only its value replaced (quotes kept), a missing key is inserted as the last line of its
 * block with the block's own indentation, and missing blocks are created. Everything else stays
 * byte-identical. Keys are found the way Milvus finds them (normalised, the last duplicate wins),
 * so `common.security.TLSMode` is updated rather than shadowed by a second spelling.
 */
import { isMap } from 'yaml';
import type { ConfigBlock, ConfigEntry, MilvusConfigFile } from '../config/milvusConfig';
import { parseMilvusConfig } from '../config/milvusConfig';
import { normaliseKeyPath } from '../config/keyNormalisation';
import { EditPlanError } from './errors';
import { blockingProblem, readBackFailed } from './readBack';
import { applyTextEdits, EditCollector, type TextEdit } from './textEdit';
import { detectEol, detectIndentUnit, formatScalar, lineAfter, lineStartOf, linePrefix } from './yamlText';

export interface DesiredValue {
  /** Canonical segments, e.g. ['common', 'security', 'tlsMode']. */
  path: string[];
  value: string;
  /** Whether the value Milvus reads now already means `value` (default: equal strings). */
  satisfiedBy?: (current: string) => boolean;
  /** What Milvus uses when the key is absent; when that satisfies, an absent key is left absent. */
  defaultValue?: string;
}

export interface ValueChange {
  key: string;
  /** The value Milvus read before; undefined when the key was absent. */
  from: string | undefined;
  to: string;
}

export interface ConfigValuesPlan {
  edits: TextEdit[];
  changes: ValueChange[];
  config: MilvusConfigFile;
}

/** A tree of keys to create under one existing block (or the document root). */
interface InsertTree {
  children: Map<string, InsertTree>;
  value?: string;
}

/**
 * For a milvus.yaml embedded in another file (a values file's `user.yaml: |`, a CR's spec.config):
 * `text` is the outer text blanked around it (kubernetes/embeddedYaml.ts), so every edit is an edit
 * of the outer file; new top-level keys take `rootIndent` when the embedded YAML has none yet.
 */
export interface EmbeddedLayout {
  rootIndent: string;
  /** The outer file's indentation step (the blanked text starts indented, which hides it). */
  indentUnit: number;
}

export function planConfigValues(
  text: string,
  desired: readonly DesiredValue[],
  label: string,
  embedded?: EmbeddedLayout,
): ConfigValuesPlan {
  const config = parseMilvusConfig(text, label);
  const fail = (message: string): never => {
    throw new EditPlanError(label, message);
  };
  const syntaxError = blockingProblem(config.problems);
  if (syntaxError) {
    fail(
      `cannot be edited safely: line ${config.lineCounter.linePos(syntaxError.offset).line}: ${syntaxError.message.replace(/\.$/, '')}. Fix the YAML first.`,
    );
  }
  const root = config.document.contents;
  if (root !== null && (!isMap(root) || root.flow)) fail('must be a block mapping of keys (not a list, a scalar or a {…} flow mapping)');

  const collector = new EditCollector();
  const changes: ValueChange[] = [];
  const inserts = new Map<ConfigBlock | 'root', InsertTree>();
  for (const want of desired) {
    const satisfied = want.satisfiedBy ?? ((current: string) => current === want.value);
    const key = normaliseKeyPath(want.path);
    const entries = config.allEntries.filter((entry) => entry.key === key && !entry.shadowed);
    const shown = want.path.join('.');
    if (entries.length === 0) {
      if (want.defaultValue !== undefined && satisfied(want.defaultValue)) continue;
      const { anchor, rest } = findAnchor(config, want.path, fail);
      addToTree(inserts, anchor, rest, want.value);
      changes.push({ key: shown, from: undefined, to: want.value });
      continue;
    }
    const current = config.entries.get(key)?.value ?? entries[entries.length - 1]?.value ?? '';
    let changed = false;
    for (const entry of entries) {
      if (entry.isScalar && satisfied(entry.value)) continue;
      replaceValue(text, entry, want.value, collector, fail);
      changed = true;
    }
    if (changed) changes.push({ key: shown, from: current, to: want.value });
  }

  const eol = detectEol(text);
  const unit = ' '.repeat(embedded?.indentUnit ?? detectIndentUnit(text));
  for (const [anchor, tree] of inserts) {
    if (anchor === 'root' && /^\.\.\.[ \t]*\r?$/m.test(text)) {
      fail('ends its YAML document with "..."; new top-level keys would land in a second document. Remove the marker first.');
    }
    if (anchor === 'root') insertAtRoot(text, config, tree, eol, unit, collector, embedded?.rootIndent ?? '');
    else insertInBlock(text, anchor, tree, eol, unit, collector, fail);
  }
  const edits = collector.edits;
  if (edits.length > 0) readBack(applyTextEdits(text, edits), desired, label);
  return { edits, changes, config };
}

/** The edited text, read as Milvus reads it: no new problem, and every key Milvus uses holds what was wanted. */
function readBack(edited: string, desired: readonly DesiredValue[], label: string): void {
  const config = parseMilvusConfig(edited, label);
  const problem = blockingProblem(config.problems);
  if (problem) readBackFailed(label, `the result has a YAML problem: ${problem.message}`);
  for (const want of desired) {
    const satisfied = want.satisfiedBy ?? ((current: string) => current === want.value);
    const key = normaliseKeyPath(want.path);
    const entries = config.allEntries.filter((entry) => entry.key === key && !entry.shadowed);
    const absentIsFine = want.defaultValue !== undefined && satisfied(want.defaultValue);
    if (entries.length === 0 ? !absentIsFine : !entries.every((entry) => entry.isScalar && satisfied(entry.value))) {
      readBackFailed(label, `${want.path.join('.')} does not read as ${JSON.stringify(want.value)}`);
    }
  }
}

/** The deepest existing block that is a prefix of `path`, and the segments still to create under it. */
function findAnchor(
  config: MilvusConfigFile,
  path: readonly string[],
  fail: (message: string) => never,
): { anchor: ConfigBlock | 'root'; rest: string[] } {
  for (let length = path.length - 1; length >= 1; length--) {
    const prefix = path.slice(0, length);
    const key = normaliseKeyPath(prefix);
    const blocks = config.blocks.filter((block) => block.key === key && !block.shadowed);
    const block = blocks[blocks.length - 1];
    if (block) return { anchor: block, rest: path.slice(length) };
    const scalar = config.entries.get(key);
    if (scalar) {
      fail(
        `"${scalar.path.join('.')}" (line ${config.lineCounter.linePos(scalar.keyRange.start).line}) holds a value, not a section, ` +
          `so ${path.join('.')} cannot be added under it. Make it a section or remove it.`,
      );
    }
  }
  return { anchor: 'root', rest: [...path] };
}

function addToTree(
  inserts: Map<ConfigBlock | 'root', InsertTree>,
  anchor: ConfigBlock | 'root',
  rest: readonly string[],
  value: string,
): void {
  let node: InsertTree = inserts.get(anchor) ?? { children: new Map<string, InsertTree>() };
  inserts.set(anchor, node);
  for (const segment of rest) {
    const child: InsertTree = node.children.get(segment) ?? { children: new Map<string, InsertTree>() };
    node.children.set(segment, child);
    node = child;
  }
  node.value = value;
}

function replaceValue(text: string, entry: ConfigEntry, value: string, collector: EditCollector, fail: (message: string) => never): void {
  const where = `${entry.path.join('.')} (offset ${entry.keyRange.start})`;
  if (entry.merged) fail(`${where} comes from a YAML merge (<<: *anchor); change it where the anchor is defined`);
  if (!entry.isScalar) fail(`${where} is a list; Milvus expects a single value there. Replace it by hand.`);
  const { keyRange, valueRange } = entry;
  if (valueRange.start === valueRange.end) {
    // `port:` or `port:  # comment`: the value goes right after the colon.
    const colon = /^[ \t]*:/.exec(text.slice(keyRange.end));
    if (!colon) fail(`${where}: unexpected layout after the key`);
    collector.insert(keyRange.end + (colon?.[0].length ?? 0), ` ${formatScalar(value)}`);
    return;
  }
  // Anything but `key: value` on one line (an alias, a value on the next line, a tag) is left alone.
  if (valueRange.start < keyRange.end || !/^[ \t]*:[ \t]*$/.test(text.slice(keyRange.end, valueRange.start))) {
    fail(`${where}: the value is not written right after the key (an alias, a tag or the next line); set it by hand`);
  }
  const first = text[valueRange.start];
  if (first === '|' || first === '>') fail(`${where} is a block scalar (| or >); write it as a single-line value first`);
  const quote = first === '"' || first === "'" ? first : undefined;
  collector.replace(valueRange.start, valueRange.end, formatScalar(value, quote));
}

function renderTree(tree: InsertTree, indent: string, unit: string, eol: string): string {
  let out = '';
  for (const [segment, child] of tree.children) {
    if (child.value !== undefined && child.children.size === 0) {
      out += `${indent}${segment}: ${formatScalar(child.value)}${eol}`;
    } else {
      out += `${indent}${segment}:${eol}${renderTree(child, indent + unit, unit, eol)}`;
    }
  }
  return out;
}

function insertInBlock(
  text: string,
  block: ConfigBlock,
  tree: InsertTree,
  eol: string,
  unit: string,
  collector: EditCollector,
  fail: (message: string) => never,
): void {
  const shown = block.path.join('.');
  if (text[block.range.start] === '{') {
    fail(`"${shown}" is written as a flow mapping ({…}); write it as an indented block to let Milvus TLS edit it`);
  }
  const firstChild = block.children[0];
  const indent = firstChild ? linePrefix(text, firstChild.keyRange.start) : '';
  if (!firstChild || !/^ *$/.test(indent) || lineStartOf(text, block.range.start) === lineStartOf(text, block.keyRange.start)) {
    fail(`"${shown}" has an unusual layout (its keys do not start their own indented lines); edit it by hand`);
  }
  const offset = lineAfter(text, block.range.end);
  const leading = offset === text.length && !text.endsWith('\n') ? eol : '';
  // Where blocks end together (`http:` as the last child of `proxy:`), the deeper one's lines go first.
  collector.insert(offset, leading + renderTree(tree, indent, unit, eol), -block.path.length);
}

function insertAtRoot(
  text: string,
  config: MilvusConfigFile,
  tree: InsertTree,
  eol: string,
  unit: string,
  collector: EditCollector,
  rootIndent: string,
): void {
  const root = config.document.contents;
  const firstKey = isMap(root) ? root.items[0]?.key : undefined;
  const keyStart = (firstKey as { range?: [number, number, number] } | undefined)?.range?.[0];
  const indent = keyStart === undefined ? rootIndent : linePrefix(text, keyStart).replace(/[^ ]/g, ' ');
  let leading = text === '' || text.endsWith('\n') ? '' : eol;
  // A blank line before new top-level sections, as between the sections of the shipped files.
  if (text.trim() !== '' && !/\n[ \t]*\r?\n$/.test(text + leading)) leading += eol;
  collector.insert(text.length, leading + renderTree(tree, indent, unit, eol));
}
