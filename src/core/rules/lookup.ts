/** What sits at an offset of a Milvus config: a key, a value, or a place inside a block. */
import type { ConfigBlock, ConfigEntry, MilvusConfigFile } from '../config';

export type Located =
  { kind: 'entry-key'; entry: ConfigEntry } | { kind: 'entry-value'; entry: ConfigEntry } | { kind: 'block-key'; block: ConfigBlock };

/** The entry or block key under `offset` (ranges are inclusive at the end, so a caret after a word counts). */
export function locate(config: MilvusConfigFile, offset: number): Located | undefined {
  for (const entry of config.allEntries) {
    if (entry.merged) continue;
    if (within(offset, entry.keyRange)) return { kind: 'entry-key', entry };
    if (within(offset, entry.valueRange)) return { kind: 'entry-value', entry };
  }
  const block = config.blocks.find((candidate) => within(offset, candidate.keyRange));
  return block ? { kind: 'block-key', block } : undefined;
}

function within(offset: number, range: { start: number; end: number }): boolean {
  return offset >= range.start && offset <= range.end;
}

export interface LineContext {
  /** Keys of the enclosing blocks, from the top: ['common', 'security']. */
  parents: string[];
  /** The key on this line when the caret is after its colon (completing a value). */
  valueOfKey: string | undefined;
  /** What is typed before the caret on this line, trimmed (the prefix being completed). */
  prefix: string;
  indent: number;
  lineStart: number;
}

/**
 * The enclosing keys at the caret, read from indentation: a document being typed rarely parses
 * into the block the user means, but its indentation does say it.
 */
export function lineContext(text: string, offset: number): LineContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const indent = before.length - before.trimStart().length;
  const keyMatch = /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s+(.*))?$/.exec(before);
  const valueOfKey = keyMatch && before.includes(':') ? keyMatch[1] : undefined;
  const prefix = valueOfKey !== undefined ? (keyMatch?.[2] ?? '').trim() : before.trim();
  const parents: string[] = [];
  let wantedIndent = indent;
  let cursor = lineStart - 1;
  while (cursor > 0 && wantedIndent > 0) {
    const start = text.lastIndexOf('\n', cursor - 1) + 1;
    const line = text.slice(start, cursor);
    cursor = start - 1;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const lineIndent = line.length - content.length;
    if (lineIndent >= wantedIndent) continue;
    const parent = /^([^\s:#][^:#]*?)\s*:\s*(#.*)?$/.exec(content);
    if (!parent?.[1]) break;
    parents.unshift(parent[1]);
    wantedIndent = lineIndent;
  }
  return { parents, valueOfKey, prefix, indent, lineStart };
}
