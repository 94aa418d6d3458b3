// How fast the CLI starts, as whole processes against `node -e 0` (Node's own start-up, the floor),
// alternating: `milvus-tls --version`, and `milvus-tls generate --key ecdsa-p256` (its key work is a
// few milliseconds, so the rest is loading code and writing files). One row runs generate in a
// folder with a compose file, which adds the YAML parser: no target, shown for honesty. The last runs
// the CLI as the .vsix ships it (`npm run build:prod`: minified, no source maps), built for the bench.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, runProcess } from '../helpers/spawnHelpers';
import { alternate, type BenchModule, type BenchRow } from './benchTable';

const ROUNDS = Number(process.env.BENCH_ROUNDS_CLI ?? 21);
const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const COMPOSE = 'services:\n  standalone:\n    container_name: milvus-standalone\n    image: milvusdb/milvus:v2.5.4\n';

interface Contender {
  name: string;
  args: (dir: string) => string[];
  /** Runs in a folder with a docker-compose.yml. */
  compose?: boolean;
}

function contenders(shippedCli: string): Contender[] {
  const generate = (cli: string) => (dir: string) => [cli, 'generate', '--key', 'ecdsa-p256', '--out', join(dir, 'tls')];
  return [
    { name: 'node -e 0', args: () => ['-e', '0'] },
    { name: '--version', args: () => [CLI, '--version'] },
    { name: 'generate', args: generate(CLI) },
    { name: 'generate, compose', args: generate(CLI), compose: true },
    { name: 'generate, shipped', args: generate(shippedCli) },
  ];
}

/** The CLI as `npm run build:prod` makes it for the .vsix, in `folder` (dist/ beside package.json, as installed). */
async function buildShippedCli(folder: string): Promise<string> {
  const built = await runProcess(process.execPath, [join(REPO_ROOT, '.ci', 'build.mjs'), '--production'], {
    cwd: REPO_ROOT,
    env: { ...process.env, MILVUS_TLS_OUTDIR: join(folder, 'dist') },
  });
  if (built.code !== 0) throw new Error(`the production build failed: ${built.stderr}`);
  await copyFile(join(REPO_ROOT, 'package.json'), join(folder, 'package.json'));
  return join(folder, 'dist', 'cli.js');
}

async function run(): Promise<BenchRow[]> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm run bench does)`);
  const root = await mkdtemp(join(tmpdir(), 'milvus-tls-bench-cli-'));
  try {
    const shippedCli = await buildShippedCli(join(root, 'shipped'));
    const samples = await alternate(contenders(shippedCli), ROUNDS, async (contender, round) => {
      const dir = join(root, `${round}-${contender.name.replace(/\W+/g, '-')}`);
      await mkdir(dir);
      if (contender.compose) await writeFile(join(dir, 'docker-compose.yml'), COMPOSE);
      const start = performance.now();
      const result = await runProcess(process.execPath, contender.args(dir), { cwd: dir });
      const ms = performance.now() - start;
      if (result.code !== 0) throw new Error(`${contender.name} exited ${String(result.code)}: ${result.stderr}`);
      return ms;
    });
    const node = samples.get('node -e 0');
    const row = (name: string, label: string, targetRatio?: number): BenchRow => ({
      name: label,
      ours: samples.get(name) ?? [],
      baseline: node,
      baselineName: 'node -e 0',
      targetRatio,
    });
    return [
      row('--version', 'milvus-tls --version', 1.5),
      row('generate', 'milvus-tls generate --key ecdsa-p256 (no compose file)', 1.5),
      row('generate, compose', 'milvus-tls generate --key ecdsa-p256, compose file in the folder (loads YAML)'),
      row('generate, shipped', 'milvus-tls generate --key ecdsa-p256, as shipped (npm run build:prod)', 1.5),
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export const cliStartBench: BenchModule = {
  title: "CLI start: whole processes against Node's own start-up",
  note: `${ROUNDS} alternating rounds after one warm-up; dist/cli.js as \`npm run build\` leaves it, and the last row as the .vsix ships it; wall-clock from spawn to exit.`,
  run,
};
