/**
 * Setting values in a milvus.yaml that lives inside a Kubernetes file, with the one engine of
 * milvusYamlEdits.ts: the chart's `extraConfigFiles.user.yaml: |` block and a Milvus CR's
 * `spec.config`. The embedded YAML is edited in place through its blanked copy (same offsets as
 * the file), so comments, quoting, CRLF and the block's indentation stay; when it does not exist
 * yet (no user.yaml, `config: {}`, `user.yaml:` with nothing), it is created, rendered by the same
 * planner at the right indentation.
 */
import { isMap } from 'yaml';
import type { EmbeddedRegion } from '../deployment/types';
import { maskOutside } from '../kubernetes/embeddedYaml';
import type { ManifestDocument } from '../kubernetes/manifestFile';
import type { NodeRef } from '../kubernetes/yamlNodes';
import { child, keyRangeOf, nodeRange } from '../kubernetes/yamlNodes';
import { EditPlanError } from './errors';
import type { DesiredValue, ValueChange } from './milvusYamlEdits';
import { planConfigValues } from './milvusYamlEdits';
import type { TextEdit } from './textEdit';
import { applyTextEdits } from './textEdit';
import { detectEol, detectIndentUnit, lineEndOf, linePrefix } from './yamlText';

export interface EmbeddedTarget {
  /** The whole file. */
  text: string;
  /** The document holding it: a values file, or the Milvus resource. */
  doc: ManifestDocument;
  flavour: 'helm' | 'operator';
  /** Where the milvus.yaml is now; undefined when it does not exist yet. */
  region: EmbeddedRegion | undefined;
  label: string;
}

export interface EmbeddedValuesPlan {
  edits: TextEdit[];
  changes: ValueChange[];
}

/** The YAML lines of `desired` at `indent`, as the planner writes them into an empty file. */
export function renderValues(
  desired: readonly DesiredValue[],
  indent: string,
  unit: number,
  eol: string,
  label: string,
): { text: string; changes: ValueChange[] } {
  const plan = planConfigValues('', desired, label, { rootIndent: indent, indentUnit: unit });
  const text = applyTextEdits('', plan.edits);
  return { text: eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text, changes: plan.changes };
}

function fail(label: string, message: string): never {
  throw new EditPlanError(label, message);
}

/** Offset just after `key:` (the colon) of the entry holding `value`. */
function afterColon(text: string, keyEnd: number): number {
  const colon = /^[ \t]*:/.exec(text.slice(keyEnd));
  return colon ? keyEnd + colon[0].length : keyEnd;
}

/** The last line of a block mapping's value: where a new last child goes. */
function endOfBlock(text: string, ref: NodeRef): number {
  const range = nodeRange(ref.node);
  if (!range) return text.length;
  return text[range.end - 1] === '\n' ? range.end : lineEndOf(text, range.end);
}

function indentOfChildren(text: string, ref: NodeRef, fallback: string): string {
  const first = isMap(ref.node) ? ref.node.items[0]?.key : undefined;
  const range = nodeRange(first);
  return range ? linePrefix(text, range.start).replace(/[^ ]/g, ' ') : fallback;
}

/** Inserting whole lines at `offset`: a line break first if the file does not end one there. */
function linesAt(text: string, offset: number, lines: string, eol: string): TextEdit {
  const lead = offset > 0 && text[offset - 1] !== '\n' ? eol : '';
  return { start: offset, end: offset, newText: lead + lines };
}

function createdContainer(target: EmbeddedTarget, desired: readonly DesiredValue[], unit: number, eol: string): EmbeddedValuesPlan {
  const { text, doc, label } = target;
  const u = ' '.repeat(unit);
  const root = doc.root;
  const [outerKey, innerKey, header] = target.flavour === 'helm' ? ['extraConfigFiles', 'user.yaml', ' |'] : ['spec', 'config', ''];
  const outer = child(root, outerKey);
  const inner = child(outer, innerKey);
  const innerKeyRange = keyRangeOf(outer, innerKey);
  if (inner && innerKeyRange) {
    // `user.yaml:` / `config:` with nothing (or `{}`, `""`): replace the value with the block.
    const indent = linePrefix(text, innerKeyRange.start).replace(/[^ ]/g, ' ') + u;
    const rendered = renderValues(desired, indent, unit, eol, label);
    const valueRange = nodeRange(inner.node);
    const start = afterColon(text, innerKeyRange.end);
    const end = valueRange && valueRange.end > start ? valueRange.end : start;
    const tail = text.slice(end, lineEndOf(text, end)).trim() === '' ? lineEndOf(text, end) : end;
    return { edits: [{ start, end: tail, newText: `${header}${eol}${rendered.text}` }], changes: rendered.changes };
  }
  const outerKeyRange = keyRangeOf(root, outerKey);
  if (outer && outerKeyRange) {
    if (!isMap(outer.node)) fail(label, `${outerKey} is not a mapping; fix it first`);
    if (isMap(outer.node) && outer.node.flow && outer.node.items.length > 0) {
      fail(label, `${outerKey} is written as a flow mapping ({…}); write it as an indented block first`);
    }
    const keyIndent = linePrefix(text, outerKeyRange.start).replace(/[^ ]/g, ' ');
    const childIndent = indentOfChildren(text, outer, keyIndent + u);
    const rendered = renderValues(desired, childIndent + u, unit, eol, label);
    const lines = `${childIndent}${innerKey}:${header}${eol}${rendered.text}`;
    if (isMap(outer.node) && outer.node.flow) {
      const range = nodeRange(outer.node);
      const start = afterColon(text, outerKeyRange.end);
      return {
        edits: [{ start, end: range?.end ?? start, newText: `${eol}${lines.replace(new RegExp(`${eol}$`), '')}` }],
        changes: rendered.changes,
      };
    }
    return { edits: [linesAt(text, endOfBlock(text, outer), lines, eol)], changes: rendered.changes };
  }
  if (outer) fail(label, `${outerKey} has a layout Milvus TLS cannot extend; add ${innerKey} by hand`);
  const rootIndent = indentOfChildren(text, root, '');
  const rendered = renderValues(desired, rootIndent + u + u, unit, eol, label);
  const lines = `${rootIndent}${outerKey}:${eol}${rootIndent}${u}${innerKey}:${header}${eol}${rendered.text}`;
  return { edits: [linesAt(text, endOfBlock(text, root), lines, eol)], changes: rendered.changes };
}

export function planEmbeddedValues(target: EmbeddedTarget, desired: readonly DesiredValue[]): EmbeddedValuesPlan {
  const { text, region, label } = target;
  const eol = detectEol(text);
  const unit = detectIndentUnit(text);
  if (region && region.notEditable !== undefined && region.style !== 'empty') {
    fail(label, `cannot be edited in place: ${region.notEditable}`);
  }
  const hasContent = region !== undefined && (region.style === 'literal' || region.style === 'block-mapping');
  if (!hasContent) return createdContainer(target, desired, unit, eol);
  const masked = maskOutside(text, region.range.start, region.range.end);
  const plan = planConfigValues(masked, desired, label, { rootIndent: region.indent, indentUnit: unit });
  return { edits: plan.edits, changes: plan.changes };
}
