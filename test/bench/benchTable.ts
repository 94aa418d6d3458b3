// What a benchmark module reports, and how index.ts prints it. Each bench measures side by side in
// one run (alternating rounds), so the ratios hold even when the machine is busy.

export interface BenchRow {
  /** What was measured, e.g. "RSA 2048, in-process". */
  name: string;
  /** Median milliseconds of our implementation. */
  oursMs: number;
  /** Median milliseconds of the baseline it is compared with, if any. */
  baselineMs?: number;
  /** The baseline's name, e.g. "docs gen.sh". */
  baseline?: string;
  /** The ratio ours / baseline we aim for (lower is better). */
  targetRatio?: number;
  /** Median CPU milliseconds (user + system, all threads and child processes), when measured. */
  oursCpuMs?: number;
  baselineCpuMs?: number;
  rounds: number;
}

export interface BenchModule {
  title: string;
  run: () => Promise<BenchRow[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] ?? NaN : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function cells(row: BenchRow): string[] {
  const ratio = row.baselineMs === undefined ? undefined : row.oursMs / row.baselineMs;
  const verdict = ratio === undefined || row.targetRatio === undefined ? '' : ratio <= row.targetRatio ? 'met' : 'MISSED';
  return [
    row.name,
    row.oursMs.toFixed(1),
    row.baselineMs === undefined ? '' : `${row.baselineMs.toFixed(1)} (${row.baseline ?? 'baseline'})`,
    ratio === undefined ? '' : `${ratio.toFixed(3)}x`,
    row.targetRatio === undefined ? '' : `<= ${row.targetRatio}x ${verdict}`,
    row.oursCpuMs === undefined || row.baselineCpuMs === undefined ? ''
      : `${row.oursCpuMs.toFixed(0)} / ${row.baselineCpuMs.toFixed(0)} = ${(row.oursCpuMs / row.baselineCpuMs).toFixed(2)}x`,
    String(row.rounds),
  ];
}

export function formatTable(title: string, rows: BenchRow[]): string {
  const header = ['case', 'ours ms (median)', 'baseline ms (median)', 'ratio', 'target', 'CPU ms ours / baseline', 'rounds'];
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [`## ${title}`, line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
