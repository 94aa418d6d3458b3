// One keystroke timed the way every language-server row measures it: an 'x' typed at a position,
// sent incrementally as editors do, until its diagnostics arrive, against a bare `yaml` parse of the
// same edited text in the same round.
import { parseDocument } from 'yaml';
import type { Harness } from '../server/lspHarness';

export interface TypingTimes {
  ours: number[];
  baseline: number[];
}

/** Types `rounds` characters from (line, column) of `text`, opened as version 1 at `uri`. */
export async function timeTyping(
  harness: Harness,
  uri: string,
  text: string,
  at: { line: number; column: number },
  rounds: number,
): Promise<TypingTimes> {
  const lines = text.split('\n');
  const lineStart = lines.slice(0, at.line).reduce((sum, current) => sum + current.length + 1, 0);
  const times: TypingTimes = { ours: [], baseline: [] };
  let edited = text;
  for (let round = 0; round < rounds; round++) {
    const column = at.column + round;
    edited = `${edited.slice(0, lineStart + column)}x${edited.slice(lineStart + column)}`;
    let start = performance.now();
    await harness.insert(uri, { line: at.line, character: column }, 'x', round + 2);
    await harness.diagnostics(uri);
    times.ours.push(performance.now() - start);
    start = performance.now();
    parseDocument(edited);
    times.baseline.push(performance.now() - start);
  }
  return times;
}
