// Runs every benchmark in turn (never in parallel: they would skew each other) and prints its
// results. To add one: append an entry to BENCHES. A bench either returns rows for a table
// (BenchModule, see benchTable.ts) or prints its own report. `npm run bench -- cli-start wizard` runs
// only the ones named.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { activationBench } from './activation';
import { formatTable, type BenchModule } from './benchTable';
import { cliStartBench } from './cliStart';
import { generateBench } from './generate';
import { runInspectBench } from './inspect';
import { runLanguageServerBench } from './languageServer';
import { runKubernetesLanguageServerBench } from './kubernetesLanguageServer';
import { wizardWaitBench } from './wizardWait';

function asTable(bench: BenchModule): () => Promise<void> {
  return async () => console.log(`${formatTable(bench.title, await bench.run(), bench.note)}\n`);
}

const BENCHES: { name: string; run: () => Promise<void> }[] = [
  { name: 'generate', run: asTable(generateBench) },
  { name: 'wizard', run: asTable(wizardWaitBench) },
  { name: 'cli-start', run: asTable(cliStartBench) },
  { name: 'activation', run: asTable(activationBench) },
  { name: 'inspect', run: runInspectBench },
  { name: 'language-server', run: runLanguageServerBench },
  { name: 'language-server-kubernetes', run: runKubernetesLanguageServerBench },
];

/** The machine is shared: the load average before and after each bench says how busy it was. */
function load(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  console.log(`# milvus-tls benchmarks (node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()})\n`);
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${BENCHES.map((bench) => bench.name).join(', ')}`);
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    const before = load();
    await bench.run();
    console.log(`(load average, 1/5/15 min: ${before} before, ${load()} after)\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
