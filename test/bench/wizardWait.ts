// What a user of Generate Certificates… waits for after the last answer: from the final Enter to the
// nine files on disk, in-process. Ours: the keys were started when the wizard opened
// (KeyPregeneration, and the signing warm-up, as the command does) and the questions took QUESTION_MS; on Enter it signs and
// writes. Baseline, in the same rounds: without pregeneration, keys made after Enter (the wait before).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { defaultCertificateSetOptions } from '../../src/core/pki/defaults';
import { generateCertificateSet } from '../../src/core/pki/generate';
import { KeyPregeneration } from '../../src/core/pki/keyPregeneration';
import { warmUpSigning } from '../../src/core/pki/signingWarmUp';
import type { KeyType } from '../../src/core/pki/types';
import { writeCertificateSet } from '../../src/core/pki/writeSet';
import { alternate, type BenchModule, type BenchRow } from './benchTable';

const ROUNDS = Number(process.env.BENCH_ROUNDS_WIZARD ?? 7);
/**
 * Six questions answered briskly, Enter keeping most defaults: 3 s. A user who reads them takes
 * longer, which only helps; RSA 4096 keys (three on two cores) can take longer than this.
 */
const QUESTION_MS = Number(process.env.BENCH_QUESTION_MS ?? 3000);
const KEY_TYPES: KeyType[] = ['rsa2048', 'rsa4096', 'ecdsa-p256'];

interface Contender {
  name: string;
  keyType: KeyType;
  pregenerate: boolean;
}

/** One generation: the questions (not timed), then final Enter → files written (timed). */
async function finalEnterToFiles(contender: Contender, dir: string): Promise<number> {
  const options = defaultCertificateSetOptions({ keyType: contender.keyType });
  const keys = new KeyPregeneration();
  try {
    if (contender.pregenerate) {
      void keys.start(contender.keyType);
      // As askCertificateOptions does; once per process, so only the first round gains from it.
      void warmUpSigning();
    }
    await delay(QUESTION_MS);
    const enter = performance.now();
    const files = await generateCertificateSet(options, undefined, contender.pregenerate ? keys.take(contender.keyType) : undefined);
    await writeCertificateSet(dir, files, { overwrite: false });
    return performance.now() - enter;
  } finally {
    keys.dispose();
  }
}

async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'milvus-tls-bench-wizard-'));
  try {
    const contenders = KEY_TYPES.flatMap((keyType): Contender[] => [
      { name: `${keyType} pregenerated`, keyType, pregenerate: true },
      { name: `${keyType} after Enter`, keyType, pregenerate: false },
    ]);
    const samples = await alternate(contenders, ROUNDS, async (contender, round) => {
      const dir = join(root, `${round}-${contender.name.replace(/\W+/g, '-')}`);
      await mkdir(dir);
      return finalEnterToFiles(contender, dir);
    });
    const label: Record<string, string> = { rsa2048: 'RSA 2048', rsa4096: 'RSA 4096', 'ecdsa-p256': 'ECDSA P-256' };
    return KEY_TYPES.map((keyType) => ({
      name: `${label[keyType] ?? keyType}: final Enter → nine files on disk`,
      ours: samples.get(`${keyType} pregenerated`) ?? [],
      baseline: samples.get(`${keyType} after Enter`),
      baselineName: 'keys made after Enter',
      ...(keyType === 'rsa2048' ? { targetRatio: 0.15, targetAbsolute: 100 } : {}),
    }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export const wizardWaitBench: BenchModule = {
  title: 'Generate Certificates…: the wait after the last answer, in-process',
  note: `${ROUNDS} alternating rounds after one warm-up; ${QUESTION_MS} ms of questions before each final Enter (keys start as the wizard opens).`,
  run,
};
