/**
 * Moving a block such as `common.tls` to the top level (the "misplaced block" quick fix): its lines
 * are cut, dedented by the block's own indentation and appended at the end of the file in the file's
 * line endings. Refused when a block of that name already exists at the top level (merging two is
 * the user's call) or when the block is not on lines of its own.
 */
import { normaliseKey } from '../config/keyNormalisation';
import { parseMilvusConfig } from '../config/milvusConfig';
import { EditPlanError } from './errors';
import type { TextEdit } from './textEdit';
import { detectEol, lineEndOf, lineStartOf, terminated } from './yamlText';

/** `rootIndent`: for a milvus.yaml embedded in another file, the indentation of its top level. */
export function planMoveBlockToTop(text: string, from: readonly string[], label: string, rootIndent = ''): TextEdit[] {
  const config = parseMilvusConfig(text, label);
  const name = from[from.length - 1] ?? '';
  const block = config.blocks.find((candidate) => candidate.path.join('\u0000') === from.join('\u0000'));
  if (!block) throw new EditPlanError(label, `no block ${from.join('.')} to move`);
  if (config.blocks.some((candidate) => candidate.path.length === 1 && normaliseKey(candidate.path[0] ?? '') === normaliseKey(name))) {
    throw new EditPlanError(label, `a top-level "${name}:" exists already; merge the two by hand`);
  }
  const start = lineStartOf(text, block.keyRange.start);
  if (text.slice(start, block.keyRange.start).trim() !== '') {
    throw new EditPlanError(label, `"${from.join('.')}" does not start its own line; move it by hand`);
  }
  const end = lineEndOf(text, Math.max(block.range.end - 1, block.keyRange.end));
  const indent = block.keyRange.start - start;
  const eol = detectEol(text);
  const moved = text
    .slice(start, end)
    .split('\n')
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .map((line) => (line.trim() === '' ? line : rootIndent + line))
    .join('\n');
  return [
    { start, end, newText: '' },
    {
      start: text.length,
      end: text.length,
      newText: terminated(text, eol) === text ? terminated(moved, eol) : eol + terminated(moved, eol),
    },
  ];
}
