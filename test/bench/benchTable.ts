// What a benchmark module reports, and how index.ts prints it. Each bench measures ours and its
// baseline side by side in one run, alternating round by round, so that the ratio holds even when
// the machine is busy; every figure is printed with its spread.

export interface BenchRow {
  /** What was measured, e.g. "RSA 2048, in-process". */
  name: string;
  /** Our samples, one per round (milliseconds, or kilobytes for sizes). */
  ours: number[];
  /** The baseline's samples, taken in the same rounds (paired with `ours` by index). */
  baseline?: number[];
  /** The baseline's name, e.g. "docs gen.sh". */
  baselineName?: string;
  /** The ratio ours / baseline we aim for (lower is better). */
  targetRatio?: number;
  /** An absolute limit for our median, in the row's unit. */
  targetAbsolute?: number;
  /** CPU milliseconds per round (user + system, all threads and child processes), when measured. */
  oursCpu?: number[];
  baselineCpu?: number[];
  /** 'ms' unless said otherwise. */
  unit?: 'ms' | 'KB';
}

export interface BenchModule {
  title: string;
  /** A line under the title: what the rounds were, what was held constant. */
  note?: string;
  run: () => Promise<BenchRow[]>;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? NaN) + ((sorted[high] ?? NaN) - (sorted[low] ?? NaN)) * (at - low);
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** "120.3 (110.2–131.0)": the median and the interquartile range. */
function spread(values: number[], digits = 1): string {
  if (values.length === 1) return (values[0] ?? NaN).toFixed(digits);
  return `${median(values).toFixed(digits)} (${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)})`;
}

/** Round-by-round ratios: the spread of a ratio measured in pairs. */
function pairedRatios(row: BenchRow): number[] {
  const baseline = row.baseline ?? [];
  return row.ours.flatMap((value, index) => {
    const base = baseline[index];
    return base === undefined || base === 0 ? [] : [value / base];
  });
}

function verdict(row: BenchRow, ratio: number | undefined): string {
  const parts: string[] = [];
  const unit = row.unit ?? 'ms';
  if (row.targetRatio !== undefined && ratio !== undefined) {
    parts.push(`<= ${row.targetRatio}x ${ratio <= row.targetRatio ? 'met' : 'MISSED'}`);
  }
  if (row.targetAbsolute !== undefined) {
    parts.push(`<= ${row.targetAbsolute} ${unit} ${median(row.ours) <= row.targetAbsolute ? 'met' : 'MISSED'}`);
  }
  return parts.join(', ');
}

function cells(row: BenchRow): string[] {
  const ratio = row.baseline === undefined ? undefined : median(row.ours) / median(row.baseline);
  const ratios = pairedRatios(row);
  const cpu =
    row.oursCpu && row.baselineCpu
      ? `${median(row.oursCpu).toFixed(0)} / ${median(row.baselineCpu).toFixed(0)} = ${(median(row.oursCpu) / median(row.baselineCpu)).toFixed(2)}x`
      : '';
  return [
    row.name,
    spread(row.ours),
    row.baseline === undefined ? '' : `${spread(row.baseline)} ${row.baselineName ?? 'baseline'}`,
    ratio === undefined
      ? ''
      : `${ratio.toFixed(3)}x${ratios.length > 1 ? ` (${quantile(ratios, 0.25).toFixed(3)}–${quantile(ratios, 0.75).toFixed(3)})` : ''}`,
    verdict(row, ratio),
    cpu,
    String(row.ours.length),
  ];
}

export function formatTable(title: string, rows: BenchRow[], note?: string): string {
  const unit = rows.some((row) => row.unit === 'KB') ? 'ms or KB' : 'ms';
  const header = [
    'case',
    `ours ${unit}, median (IQR)`,
    `baseline ${unit}, median (IQR)`,
    'ratio of medians (IQR of round ratios)',
    'target',
    'CPU ms ours / baseline',
    'rounds',
  ];
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    `## ${title}`,
    ...(note ? [note, ''] : []),
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

/**
 * Runs each contender once per round, the order rotated every round so none always follows the same
 * neighbour, after `warmup` uncounted rounds. Returns each contender's samples by name.
 */
export async function alternate<T extends { name: string }>(
  contenders: T[],
  rounds: number,
  measure: (contender: T, round: number) => Promise<number>,
  warmup = 1,
): Promise<Map<string, number[]>> {
  const samples = new Map(contenders.map((contender) => [contender.name, [] as number[]]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(i + round) % contenders.length] as T;
      const value = await measure(contender, round);
      if (round >= warmup) samples.get(contender.name)?.push(value);
    }
  }
  return samples;
}
