// Runs every benchmark in turn (never in parallel: they would skew each other) and prints its
// results. To add one: append an entry to BENCHES. A bench either returns rows for a table
// (BenchModule, see benchTable.ts) or prints its own report.
import { formatTable, type BenchModule } from './benchTable';
import { generateBench } from './generate';
import { runInspectBench } from './inspect';
import { runLanguageServerBench } from './languageServer';
import { runKubernetesLanguageServerBench } from './kubernetesLanguageServer';

function asTable(bench: BenchModule): () => Promise<void> {
  return async () => console.log(`${formatTable(bench.title, await bench.run())}\n`);
}

const BENCHES: { name: string; run: () => Promise<void> }[] = [
  { name: 'generate', run: asTable(generateBench) },
  { name: 'inspect', run: runInspectBench },
  { name: 'language-server', run: runLanguageServerBench },
  { name: 'language-server-kubernetes', run: runKubernetesLanguageServerBench },
];

async function main(): Promise<void> {
  console.log(`# milvus-tls benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
  const only = process.argv.slice(2);
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    await bench.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
