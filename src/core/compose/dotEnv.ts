/**
 * `.env` files as Docker Compose reads them for interpolation (the `.env` beside the compose file)
 * and for `env_file:`. Pure: the caller reads the file.
 *
 * Supported: `KEY=value`, `export KEY=value`, `#` comment lines, blank lines, single-quoted values
 * (literal), double-quoted values (with `\n`, `\t`, `\"`, `\\` escapes, may span lines), unquoted
 * values with a trailing ` # comment` removed and surrounding blanks trimmed, and `KEY` alone
 * (value taken from the shell: recorded as undefined). Values are not interpolated here.
 */

export interface DotEnvEntry {
  name: string;
  value: string | undefined;
  /** Offsets of the whole `KEY=value` entry. */
  start: number;
  end: number;
}

export function parseDotEnvEntries(text: string): DotEnvEntry[] {
  const entries: DotEnvEntry[] = [];
  const linePattern = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?:([=:])[ \t]*)?/;
  let offset = 0;
  while (offset < text.length) {
    const lineEnd = indexOfLineEnd(text, offset);
    const line = text.slice(offset, lineEnd);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      offset = nextLineStart(text, lineEnd);
      continue;
    }
    const match = linePattern.exec(line);
    if (!match?.[1]) {
      offset = nextLineStart(text, lineEnd);
      continue;
    }
    const name = match[1];
    if (match[2] === undefined) {
      entries.push({ name, value: undefined, start: offset, end: lineEnd });
      offset = nextLineStart(text, lineEnd);
      continue;
    }
    const valueStart = offset + match[0].length;
    const quote = text[valueStart];
    if (quote === '"' || quote === "'") {
      const closing = findClosingQuote(text, valueStart + 1, quote);
      if (closing >= 0) {
        const body = text.slice(valueStart + 1, closing);
        const value = quote === '"' ? unescapeDoubleQuoted(body) : body;
        const entryEnd = indexOfLineEnd(text, closing);
        entries.push({ name, value, start: offset, end: closing + 1 });
        offset = nextLineStart(text, entryEnd);
        continue;
      }
    }
    const raw = text.slice(valueStart, lineEnd);
    const commentAt = raw.search(/[ \t]#/);
    const value = (commentAt >= 0 ? raw.slice(0, commentAt) : raw).trim();
    entries.push({ name, value, start: offset, end: lineEnd });
    offset = nextLineStart(text, lineEnd);
  }
  return entries;
}

/** `.env` text → variables map (later entries win, as in compose). */
export function parseDotEnv(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const entry of parseDotEnvEntries(text)) {
    if (entry.value !== undefined) variables[entry.name] = entry.value;
  }
  return variables;
}

function indexOfLineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

function nextLineStart(text: string, lineEnd: number): number {
  const newline = text.indexOf('\n', lineEnd);
  return newline < 0 ? text.length : newline + 1;
}

function findClosingQuote(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index++) {
    if (quote === '"' && text[index] === '\\') {
      index++;
      continue;
    }
    if (text[index] === quote) return index;
  }
  return -1;
}

function unescapeDoubleQuoted(body: string): string {
  return body.replace(/\\(.)/gs, (_match, char: string) => {
    switch (char) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        return char;
    }
  });
}
