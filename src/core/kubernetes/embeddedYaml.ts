/**
 * A milvus.yaml that lives inside another YAML file: the chart's `extraConfigFiles.user.yaml: |`
 * block scalar, a ConfigMap's `milvus.yaml: |`, or a Milvus CR's `spec.config` mapping.
 *
 * The trick that keeps every position exact: the embedded YAML is parsed from a copy of the outer
 * text in which everything before the region is blanked (line breaks kept) and everything after it
 * cut off. YAML allows an indented root, so a block scalar's content parses, relative indentation
 * and all, as the decoded string would — and every offset of the model IS an offset of the outer
 * file. Diagnostics, quick fixes and edits need no mapping at all, CRLF included.
 *
 * Where that copy would read differently from the decoded string, it is adjusted without moving
 * any offset: a folded (`>`) scalar joins lines as YAML folds them (the line break becomes
 * spaces). A quoted or plain scalar cannot keep offsets (escapes), so its decoded text is parsed
 * on its own and `positionsExact` is false: findings then point at the scalar as a whole.
 */
import { isMap, isScalar, Scalar } from 'yaml';
import type { OffsetRange } from '../config/yamlSource';
import type { NodeRef } from './yamlNodes';

export type EmbeddedStyle = 'literal' | 'folded' | 'block-mapping' | 'flow-mapping' | 'quoted' | 'empty';

export interface EmbeddedYaml {
  /** The YAML Milvus reads, as text whose offsets are the outer file's (see above). */
  text: string;
  /** Where the YAML's lines are in the outer file ([start, end) of its content, blank tail trimmed). */
  region: OffsetRange;
  /** Indentation of the embedded document's top-level keys (for new ones when it has none yet). */
  indent: string;
  style: EmbeddedStyle;
  /** False for quoted scalars: `text` is the decoded string and its offsets are not the file's. */
  positionsExact: boolean;
  /** For `>`: line breaks YAML folds into a space, which joins two lines of what Milvus reads. */
  folds: OffsetRange[];
  /** Why the YAML cannot be edited in place, when it cannot. */
  notEditable?: string;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The outer text up to `end`, with everything before `start` blanked except line breaks. */
export function maskOutside(text: string, start: number, end: number): string {
  return text.slice(0, start).replace(/[^\r\n]/g, ' ') + text.slice(start, end);
}

/** [start, end) of the lines in [from, to) up to the last one with something on it. */
function trimBlankTail(text: string, from: number, to: number): number {
  let end = from;
  for (let offset = from; offset < to;) {
    const next = Math.min(lineEnd(text, offset), to);
    if (text.slice(offset, next).trim() !== '') end = next;
    offset = next;
  }
  return end;
}

function indentOfFirstLine(text: string, from: number, to: number): string | undefined {
  for (let offset = from; offset < to;) {
    const next = lineEnd(text, offset);
    const line = text.slice(offset, Math.min(next, to)).replace(/\r?\n$/, '');
    if (line.trim() !== '') return /^ */.exec(line)?.[0] ?? '';
    offset = next;
  }
  return undefined;
}

/** Line breaks a folded scalar turns into spaces: between two adjacent non-empty lines at the base indentation. */
function foldedBreaks(text: string, from: number, to: number, indent: string): OffsetRange[] {
  const folds: OffsetRange[] = [];
  let previousEnd: number | undefined;
  for (let offset = from; offset < to;) {
    const next = Math.min(lineEnd(text, offset), to);
    const line = text.slice(offset, next).replace(/\r?\n$/, '');
    const atBase = line.startsWith(indent) && line.length > indent.length && !/^[ \t]/.test(line.slice(indent.length));
    if (atBase && previousEnd !== undefined) folds.push({ start: previousEnd, end: offset });
    previousEnd = atBase ? offset + line.length : undefined;
    offset = next;
  }
  return folds;
}

/** Markers a decoded string would read as document boundaries, which the indented copy would not. */
function hasDocumentMarkers(text: string, from: number, to: number, indent: string): boolean {
  const pattern = new RegExp(`^${indent}(?:---|\\.\\.\\.|%)`, 'm');
  return pattern.test(text.slice(from, to));
}

/** `user.yaml: |` and friends. `keyIndent`: the indentation of the key holding it, for an empty block. */
export function embeddedScalar(outerText: string, value: NodeRef | undefined, keyIndent: string, unit: string): EmbeddedYaml {
  const node = value?.node;
  const fallbackIndent = keyIndent + unit;
  if (!isScalar(node) || node.range === undefined || node.range === null) {
    const at = isScalar(node) && node.range ? node.range[0] : 0;
    return { text: '', region: { start: at, end: at }, indent: fallbackIndent, style: 'empty', positionsExact: true, folds: [] };
  }
  const [start, valueEnd] = node.range;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const contentStart = lineEnd(outerText, start);
    const end = trimBlankTail(outerText, contentStart, valueEnd);
    const indent = indentOfFirstLine(outerText, contentStart, end) ?? fallbackIndent;
    const style: EmbeddedStyle = node.type === Scalar.BLOCK_LITERAL ? 'literal' : 'folded';
    if (hasDocumentMarkers(outerText, contentStart, end, indent)) return decoded(node, start, valueEnd, indent, style);
    let text = maskOutside(outerText, contentStart, end);
    const folds = style === 'folded' ? foldedBreaks(outerText, contentStart, end, indent) : [];
    for (const fold of folds) text = text.slice(0, fold.start) + ' '.repeat(fold.end - fold.start) + text.slice(fold.end);
    return {
      text,
      region: { start: contentStart, end },
      indent,
      style,
      positionsExact: true,
      folds,
      ...(style === 'folded'
        ? { notEditable: 'it is a folded block scalar (>), where a new line could be joined with the one before it; write it with | first' }
        : {}),
    };
  }
  const decodedText = typeof node.value === 'string' ? node.value : '';
  if (decodedText.trim() === '') {
    return { text: '', region: { start, end: valueEnd }, indent: fallbackIndent, style: 'empty', positionsExact: true, folds: [] };
  }
  return decoded(node, start, valueEnd, fallbackIndent, 'quoted');
}

