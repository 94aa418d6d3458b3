// The throwaway signing a wizard starts while its questions are asked: once per process, never a
// failure of its own, and nothing of it on disk.
import { strict as assert } from 'node:assert';
import { readdir } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { warmUpSigning } from '../../../src/core/pki/signingWarmUp';
import { makeTempDir } from '../../helpers/tempDir';

describe('warmUpSigning', () => {
  it('signs once per process, resolves, and writes nothing (the working folder stays empty)', async () => {
    const { dir, cleanup } = await makeTempDir('warm-up');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const first = warmUpSigning();
      assert.equal(warmUpSigning(), first, 'a second call reuses the first signing');
      assert.equal(await first, undefined);
      assert.deepEqual(await readdir(dir), []);
    } finally {
      process.chdir(cwd);
      await cleanup();
    }
  });
});
