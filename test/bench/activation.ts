// Activation: what it loads and how long it takes, ours against the same sources built as one bundle
// (how the extension was built before its commands moved to bundles loaded on first use), or against
// BENCH_ACTIVATION_BASELINE_DIR, a folder with package.json and dist/ of another build (e.g. an older
// commit). Three measures, alternating ours and the baseline:
//   - the size of dist/extension.js, the only file activation loads;
//   - load + activate() in a fresh Node process with a stand-in vscode (activationProbe.mjs);
//   - VS Code's own figure in code-server ("Developer: Show Running Extensions": code loading +
//     activate call), one fresh code-server per round; only when code-server is installed
//     (bash .ci/e2e-setup.sh), as the e2e tests need it anyway.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForOutput } from '../e2e/harness/output';
import { runCommand } from '../e2e/harness/palette';
import { CODE_SERVER_ENTRY } from '../e2e/harness/paths';
import { readRunningExtension } from '../e2e/harness/runningExtensions';
import { openSession } from '../e2e/harness/session';
import { REPO_ROOT, runProcess } from '../helpers/spawnHelpers';
import { buildOneBundle, buildOurs, kilobytes, packageVsix, type ExtensionBuild } from './activationPackages';
import { alternate, type BenchModule, type BenchRow } from './benchTable';

const PROBE_ROUNDS = Number(process.env.BENCH_ROUNDS_ACTIVATION ?? 15);
const CODE_SERVER_ROUNDS = Number(process.env.BENCH_ROUNDS_CODE_SERVER ?? 3);
const PROBE = join(REPO_ROOT, 'test', 'bench', 'activationProbe.mjs');
const VSCODE_TYPES = join(REPO_ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts');

async function probe(extension: ExtensionBuild): Promise<number> {
  const result = await runProcess(process.execPath, [PROBE, extension.main, VSCODE_TYPES], { cwd: extension.folder });
  if (result.code !== 0) throw new Error(`activation probe of ${extension.name} failed: ${result.stderr}`);
  const { loadMs, activateMs } = JSON.parse(result.stdout) as { loadMs: number; activateMs: number };
  return loadMs + activateMs;
}

/** One fresh code-server with the package installed: VS Code's activation time of the extension. */
async function codeServerActivation(vsix: string): Promise<number> {
  const session = await openSession({ scenario: 'bench-activation', vsix });
  try {
    await runCommand(session.page, 'Milvus TLS: Show Output');
    await waitForOutput(session.page, /\[info\] activated/);
    return (await readRunningExtension(session.page, 'Milvus TLS')).activationMs;
  } finally {
    await session.close();
  }
}

async function baselineBuild(root: string, ours: ExtensionBuild): Promise<ExtensionBuild> {
  const dir = process.env.BENCH_ACTIVATION_BASELINE_DIR;
  if (dir) return { name: `build in ${dir}`, folder: dir, main: join(dir, 'dist', 'extension.js') };
  return buildOneBundle(join(root, 'one-bundle'), ours);
}

async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'milvus-tls-bench-activation-'));
  try {
    const ours = await buildOurs(join(root, 'ours'));
    const baseline = await baselineBuild(root, ours);
    const baselineName = process.env.BENCH_ACTIVATION_BASELINE_DIR ? 'baseline build' : 'same code, one bundle';
    const builds = [ours, baseline];
    const rows: BenchRow[] = [
      {
        name: 'dist/extension.js, what activation loads (KB)',
        unit: 'KB',
        ours: [await kilobytes(ours.main)],
        baseline: [await kilobytes(baseline.main)],
        baselineName,
        targetAbsolute: 300,
      },
    ];
    const probed = await alternate(builds, PROBE_ROUNDS, probe);
    rows.push({
      name: 'load + activate(), Node with a stand-in vscode',
      ours: probed.get(ours.name) ?? [],
      baseline: probed.get(baseline.name),
      baselineName,
      targetRatio: 0.4,
    });
    if (!existsSync(CODE_SERVER_ENTRY)) {
      console.log(`(code-server is not installed, so its activation row is left out: run bash .ci/e2e-setup.sh)`);
      return rows;
    }
    const packages = [
      { name: ours.name, vsix: await packageVsix(ours) },
      { name: baseline.name, vsix: await packageVsix(baseline) },
    ];
    const inCodeServer = await alternate(packages, CODE_SERVER_ROUNDS, (entry) => codeServerActivation(entry.vsix), 0);
    rows.push({
      name: 'activation in code-server (Running Extensions)',
      ours: inCodeServer.get(ours.name) ?? [],
      baseline: inCodeServer.get(baseline.name),
      baselineName,
      targetRatio: 0.4,
    });
    return rows;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export const activationBench: BenchModule = {
  title: 'Activation: what it loads and how long it takes',
  note: `${PROBE_ROUNDS} alternating rounds in Node after one warm-up; ${CODE_SERVER_ROUNDS} alternating fresh code-server sessions.`,
  run,
};
