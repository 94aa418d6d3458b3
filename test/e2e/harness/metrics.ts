// Numbers measured by scenarios (activation time, memory), kept as test-results/metrics-<scenario>.json
// so that a run leaves them next to its screenshots, one file per scenario (scenarios run in parallel).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RESULTS_DIR } from './paths';

export async function recordMetric(scenario: string, values: Record<string, unknown>): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(
    join(RESULTS_DIR, `metrics-${scenario}.json`),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), ...values }, null, 2)}\n`,
  );
}
