// Random edits of a YAML file, for the tests that compare reading a file in parts with reading it
// whole (segmentedConfig, segmentedManifest). Deterministic from a seed, so that a failure names an
// edit that can be replayed.
import { AssertionError } from 'node:assert';

export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What is typed: key and value characters, and everything that changes YAML's structure. */
export const TYPED = [
  'a',
  'Z',
  '_',
  '1',
  ' ',
  ':',
  '#',
  '-',
  '\n',
  '"',
  "'",
  '&x ',
  '*x',
  '{',
  '[',
  ']',
  '}',
  '\t',
  '---\n',
  '? ',
  '!!str ',
  '%',
  '|\n',
];

/**
 * One edit at a random place: something typed (most often), a few characters deleted, a top-level
 * key typed at the start of a line (`topKeys`: one the file has, one it has not), or a line's
 * indentation changed (a nested key moves to the top level, or a top-level one under another).
 */
export function randomEdit(text: string, random: () => number, topKeys: readonly [string, string]): { text: string; at: number } {
  const at = Math.floor(random() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const choice = random();
  if (choice < 0.6) return { text: `${text.slice(0, at)}${TYPED[Math.floor(random() * TYPED.length)] ?? ''}${text.slice(at)}`, at };
  if (choice < 0.8) return { text: `${text.slice(0, at)}${text.slice(at + 1 + Math.floor(random() * 3))}`, at };
  if (choice < 0.9) {
    return { text: `${text.slice(0, lineStart)}${random() < 0.5 ? topKeys[0] : topKeys[1]}:\n${text.slice(lineStart)}`, at };
  }
  const indented =
    text.charAt(lineStart) === ' '
      ? `${text.slice(0, lineStart)}${text.slice(lineStart + 1)}`
      : `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
  return { text: indented, at };
}

/**
 * Fails when two models differ, naming the first place they do. assert.deepStrictEqual would say the
 * same, but its diff of two large models takes minutes: a failure must be read, not waited for.
 */
export function assertSameModel(actual: unknown, expected: unknown, context: string): void {
  const [left, right] = [actual, expected].map((value) => (JSON.stringify(value, replacer, 1) ?? '').split('\n'));
  if (left === undefined || right === undefined) throw new Error('unreachable');
  const at = left.findIndex((line, index) => line !== right[index]);
  const index = at < 0 ? (left.length === right.length ? -1 : Math.min(left.length, right.length)) : at;
  if (index < 0) return;
  const around = (lines: string[]): string => lines.slice(Math.max(0, index - 6), index + 3).join('\n');
  throw new AssertionError({
    message: `${context}: the models differ at line ${index}\nread in parts:\n${around(left)}\nread whole:\n${around(right)}`,
  });
}

/** Maps become their entries (JSON.stringify would make them `{}`). */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value] : value;
}
