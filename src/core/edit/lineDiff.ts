/**
 * A unified-diff-like view of planned edits, built from the edits themselves (no diff algorithm):
 * every edit touches whole lines, so each hunk is "these old lines become these new lines".
 */
import { applyTextEdits, type TextEdit } from './textEdit';
import { lineEndOf, lineStartOf } from './yamlText';

export interface LineHunk {
  /** 1-based first line in the old text (for a pure insertion: the line the new lines go before). */
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
}

export function lineHunks(text: string, edits: readonly TextEdit[]): LineHunk[] {
  const spans: { start: number; end: number; edits: TextEdit[] }[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const start = lineStartOf(text, edit.start);
    // An insertion at the start of a line touches no old line; anything else touches the lines it overlaps.
    const end =
      edit.start === edit.end && edit.start === start && edit.newText.endsWith('\n')
        ? start
        : lineEndOf(text, Math.max(edit.start, edit.end - 1));
    const last = spans[spans.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(edit);
    } else {
      spans.push({ start, end, edits: [edit] });
    }
  }
  const hunks: LineHunk[] = [];
  let shift = 0;
  for (const span of spans) {
    const oldText = text.slice(span.start, span.end);
    const newText = applyTextEdits(
      oldText,
      span.edits.map((edit) => ({ ...edit, start: edit.start - span.start, end: edit.end - span.start })),
    );
    const oldStart = countLines(text, span.start) + 1;
    const oldLines = splitLines(oldText);
    const newLines = splitLines(newText);
    hunks.push({ oldStart, oldLines, newStart: oldStart + shift, newLines });
    shift += newLines.length - oldLines.length;
  }
  return hunks;
}

/** `--- a/label`, `+++ b/label` and `@@ -l,n +l,n @@` hunks with -/+ lines, no context. */
export function formatLineDiff(label: string, text: string | undefined, editsOrCreated: readonly TextEdit[] | { create: string }): string {
  const created = !Array.isArray(editsOrCreated);
  const hunks = created
    ? [{ oldStart: 0, oldLines: [], newStart: 1, newLines: splitLines((editsOrCreated as { create: string }).create) }]
    : lineHunks(text ?? '', editsOrCreated as readonly TextEdit[]);
  if (hunks.length === 0) return '';
  const out = [`--- ${created ? '/dev/null' : `a/${label}`}`, `+++ b/${label}`];
  for (const hunk of hunks) {
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines.length} +${hunk.newStart},${hunk.newLines.length} @@`);
    for (const line of hunk.oldLines) out.push(`-${line}`);
    for (const line of hunk.newLines) out.push(`+${line}`);
  }
  return out.join('\n');
}

function countLines(text: string, offset: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (text.endsWith('\n')) lines.pop();
  return lines;
}
