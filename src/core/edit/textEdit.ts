/**
 * Offset-based text edits, the common currency of the edit planners: the CLI applies them to a
 * string, the extension converts the offsets with TextDocument.positionAt into one WorkspaceEdit.
 */

/** Replace [start, end) of the original text with newText (start === end inserts). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies edits made against the same original text. They must not overlap (two inserts at the
 * same offset are applied in the order given), which every planner here guarantees.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`overlapping or out-of-range edit [${edit.start}, ${edit.end}) in a text of ${text.length} characters`);
    }
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** Collects inserts by offset so that several additions at one point become one edit, in order. */
export class EditCollector {
  private readonly replacements: TextEdit[] = [];
  private readonly inserts = new Map<number, { text: string; rank: number }[]>();

  replace(start: number, end: number, newText: string): void {
    this.replacements.push({ start, end, newText });
  }

  /**
   * `rank` orders inserts at one offset: lines that continue the block ending there (rank 0) must
   * come before a new key that starts another block (rank 1), or they would land under that key.
   */
  insert(offset: number, newText: string, rank = 0): void {
    const pieces = this.inserts.get(offset) ?? [];
    pieces.push({ text: newText, rank });
    this.inserts.set(offset, pieces);
  }

  get edits(): TextEdit[] {
    const inserted = [...this.inserts].map(([offset, pieces]) => ({
      start: offset,
      end: offset,
      newText: pieces
        .map((piece, index) => ({ ...piece, index }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map((piece) => piece.text)
        .join(''),
    }));
    // Inserts at an offset where a replacement also starts go first: they belong to the lines before it.
    return [...inserted, ...this.replacements].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
