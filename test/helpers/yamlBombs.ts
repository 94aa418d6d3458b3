// Hostile YAML for the bounded-walk tests: alias bombs (maps, lists, merge keys), self-references
// and nesting deeper than anything a real config has. Each stays small as text and explodes, loops
// or recurses only when a walker expands its aliases without a bound.

/** `&a0 {…}` with `fan` aliases of the level below, `levels` times: fan^levels leaves (issue 13's 553-byte file). */
export function mapBomb(levels = 6, fan = 8): string {
  const lines = ['a0: &a0 {tlsMode: 1}'];
  for (let level = 1; level <= levels; level++) {
    const items = Array.from({ length: fan }, (_, index) => `k${index}: *a${level - 1}`).join(', ');
    lines.push(`a${level}: &a${level} {${items}}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One anchor aliased `count` times in one flow list: quadratic when every alias is resolved by a full document walk. */
export function flatListBomb(count = 20_000): string {
  return `x: &a v\nl: [${Array.from({ length: count }, () => '*a').join(', ')}]\n`;
}

/** Lists of mappings that alias the level below: the JSON a list of mappings flattens to grows as fan^levels. */
export function listOfMapsBomb(levels = 6, fan = 8): string {
  const lines = ['b0: &b0 [{k: v}]'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`b${level}: &b${level} [${Array.from({ length: fan }, () => `{k: *b${level - 1}}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** `<<:` merging `fan` copies of the level below, `levels` times, as compose's x- extension blocks do. */
export function mergeBomb(levels = 6, fan = 8, indent = ''): string {
  const lines = [`${indent}x-e0: &e0 {COMMON_SECURITY_TLSMODE: "1"}`];
  for (let level = 1; level <= levels; level++) {
    lines.push(`${indent}x-e${level}: &e${level} {<<: [${Array.from({ length: fan }, () => `*e${level - 1}`).join(', ')}], K${level}: v}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Aliases that reach the node holding them: Go's decoder answers "anchor 'a' value contains itself". */
export const SELF_REFERENCES: readonly { name: string; text: string }[] = [
  { name: 'a mapping holding its own alias', text: 'a: &a {b: *a}\n' },
  { name: 'a mapping merging itself', text: 'a: &a {<<: *a, b: 1}\n' },
  { name: 'a nested merge of an enclosing anchor', text: 'a: &a\n  b:\n    <<: *a\n    c: 1\n' },
  { name: 'a list holding its own alias', text: 'a: &a [1, *a]\n' },
];

/** A chain of anchors, each nesting the one before: `depth` levels deep once expanded, a few bytes each. */
export function deepAliasChain(depth = 3000): string {
  const lines = ['c0: &c0 {v: 1}'];
  for (let level = 1; level <= depth; level++) lines.push(`c${level}: &c${level} {n: *c${level - 1}}`);
  return `${lines.join('\n')}\n`;
}

/** Block mappings nested `depth` levels deep, written out (no aliases). */
export function deepNesting(depth = 3000): string {
  return `${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k:`).join('\n')} 1\n`;
}
