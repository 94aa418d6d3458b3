// Certificate generation: the Milvus docs' gen.sh (openssl, RSA 2048) against our engine, measured
// in-process and as a whole CLI process (`node dist/cli.js generate`), rounds alternating.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultCertificateSetOptions } from '../../src/core/pki/defaults';
import { generateCertificateSet } from '../../src/core/pki/generate';
import type { KeyType } from '../../src/core/pki/types';
import { writeCertificateSet } from '../../src/core/pki/writeSet';
import { REPO_ROOT, runProcess } from '../helpers/spawnHelpers';
import { alternate, type BenchModule, type BenchRow } from './benchTable';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const DOCS = join(REPO_ROOT, 'test', 'fixtures', 'milvus-docs');
const CLI = join(REPO_ROOT, 'dist', 'cli.js');

/** A contender runs once in dir and returns the CPU milliseconds it used (threads and children included). */
type Contender = { name: string; run: (dir: string) => Promise<number> };

async function timed(run: () => Promise<number>): Promise<{ wallMs: number; cpuMs: number }> {
  const start = performance.now();
  const cpuMs = await run();
  return { wallMs: performance.now() - start, cpuMs };
}

/**
 * Runs a command under sh and reads the shell's `times` builtin: its second line is the CPU time of
 * the children (the command and everything it started), which a busy shared machine does not skew.
 */
async function runMeasured(command: string, args: string[], cwd: string): Promise<number> {
  const script = '"$@" >/dev/null 2>&1 || exit 97; times';
  const result = await runProcess('sh', ['-c', script, 'sh', command, ...args], { cwd });
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${String(result.code)})`);
  const children = result.stdout.trim().split('\n')[1] ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return seconds.reduce((sum, value) => sum + value, 0) * 1000;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function contenders(keyTypes: KeyType[]): Contender[] {
  const list: Contender[] = [
    {
      name: 'docs gen.sh',
      run: async (dir) => {
        await Promise.all(['gen.sh', 'openssl.cnf'].map((name) => copyFile(join(DOCS, name), join(dir, name))));
        return runMeasured('sh', ['./gen.sh'], dir);
      },
    },
  ];
  for (const keyType of keyTypes) {
    list.push(
      {
        name: `${keyType} in-process`,
        run: async (dir) => {
          const cpuStart = process.cpuUsage();
          const files = await generateCertificateSet(defaultCertificateSetOptions({ keyType }));
          await writeCertificateSet(dir, files, { overwrite: false });
          return cpuMsSince(cpuStart);
        },
      },
      {
        name: `${keyType} CLI process`,
        run: (dir) => runMeasured(process.execPath, [CLI, 'generate', '--out', join(dir, 'tls'), '--key', keyType], dir),
      },
    );
  }
  return list;
}

async function run(): Promise<BenchRow[]> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm run bench does)`);
  const root = await mkdtemp(join(tmpdir(), 'milvus-tls-bench-'));
  try {
    const cpu = new Map<string, number[]>();
    // Round 0 warms caches (openssl binary, node modules, the JIT) and is not counted.
    const wall = await alternate(contenders(['rsa2048', 'ecdsa-p256']), ROUNDS, async (contender, round) => {
      const dir = join(root, `${round}-${contender.name.replace(/\W+/g, '-')}`);
      await mkdir(dir);
      const { wallMs, cpuMs } = await timed(() => contender.run(dir));
      if (round > 0) cpu.set(contender.name, [...(cpu.get(contender.name) ?? []), cpuMs]);
      return wallMs;
    });
    const row = (name: string, label: string, targetRatio: number): BenchRow => ({
      name: label,
      ours: wall.get(name) ?? [],
      baseline: wall.get('docs gen.sh'),
      baselineName: 'docs gen.sh',
      targetRatio,
      oursCpu: cpu.get(name),
      baselineCpu: cpu.get('docs gen.sh'),
    });
    return [
      row('rsa2048 in-process', 'RSA 2048, in-process (generate + write)', 0.8),
      row('rsa2048 CLI process', 'RSA 2048, whole CLI process', 0.8),
      row('ecdsa-p256 in-process', 'ECDSA P-256, in-process (generate + write)', 0.1),
      row('ecdsa-p256 CLI process', 'ECDSA P-256, whole CLI process', 0.1),
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export const generateBench: BenchModule = {
  title: "Certificate generation: the nine files, ours vs the docs' gen.sh",
  note: `${ROUNDS} alternating rounds after one warm-up; wall-clock, and CPU time of everything each side ran.`,
  run,
};
