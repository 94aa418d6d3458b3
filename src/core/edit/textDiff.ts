/**
 * The minimal line edits that turn one text into another (Myers' O(ND) diff over lines), for
 * planners that build a result in steps — each step planned on the text the previous one produced —
 * and must still hand the editor small, non-overlapping edits of the original text.
 */
import type { TextEdit } from './textEdit';

/** Lines with their line breaks, so joining them gives the text back. */
function splitKeepingEnds(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

/** Index pairs of equal lines on a shortest edit script, in order. */
function commonLines(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    const next = frontier.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (frontier[offset + k - 1] ?? 0) < (frontier[offset + k + 1] ?? 0));
      let x = down ? (frontier[offset + k + 1] ?? 0) : (frontier[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    frontier = next;
  }
  trace.push(frontier);
  // Walk back from the end through the recorded frontiers.
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const v = trace[d] ?? new Int32Array(0);
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY && x > 0 && y > 0 && a[x - 1] === b[y - 1]) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    if (d > 0) {
      x = previousX;
      y = previousY;
    }
  }
  while (x > 0 && y > 0 && a[x - 1] === b[y - 1]) {
    x--;
    y--;
    pairs.push([x, y]);
  }
  return pairs.reverse();
}

export function lineDiffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitKeepingEnds(before);
  const b = splitKeepingEnds(after);
  const offsets = [0];
  for (const line of a) offsets.push((offsets[offsets.length - 1] ?? 0) + line.length);
  const edits: TextEdit[] = [];
  let ai = 0;
  let bi = 0;
  for (const [x, y] of [...commonLines(a, b), [a.length, b.length] as [number, number]]) {
    if (x > ai || y > bi) edits.push({ start: offsets[ai] ?? 0, end: offsets[x] ?? before.length, newText: b.slice(bi, y).join('') });
    ai = x + 1;
    bi = y + 1;
  }
  return edits;
}
