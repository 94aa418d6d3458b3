// Shared by the edit tests: a line diff (LCS) that is independent of the planners' own hunks, so
// "identical outside the changed lines" is checked by a second implementation.
import { applyTextEdits, type EnableTlsPlan } from '../../../src/core/edit';

export const FILES = { serverPem: 'server.pem', serverKey: 'server.key', caPem: 'ca.pem' } as const;

export interface LineChanges {
  removed: string[];
  added: string[];
}

/** Lines only in `before` and lines only in `after`, by longest common subsequence. */
export function changedLines(before: string, after: string): LineChanges {
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const x = a.slice(prefix, a.length - suffix);
  const y = b.slice(prefix, b.length - suffix);
  const table = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      const row = table[i] as Uint32Array;
      const next = table[i + 1] as Uint32Array;
      row[j] = x[i] === y[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) removed.push(x[i++] ?? '');
    else added.push(y[j++] ?? '');
  }
  removed.push(...x.slice(i));
  added.push(...y.slice(j));
  return { removed, added };
}

export function applyYaml(text: string, plan: Pick<EnableTlsPlan, 'milvusYaml'>): string {
  return Array.isArray(plan.milvusYaml) ? applyTextEdits(text, plan.milvusYaml) : plan.milvusYaml.create;
}
