/**
 * Quick-fix edits from a finding's data, as offset edits on the document text. YAML is edited as
 * text (not re-serialised) so comments and layout stay as the user wrote them.
 */
import type { MilvusConfigFile } from '../config';
import { normaliseKey, normaliseKeyPath, parseMilvusConfig } from '../config';
import type { FixData } from './types';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** A client command instead of (or after) the edit. */
  command?: { command: string; title: string; arguments?: unknown[] };
  preferred?: boolean;
}

export const GENERATE_CERTIFICATES_COMMAND = 'milvusTls.generateCertificates';

export interface FixOptions {
  /**
   * For a milvus.yaml embedded in another file (kubernetes/embeddedYaml.ts): `text` is the outer
   * text blanked around it, and new top-level keys take this indentation, not column 0.
   */
  rootIndent?: string;
}

export function fixesFor(text: string, data: FixData, range: { start: number; end: number }, options: FixOptions = {}): Fix[] {
  const config = parseMilvusConfig(text);
  const rootIndent = options.rootIndent ?? '';
  switch (data.fix) {
    case 'set-value':
      return data.values.map((value, index) => ({ title: `Set ${lastSegment(data.key)} to ${value === '' ? 'empty' : value}`, edits: setValue(text, config, data.key, value, rootIndent), preferred: index === 0 }));
    case 'rest-port':
      return [
        { title: 'Serve REST on its own port: proxy.http.port: 8080', edits: setValue(text, config, data.httpPortKey, '8080', rootIndent), preferred: true },
        { title: 'Turn REST off: proxy.http.enabled: false', edits: setValue(text, config, data.httpEnabledKey, 'false', rootIndent) },
      ];
    case 'add-key': {
      const fixes: Fix[] = [{ title: `Set ${data.key}: ${data.value}`, edits: setValue(text, config, data.key, data.value, rootIndent), preferred: true }];
      if (data.generate) fixes.push({ title: 'Generate Certificates…', edits: [], command: { command: GENERATE_CERTIFICATES_COMMAND, title: 'Generate Certificates…' } });
      return fixes;
    }
    case 'rename-key': {
      const edits: TextEdit[] = [{ ...range, newText: data.replacement }];
      const entry = config.allEntries.find((candidate) => candidate.keyRange.start === range.start);
      if (data.value !== undefined && entry) edits.push({ ...entry.valueRange, newText: data.value });
      return [{ title: `Rename to ${data.replacement}${data.value !== undefined ? `: ${data.value}` : ''}`, edits, preferred: true }];
    }
    case 'move-block': {
      const edits = moveBlock(text, config, data.from, rootIndent);
      return edits ? [{ title: `Move ${data.from[data.from.length - 1] ?? ''}: to the top level`, edits, preferred: true }] : [];
    }
    case 'generate-certificates':
      return [{ title: 'Generate Certificates…', edits: [], command: { command: GENERATE_CERTIFICATES_COMMAND, title: 'Generate Certificates…' } }];
    case 'add-volume':
      // Its edit is in the compose file: see composeFixes.ts (the caller has that file's text).
      return [];
    case 'replace-text':
    case 'move-into-user-yaml':
      // Edits of the whole manifest, not of the milvus.yaml in it: see kubernetes/fixes.ts.
      return [];
  }
}

function lastSegment(key: string): string {
  return key.split('.').pop() ?? key;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/** Replaces the value of `key` (any spelling), or adds the key under its deepest existing block. */
export function setValue(text: string, config: MilvusConfigFile, key: string, value: string, rootIndent = ''): TextEdit[] {
  const entry = config.entries.get(normaliseKey(key));
  const written = value === '' ? '' : value;
  if (entry) {
    if (entry.valueRange.start !== entry.valueRange.end) return [{ ...entry.valueRange, newText: written }];
    const colon = text.indexOf(':', entry.keyRange.end);
    return [{ start: colon + 1, end: colon + 1, newText: written === '' ? '' : ` ${written}` }];
  }
  return addKey(text, config, key.split('.'), written, rootIndent);
}

function addKey(text: string, config: MilvusConfigFile, segments: string[], value: string, rootIndent: string): TextEdit[] {
  for (let depth = segments.length - 1; depth > 0; depth--) {
    const wanted = normaliseKeyPath(segments.slice(0, depth));
    const block = config.blocks.find((candidate) => !candidate.shadowed && normaliseKeyPath(candidate.path) === wanted);
    if (!block) continue;
    const firstChild = block.children[0];
    const blockIndent = block.keyRange.start - lineStartOf(text, block.keyRange.start);
    const childIndent = firstChild ? firstChild.keyRange.start - lineStartOf(text, firstChild.keyRange.start) : blockIndent + 2;
    const insertAt = lineEndOf(text, Math.max(block.range.end - 1, block.keyRange.end));
    const prefix = insertAt > 0 && text[insertAt - 1] !== '\n' ? '\n' : '';
    return [{ start: insertAt, end: insertAt, newText: prefix + nestedLines(segments.slice(depth), value, childIndent, childIndent - blockIndent || 2) }];
  }
  const prefix = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return [{ start: text.length, end: text.length, newText: prefix + nestedLines(segments, value, rootIndent.length, 2) }];
}

function nestedLines(segments: string[], value: string, indent: number, step: number): string {
  return segments.map((segment, index) => {
    const last = index === segments.length - 1;
    return `${' '.repeat(indent + index * step)}${segment}:${last ? (value === '' ? '' : ` ${value}`) : ''}\n`;
  }).join('');
}

/** Cuts the block's lines, dedents them and appends them at the top level; none if one exists there. */
function moveBlock(text: string, config: MilvusConfigFile, from: string[], rootIndent: string): TextEdit[] | undefined {
  const name = from[from.length - 1] ?? '';
  const block = config.blocks.find((candidate) => candidate.path.join('\u0000') === from.join('\u0000'));
  if (!block) return undefined;
  if (config.blocks.some((candidate) => candidate.path.length === 1 && normaliseKey(candidate.path[0] ?? '') === normaliseKey(name))) return undefined;
  const start = lineStartOf(text, block.keyRange.start);
  const end = lineEndOf(text, Math.max(block.range.end - 1, block.keyRange.end));
  const indent = block.keyRange.start - start;
  const moved = text.slice(start, end).split('\n')
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .map((line) => (line.trim() === '' ? line : rootIndent + line)).join('\n');
  const tail = text.endsWith('\n') ? '' : '\n';
  return [
    { start, end, newText: '' },
    { start: text.length, end: text.length, newText: tail + moved + (moved.endsWith('\n') ? '' : '\n') },
  ];
}