function decoded(node: Scalar, start: number, end: number, indent: string, style: EmbeddedStyle): EmbeddedYaml {
  return {
    text: typeof node.value === 'string' ? node.value : '',
    region: { start, end },
    indent,
    style,
    positionsExact: false,
    folds: [],
    notEditable: 'it is written as a quoted string (or holds document markers); write it as a | block to let Milvus TLS edit it',
  };
}

/** A CR's `spec.config:` mapping (or `{}`), parsed in place. */
export function embeddedMapping(outerText: string, value: NodeRef | undefined, keyIndent: string, unit: string): EmbeddedYaml {
  const node = value?.node;
  const fallbackIndent = keyIndent + unit;
  if (!isMap(node) || !node.range) {
    const at = isScalar(node) && node.range ? node.range[0] : 0;
    return { text: '', region: { start: at, end: at }, indent: fallbackIndent, style: 'empty', positionsExact: true, folds: [] };
  }
  const [start, valueEnd] = node.range;
  if (node.flow) {
    const style: EmbeddedStyle = 'flow-mapping';
    return {
      text: maskOutside(outerText, start, valueEnd),
      region: { start, end: valueEnd },
      indent: fallbackIndent,
      style,
      positionsExact: true,
      folds: [],
      ...(node.items.length > 0
        ? { notEditable: 'it is written as a flow mapping ({…}); write it as an indented block to let Milvus TLS edit it' }
        : {}),
    };
  }
  const end = trimBlankTail(outerText, lineStart(outerText, start), valueEnd);
  const indent = outerText.slice(lineStart(outerText, start), start);
  return {
    text: maskOutside(outerText, start, end),
    region: { start, end },
    indent: /^ *$/.test(indent) ? indent : fallbackIndent,
    style: 'block-mapping',
    positionsExact: true,
    folds: [],
  };
}
