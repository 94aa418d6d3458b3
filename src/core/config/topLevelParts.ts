/**
 * A YAML mapping cut into its top-level entries, for reading a file again after an edit without
 * parsing all of it (segmentedConfig.ts, kubernetes/segmentedManifest.ts). A cut is made before each
 * line whose key is at the mapping's indentation; whether a part read alone reads as it does in
 * the file is for the reader to check (each part's text is exactly what it parses).
 */
import { LineCounter } from 'yaml';

/** One part: the text to parse alone, and the offset in the file of that text's first character. */
export interface TopLevelPart {
  text: string;
  base: number;
}

/** The parts, in order; undefined when the file cannot be cut (document markers, directives, odd indentation). */
export function topLevelParts(text: string): TopLevelPart[] | undefined {
  const found = partStarts(text);
  if (found === undefined) return undefined;
  const { starts, indent } = found;
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? text.length;
    // Every part but the first starts at its key, read with the indentation in front, as it stands in the file.
    return index === 0
      ? { text: text.slice(0, end), base: 0 }
      : { text: `${' '.repeat(indent)}${text.slice(start, end)}`, base: start - indent };
  });
}

/**
 * Offsets of the lines that start a top-level key (the first part also holds what comes before it);
 * undefined: read whole. The top level is the indentation of the first line with content: column 0
 * in a file, deeper in a config embedded in a Kubernetes file (its text is the file with everything
 * before the block blanked, so that offsets stay the file's).
 */
function partStarts(text: string): { starts: number[]; indent: number } | undefined {
  const starts = [0];
  let indent: number | undefined;
  let sawKey = false;
  for (let lineStart = 0; lineStart < text.length;) {
    let column = lineStart;
    while (text.charCodeAt(column) === SPACE) column++;
    const first = text.charCodeAt(column);
    const width = column - lineStart;
    if (!isBlankOrComment(first)) {
      if (width === 0 && (first === PERCENT || isDocumentMarker(text, column))) return undefined;
      indent ??= width;
      if (width < indent) return undefined;
      if (width === indent && startsKey(first)) {
        // At the key, not the line: the part before ends where the whole file's mapping ends, after this line's indentation.
        if (sawKey) starts.push(column);
        sawKey = true;
      }
    }
    const newline = text.indexOf('\n', column);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return { starts, indent: indent ?? 0 };
}

const SPACE = 0x20;
const PERCENT = 0x25;

/** End of text, a line end or a comment. */
function isBlankOrComment(code: number): boolean {
  return Number.isNaN(code) || code === 0x0a || code === 0x0d || code === 0x23;
}

/** A plain key's first character: a letter, a digit or `_` (what Milvus's keys and typos start with). */
function startsKey(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** `---` or `...` alone or followed by a space: a document boundary. */
function isDocumentMarker(text: string, at: number): boolean {
  const marker = text.slice(at, at + 3);
  if (marker !== '---' && marker !== '...') return false;
  const after = text.charAt(at + 3);
  return after === '' || after === ' ' || after === '\t' || after === '\r' || after === '\n';
}

/** Line starts as yaml's LineCounter records them while parsing: 0, then after every line feed. */
export function lineCounterOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) lines.addNewLine(newline + 1);
  return lines;
}
