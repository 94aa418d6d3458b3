/**
 * Appends an item to a service's `volumes:` or `ports:` list in a compose file, as one inserted
 * line that copies the list's own dash indentation and quoting, or adds the key when the service
 * has none. Flow lists (`[…]`), aliases and merged keys are refused rather than rewritten.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { getEntry, parseYamlWithRanges, rangeOfNode } from '../config/yamlSource';
import { EditPlanError } from './errors';
import type { EditCollector } from './textEdit';
import { detectEol, detectIndentUnit, formatScalar, lineAfter, lineEndOf, linePrefix } from './yamlText';

export interface ComposeTextContext {
  text: string;
  document: Document.Parsed;
  eol: string;
  label: string;
  /** Columns between a list key and its dashes in this file (0 for `key:\n- item`, 2 for `key:\n  - item`). */
  dashOffset: number;
}

export function composeTextContext(text: string, label: string): ComposeTextContext {
  return {
    text,
    document: parseYamlWithRanges(text).document,
    eol: detectEol(text),
    label,
    dashOffset: detectDashOffset(text, detectIndentUnit(text)),
  };
}

/** The service's mapping node in `document`, by service name. */
export function serviceNode(context: ComposeTextContext, name: string): unknown {
  const root = context.document.contents;
  const services = isMap(root) ? getEntry(root, 'services', context.document)?.value : undefined;
  if (isMap(services) && services.flow) {
    throw new EditPlanError(context.label, '"services" is written as a flow mapping ({…}); edit it by hand');
  }
  return isMap(services) ? getEntry(services, name, context.document)?.value : undefined;
}

/** How far the first block list of volumes/ports (else any list) is indented below its key. */
export function detectDashOffset(text: string, fallback: number): number {
  const preferred = /^( *)(?:volumes|ports):[ \t]*\r?\n( *)- /m.exec(text) ?? /^( *)[\w.-]+:[ \t]*\r?\n( *)- /m.exec(text);
  if (!preferred) return fallback;
  return Math.max(0, (preferred[2]?.length ?? 0) - (preferred[1]?.length ?? 0));
}

/**
 * Plans inserting `values` into the list `key` of service `name`. `quote` is the quoting used when
 * the list gives no example (ports are always quoted: YAML 1.1 reads `80:80`-like text as a number).
 */
export function appendToServiceList(
  context: ComposeTextContext,
  name: string,
  key: 'volumes' | 'ports',
  values: readonly string[],
  quote: '"' | undefined,
  collector: EditCollector,
): void {
  if (values.length === 0) return;
  const { text, document, eol, label } = context;
  const fail = (message: string): never => {
    throw new EditPlanError(label, `service "${name}": ${message}`);
  };
  const node = serviceNode(context, name);
  if (!isMap(node) || node.flow) return fail('is not an indented block mapping; edit it by hand');
  const entry = getEntry(node, key, document);
  const keyRange = rangeOfNode(entry?.keyNode);
  if (entry && keyRange) {
    if (entry.merged) fail(`"${key}" comes from a YAML merge (<<: *anchor); add the entry by hand`);
    const list = entry.value;
    const listRange = rangeOfNode(list);
    if (!isSeq(list) || !listRange) return fail(`"${key}" is not a list; add the entry by hand`);
    if (list.flow || listRange.start < keyRange.end) {
      fail(`"${key}" is a flow list ([…]) or an alias; write it as a block list (- item) first`);
    }
    const first = list.items[0];
    const firstRange = rangeOfNode(first);
    const prefix = firstRange ? linePrefix(text, firstRange.start) : '';
    if (!firstRange || !/^ *- +$/.test(prefix)) return fail(`"${key}" has an unusual layout; add the entry by hand`);
    const example = list.items.find((item) => isScalar(item));
    const exampleStart = rangeOfNode(example)?.start;
    const exampleChar = exampleStart === undefined ? undefined : text[exampleStart];
    const style = exampleChar === '"' || exampleChar === "'" ? exampleChar : quote;
    const offset = lineAfter(text, listRange.end);
    const leading = offset === text.length && !text.endsWith('\n') ? eol : '';
    collector.insert(offset, leading + values.map((value) => `${prefix}${quoted(value, style)}${eol}`).join(''));
    return;
  }
  // No such key: add it as the service's last key, in the indentation of its other keys.
  const firstKey = node.items[0]?.key;
  const firstKeyRange = rangeOfNode(firstKey);
  const indent = firstKeyRange ? linePrefix(text, firstKeyRange.start) : '';
  const nodeRange = rangeOfNode(node);
  if (!firstKeyRange || !nodeRange || !/^ +$/.test(indent)) return fail('has an unusual layout; edit it by hand');
  const offset = lineAfter(text, nodeRange.end);
  const leading = offset === text.length && !text.endsWith('\n') ? eol : '';
  const dashIndent = indent + ' '.repeat(context.dashOffset);
  collector.insert(
    offset,
    `${leading}${indent}${key}:${eol}${values.map((value) => `${dashIndent}- ${quoted(value, quote)}${eol}`).join('')}`,
    1,
  );
}

