// The wait after the last answer of Generate Certificates…, as a user has it: from the final Enter to
// the nine files on disk, for RSA 2048, ECDSA P-256 and RSA 4096, in code-server. Ours: the keys are
// made while the questions are answered; before the final Enter the test waits until the Output
// channel says the keys it started are made (a user who takes that long: on a quiet machine, about
// as long as reading the six questions, RSA 4096 apart). The baseline, in the same run: a second code-server with the keys made after the last
// answer (MILVUS_TLS_KEY_PREGENERATION=off). Figures go to test-results/metrics-generate-wait.json;
// the targets are checked by reading them (speed targets live in the benchmark, not in tests).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, describe, it } from 'node:test';
import { readExtensionLog } from './harness/activation';
import { recordMetric } from './harness/metrics';
import { runCommand } from './harness/palette';
import { waitForText } from './harness/dom';
import { answerQuickInput } from './harness/quickInput';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { listFiles, waitForDisk } from './harness/workspace';

const EXTENSION_ID = 'milvus-tls.milvus-tls';
const KEY_TYPES = ['rsa2048', 'ecdsa-p256', 'rsa4096'] as const;
/** milvusTls.generate.keyType's default: the wizard preselects it. */
const PRESELECTED = 'rsa2048';
const NINE = 9;

function occurrences(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/** Runs the wizard into folder `wait-<type>`, picking the type; returns ms from the final Enter to nine files. */
async function generateAndTime(session: Session, keyType: string, pregenerated: boolean): Promise<number> {
  const folder = `wait-${keyType}`;
  // Keys of the preselected type (the setting's default) start as the wizard opens, the picked type's
  // at the key step; the questions last until both are made, as a user's would on a quiet machine.
  const started = [...new Set([PRESELECTED, keyType])].map((type) => new RegExp(`${type} keys made in \\d+ ms`));
  const log = (): Promise<string> => readExtensionLog(session.server.userDataDir, EXTENSION_ID);
  const logBefore = await log();
  const counts = started.map((pattern) => occurrences(logBefore, pattern));
  await runCommand(session.page, 'Milvus TLS: Generate Certificates…');
  const step = async (n: number, value?: string): Promise<void> => {
    await waitForText(session.page, '.quick-input-widget .quick-input-titlebar', new RegExp(`Step ${n}/6`), 30_000);
    await answerQuickInput(session.page, value);
  };
  await step(1, folder); // output folder
  await step(2); // server CommonName
  await step(3); // SANs
  await step(4, keyType); // key type: the filter leaves that one item
  await step(5); // client CommonName
  await waitForText(session.page, '.quick-input-widget .quick-input-titlebar', /Step 6\/6/, 30_000);
  if (pregenerated) {
    await waitForDisk(log, (text) => started.every((pattern, index) => occurrences(text, pattern) > (counts[index] ?? 0)), 120_000);
  }
  const enter = performance.now();
  await session.page.keyboard.press('Enter'); // 6 subject fields: the last answer
  const dir = join(session.workspace, folder);
  await waitForDisk(
    () => listFiles(dir),
    (files) => files.filter((name) => !name.startsWith('.')).length === NINE,
    120_000,
    5,
  );
  return performance.now() - enter;
}

describe('the wait after the last answer of Generate Certificates (measured, code-server)', { timeout: 600_000 }, () => {
  const sessions: Session[] = [];
  after(async () => {
    for (const session of sessions) await session.close();
  });

  it('writes each set with keys made during the questions, and without, and records both waits', async () => {
    const ours = await openSession({ scenario: 'generate-wait' });
    sessions.push(ours);
    const before = await openSession({ scenario: 'generate-wait-baseline', env: { MILVUS_TLS_KEY_PREGENERATION: 'off' } });
    sessions.push(before);
    const waits: Record<string, { pregeneratedMs: number; keysAfterEnterMs: number; ratio: number }> = {};
    for (const keyType of KEY_TYPES) {
      const pregeneratedMs = await ours.guard(() => generateAndTime(ours, keyType, true));
      const keysAfterEnterMs = await before.guard(() => generateAndTime(before, keyType, false));
      waits[keyType] = { pregeneratedMs, keysAfterEnterMs, ratio: pregeneratedMs / keysAfterEnterMs };
      console.log(
        `${keyType}: final Enter → nine files ${pregeneratedMs.toFixed(0)} ms with keys made during the questions, ` +
          `${keysAfterEnterMs.toFixed(0)} ms with keys made after Enter (${(pregeneratedMs / keysAfterEnterMs).toFixed(3)}x)`,
      );
    }
    await recordMetric('generate-wait', { finalEnterToFiles: waits });
    for (const keyType of KEY_TYPES) {
      assert.equal((await listFiles(join(ours.workspace, `wait-${keyType}`))).filter((name) => !name.startsWith('.')).length, NINE);
    }
    const log = await readExtensionLog(ours.server.userDataDir, EXTENSION_ID);
    assert.match(log, /generate: wrote 9 files in \d+ ms/);
  });
});
