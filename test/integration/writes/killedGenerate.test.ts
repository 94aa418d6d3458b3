// `milvus-tls generate` killed with SIGKILL at every named point of its write, and after random
// delays: once recovery has run, the folder holds the previous state or the whole new set, nothing else.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { recoverSet } from '../../../src/core/pki/store/recover';
import { CERTIFICATE_SET_FILES } from '../../../src/core/pki/types';
import { buildCli, exitCode, startPausedAt } from '../../helpers/builtCli';
import { assertConsistentSet, fileHashes } from '../../helpers/setOnDisk';
import { runProcess } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

/** Every point a generation passes, in order; the commit record is written between the two halves. */
const BEFORE_COMMIT = ['write:start', 'write:locked', ...CERTIFICATE_SET_FILES.map((name) => `write:staged:${name}`)];
/** Into a new folder, one more: the folder made under a staging name, its lock inside, not yet renamed. */
const NEW_FOLDER = 'write:new-folder';
const AFTER_COMMIT = ['write:committed', ...CERTIFICATE_SET_FILES.map((name) => `write:placed:${name}`), 'write:done'];
const RANDOM_KILLS = 25;

async function folderState(dir: string): Promise<Record<string, string> | 'absent'> {
  try {
    await readdir(dir);
  } catch {
    return 'absent';
  }
  return fileHashes(dir);
}

describe('a generation killed at any moment', () => {
  let root = '';
  let cli = '';
  let previousSet = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('killed'));
    cli = await buildCli(join(root, 'dist'));
    previousSet = join(root, 'previous');
    const made = await runProcess(process.execPath, [cli, 'generate', '--out', previousSet, '--key', 'ecdsa-p256'], { cwd: root });
    assert.equal(made.code, 0, made.stderr);
  });
  after(() => cleanup());

  /** A folder holding the previous set (or none), and its state before the run. */
  async function startingPoint(
    name: string,
    withPreviousSet: boolean,
  ): Promise<{ out: string; before: Record<string, string> | 'absent' }> {
    const out = join(root, name);
    if (withPreviousSet) await cp(previousSet, out, { recursive: true, preserveTimestamps: true });
    return { out, before: await folderState(out) };
  }

  /** Recovery leaves exactly the state before, or exactly a consistent new set. */
  async function assertPreviousOrNew(out: string, before: Record<string, string> | 'absent', label: string): Promise<'previous' | 'new'> {
    await recoverSet(out);
    const after = await folderState(out);
    if (before === 'absent' ? after === 'absent' : JSON.stringify(after) === JSON.stringify(before)) return 'previous';
    assert.notEqual(after, 'absent', label);
    await assertConsistentSet(out);
    if (before !== 'absent') {
      for (const name of CERTIFICATE_SET_FILES) {
        assert.notEqual((after as Record<string, string>)[name], before[name], `${label}: ${name} is new`);
      }
    }
    return 'new';
  }

  for (const withPreviousSet of [false, true]) {
    const scenario = withPreviousSet ? 'replacing a set (--force)' : 'into a new folder';
    it(`${scenario}: killed at each point before the commit record, the previous state; after it, the new set`, async () => {
      const before = withPreviousSet ? BEFORE_COMMIT : [BEFORE_COMMIT[0] ?? '', NEW_FOLDER, ...BEFORE_COMMIT.slice(1)];
      for (const [index, point] of [...before, ...AFTER_COMMIT].entries()) {
        const { out, before: state } = await startingPoint(`${withPreviousSet ? 'force' : 'fresh'}-${index}`, withPreviousSet);
        const args = ['generate', '--out', out, '--key', 'ecdsa-p256', ...(withPreviousSet ? ['--force'] : [])];
        const peer = await startPausedAt(cli, args, point, root);
        peer.child.kill('SIGKILL');
        await exitCode(peer);
        await peer.stop();
        const outcome = await assertPreviousOrNew(out, state, `killed at ${point}`);
        assert.equal(outcome, before.includes(point) ? 'previous' : 'new', `killed at ${point}`);
        assert.deepEqual(
          (await readdir(root)).filter((name) => name.startsWith('.milvus-tls')),
          [],
          'nothing left beside the folder',
        );
      }
    });
  }

  it(`killed after a random delay (${RANDOM_KILLS} runs): previous state or new set, and the next run succeeds`, async () => {
    const outcomes = { previous: 0, new: 0 };
    // Most of a run is start-up and key generation: the kills fall in the last 40% of a measured run,
    // around the write, a little past its usual end.
    const started = Date.now();
    const timed = await runProcess(process.execPath, [cli, 'generate', '--out', join(root, 'timed'), '--key', 'ecdsa-p256'], { cwd: root });
    assert.equal(timed.code, 0, timed.stderr);
    const runMs = Date.now() - started;
    for (let run = 0; run < RANDOM_KILLS; run++) {
      const { out, before } = await startingPoint(`random-${run}`, run % 2 === 1);
      const child = spawn(process.execPath, [cli, 'generate', '--out', out, '--key', 'ecdsa-p256', '--force'], {
        cwd: root,
        stdio: 'ignore',
      });
      const exited = once(child, 'exit');
      // The delay only picks the moment of the kill; nothing waits on it.
      const timer = setTimeout(() => child.kill('SIGKILL'), runMs * (0.6 + Math.random() * 0.5));
      await exited;
      clearTimeout(timer);
      outcomes[await assertPreviousOrNew(out, before, `random run ${run}`)]++;
      assert.deepEqual(
        (await readdir(root)).filter((name) => name.startsWith('.milvus-tls')),
        [],
        `random run ${run}: nothing left beside the folder`,
      );
      const next = await runProcess(process.execPath, [cli, 'generate', '--out', out, '--key', 'ecdsa-p256', '--force'], { cwd: root });
      assert.equal(next.code, 0, next.stderr);
      await assertConsistentSet(out);
      await rm(out, { recursive: true, force: true });
    }
    console.log(`random kills: ${outcomes.previous} left the previous state, ${outcomes.new} the new set`);
  });
});
