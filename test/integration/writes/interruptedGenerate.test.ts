// Ctrl-C (SIGINT) or SIGTERM while `milvus-tls generate` writes: the run itself removes its staging
// files (private keys among them) and its lock, leaves the folder as it was, and exits 128+signal.
import assert from 'node:assert/strict';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, exitCode, resume, startPausedAt } from '../../helpers/builtCli';
import { fileHashes } from '../../helpers/setOnDisk';
import { runProcess } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

describe('an interrupted generation', () => {
  let root = '';
  let cli = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('interrupted'));
    cli = await buildCli(join(root, 'dist'));
    const made = await runProcess(process.execPath, [cli, 'generate', '--out', join(root, 'previous'), '--key', 'ecdsa-p256'], {
      cwd: root,
    });
    assert.equal(made.code, 0, made.stderr);
  });
  after(() => cleanup());

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} with keys staged: nothing is left in a new folder, and the process exits ${code}`, async () => {
      const out = join(root, `new-${signal}`);
      const peer = await startPausedAt(cli, ['generate', '--out', out, '--key', 'ecdsa-p256'], 'write:staged:server.key', root);
      peer.child.kill(signal);
      // Resumed once the run has the signal: what is tested is what it does with it before the commit.
      await peer.waitFor(new RegExp(`got ${signal}`));
      resume(peer);
      assert.equal(await exitCode(peer), code, peer.output());
      await peer.stop();
      assert.match(peer.output(), /interrupted.*nothing was written/i);
      await assert.rejects(readdir(out), { code: 'ENOENT' }, 'the folder it made is gone');
    });

    it(`${signal} while replacing a set (--force): the previous set stays byte for byte, nothing else`, async () => {
      const out = join(root, `force-${signal}`);
      await cp(join(root, 'previous'), out, { recursive: true });
      const before = await fileHashes(out);
      const peer = await startPausedAt(cli, ['generate', '--out', out, '--key', 'ecdsa-p256', '--force'], 'write:staged:client.key', root);
      peer.child.kill(signal);
      // Resumed once the run has the signal: what is tested is what it does with it before the commit.
      await peer.waitFor(new RegExp(`got ${signal}`));
      resume(peer);
      assert.equal(await exitCode(peer), code, peer.output());
      await peer.stop();
      assert.deepEqual(await fileHashes(out), before);
    });
  }
});
