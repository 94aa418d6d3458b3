// Two `milvus-tls generate` processes into one folder at the same moment. Each is stopped just before
// it writes (MILVUS_TLS_PAUSE_AT), then both are continued together, so every round hits the race.
import assert from 'node:assert/strict';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, exitCode, resume, startPausedAt } from '../../helpers/builtCli';
import { assertConsistentSet } from '../../helpers/setOnDisk';
import { runProcess } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

const ROUNDS = 20;

describe('two generations into one folder at once', () => {
  let root = '';
  let cli = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('concurrent'));
    cli = await buildCli(join(root, 'dist'));
  });
  after(() => cleanup());

  async function race(out: string, argsA: string[], argsB: string[]): Promise<[number | null, number | null]> {
    const started = await Promise.allSettled(
      [argsA, argsB].map((args) => startPausedAt(cli, ['generate', '--out', out, '--key', 'ecdsa-p256', ...args], 'write:start', root)),
    );
    const peers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const [a, b] = peers;
    if (!a || !b) {
      await Promise.all(peers.map((peer) => peer.stop()));
      throw started.find((result) => result.status === 'rejected')?.reason;
    }
    try {
      resume(a);
      resume(b);
      const codes: [number | null, number | null] = [await exitCode(a), await exitCode(b)];
      return codes;
    } catch (error) {
      throw new Error(`${String(error)}\nA: ${a.output()}\nB: ${b.output()}`);
    } finally {
      await a.stop();
      await b.stop();
    }
  }

  it(`exactly one succeeds, the other is refused as for an existing set (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const out = join(root, `round-${round}`);
      const codes = await race(out, [], []);
      assert.deepEqual([...codes].sort(), [0, 2], `round ${round}: exit codes ${codes.join(', ')}`);
      await assertConsistentSet(out);
    }
  });

  it('with --force both succeed, one after the other, never interleaved', async () => {
    for (let round = 0; round < 5; round++) {
      const out = join(root, `force-${round}`);
      const codes = await race(out, ['--force'], ['--force']);
      assert.deepEqual(codes, [0, 0], `round ${round}`);
      await assertConsistentSet(out);
    }
  });

  it('--reuse-ca beside --force: the leaves are never signed by a CA the folder no longer holds', async () => {
    const seeded = await runProcess(process.execPath, [cli, 'generate', '--out', join(root, 'seed'), '--key', 'ecdsa-p256'], { cwd: root });
    assert.equal(seeded.code, 0, seeded.stderr);
    for (let round = 0; round < 5; round++) {
      const out = join(root, `reuse-${round}`);
      await cp(join(root, 'seed'), out, { recursive: true });
      const [force, reuse] = await race(out, ['--force'], ['--reuse-ca']);
      assert.equal(force, 0, `round ${round}`);
      // Either it ran first (0), or it found ca.pem replaced after it had read it and wrote nothing (2).
      assert.ok(reuse === 0 || reuse === 2, `round ${round}: --reuse-ca exit ${String(reuse)}`);
      await assertConsistentSet(out);
    }
  });
});