export interface ServiceList {
  key: 'volumes' | 'ports';
  values: readonly string[];
  quote: '"' | undefined;
}

/**
 * Adds `name:` with the given lists under `services:` (creating `services:` when the file has none):
 * an override file names only the services it changes, and Compose merges the entry into the
 * service the other files define.
 */
export function addServiceEntry(context: ComposeTextContext, name: string, lists: readonly ServiceList[], collector: EditCollector): void {
  const { text, document, eol, label } = context;
  const root = document.contents;
  const servicesEntry = isMap(root) ? getEntry(root, 'services', document) : undefined;
  const services = servicesEntry?.value;
  const body = (indent: string, unit: string): string =>
    `${indent}${name}:${eol}` +
    lists
      .filter((list) => list.values.length > 0)
      .map(
        (list) =>
          `${indent}${unit}${list.key}:${eol}` +
          list.values.map((value) => `${indent}${unit}${' '.repeat(context.dashOffset)}- ${quoted(value, list.quote)}${eol}`).join(''),
      )
      .join('');
  if (servicesEntry === undefined) {
    const leading = text === '' || text.endsWith('\n') ? '' : eol;
    collector.insert(text.length, `${leading}services:${eol}${body('  ', '  ')}`);
    return;
  }
  if (!isMap(services) || services.flow) {
    throw new EditPlanError(label, '"services" is not an indented block mapping; add the service by hand');
  }
  const firstKeyRange = rangeOfNode(services.items[0]?.key);
  const indent = firstKeyRange ? linePrefix(text, firstKeyRange.start) : '';
  const firstService = services.items[0]?.value;
  const childRange = isMap(firstService) ? rangeOfNode(firstService.items[0]?.key) : undefined;
  const childIndent = childRange ? linePrefix(text, childRange.start) : '';
  const servicesRange = rangeOfNode(services);
  if (!firstKeyRange || !servicesRange || !/^ +$/.test(indent)) {
    throw new EditPlanError(label, '"services" has an unusual layout; add the service by hand');
  }
  const unit = /^ +$/.test(childIndent) && childIndent.length > indent.length ? ' '.repeat(childIndent.length - indent.length) : '  ';
  const offset = text[servicesRange.end - 1] === '\n' ? servicesRange.end : lineEndOf(text, servicesRange.end);
  const leading = offset === text.length && !text.endsWith('\n') ? eol : '';
  collector.insert(offset, leading + body(indent, unit), 1);
}

function quoted(value: string, style: '"' | "'" | undefined): string {
  if (style) return formatScalar(value, style);
  // Compose interpolation (`${VAR:-.}`) and colons are fine in a plain block scalar, as in the shipped files.
  return /^[\w$.{}:/~+-]+$/.test(value) && !value.includes(': ') && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) ? value : JSON.stringify(value);
}
