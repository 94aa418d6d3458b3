/**
 * Layout facts about YAML source text that the edit planners need to insert lines that look like
 * their neighbours: line boundaries, the line ending, the indentation step, and scalar quoting.
 */

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline ending the line that holds `offset` (text.length on the last line). */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/**
 * Where new lines go after a node that ends at `end`: the start of the following line. yaml may end
 * a node inside the indentation of the next line (after a trailing comment), and inserting at the
 * end of *that* line would put the new lines under the next key.
 */
export function lineAfter(text: string, end: number): number {
  const start = lineStartOf(text, end);
  return /^[ \t]*$/.test(text.slice(start, end)) ? start : lineEndOf(text, end);
}

/** The text from the start of the line up to `offset`: the indentation when it is all blanks. */
export function linePrefix(text: string, offset: number): string {
  return text.slice(lineStartOf(text, offset), offset);
}

/** '\r\n' when the file uses it, else '\n'. */
export function detectEol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The file's indentation step: the smallest positive indent of a line that starts a mapping key
 * or list item under a less indented line. Defaults to 2, the step of every shipped Milvus file.
 */
export function detectIndentUnit(text: string): number {
  let previous = 0;
  let best = Number.POSITIVE_INFINITY;
  for (const line of text.split('\n')) {
    const match = /^( *)([^\s#])/.exec(line);
    if (!match) continue;
    const indent = match[1]?.length ?? 0;
    if (indent > previous) best = Math.min(best, indent - previous);
    previous = indent;
  }
  return Number.isFinite(best) ? best : 2;
}

/**
 * A scalar as YAML text. Plain when that reads back as the same string in both block and flow
 * context (paths and numbers here); otherwise double-quoted. `quote` keeps an existing quote style,
 * except that single quotes cannot hold a line break (YAML folds it into a space) or any other
 * control character, so such a value is double-quoted with escapes.
 */
export function formatScalar(value: string, quote?: '"' | "'"): string {
  if (quote === "'" && !/[\p{Cc}\u2028\u2029\ufeff]/u.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (quote === '"' || quote === "'" || !/^[A-Za-z0-9_./+-]+$/.test(value) || /^[-.]/.test(value)) return doubleQuoted(value);
  return value;
}

/** JSON's escapes are YAML's too; JSON leaves DEL, C1 controls and the separators raw, YAML may not. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Adds a line ending unless the text is empty or already ends a line. */
export function terminated(text: string, eol: string): string {
  return text === '' || text.endsWith('\n') ? text : text + eol;
}
