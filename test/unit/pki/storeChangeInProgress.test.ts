// A change still being made (a set being signed) handed to the store: the folder is locked and
// recovered meanwhile, and what the caller sees is the same as when the change came ready-made.
import assert from 'node:assert/strict';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FilesExistError } from '../../../src/core/pki/errors';
import { LOCK_NAME } from '../../../src/core/pki/store/names';
import { applySetChange, type SetChange } from '../../../src/core/pki/store/transaction';
import { makeTempDir } from '../../helpers/tempDir';

const CHANGE: SetChange = {
  writes: [
    { name: 'ca.pem', contents: 'new ca', mode: 0o644 },
    { name: 'ca.key', contents: 'new key', mode: 0o600 },
  ],
  refuseExisting: ['ca.pem', 'ca.key'],
};

/** An error as node:crypto throws them: a plain Error with a code, which the store must not reword as a write failure. */
function signingError(): Error {
  return Object.assign(new Error('error:1E08010C:DECODER routines::unsupported'), { code: 'ERR_OSSL_UNSUPPORTED' });
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('the set store, given a change still being made', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let count = 0;
  before(async () => ({ dir: root, cleanup } = await makeTempDir('store-making')));
  after(() => cleanup());
  const parent = async (): Promise<string> => {
    const dir = join(root, `p${count++}`);
    await mkdir(dir);
    return dir;
  };

  it('locks the new folder while the change is made, then writes it and lets go', async () => {
    const dir = await parent();
    const out = join(dir, 'tls');
    const change = deferred<SetChange>();
    // The new folder appears by a rename, with its lock already inside (acquireLockInNewFolder).
    const appeared = new Promise<void>((resolve) => {
      const watcher = watch(dir, (_event, name) => {
        if (name !== 'tls') return;
        watcher.close();
        resolve();
      });
    });
    const applying = applySetChange(out, change.promise);
    await appeared;
    assert.deepEqual(await readdir(out), [LOCK_NAME], 'locked before the change exists');
    change.resolve(CHANGE);
    assert.deepEqual((await applying).written, [join(out, 'ca.pem'), join(out, 'ca.key')]);
    assert.deepEqual((await readdir(out)).sort(), ['ca.key', 'ca.pem']);
    assert.equal(await readFile(join(out, 'ca.key'), 'utf8'), 'new key');
  });

  it('a change that cannot be made writes nothing: its own error, the new folder gone, nothing left beside it', async () => {
    const dir = await parent();
    const out = join(dir, 'tls');
    const error = signingError();
    await assert.rejects(applySetChange(out, Promise.reject(error)), (thrown) => thrown === error);
    assert.deepEqual(await readdir(dir), []);
    // The folder is free again: the next write is not kept waiting for a lock.
    await applySetChange(out, CHANGE);
    assert.deepEqual((await readdir(out)).sort(), ['ca.key', 'ca.pem']);
  });

  it("the change's error comes before a folder that cannot be written, as when the change was made first", async () => {
    const dir = await parent();
    await writeFile(join(dir, 'file'), 'not a folder');
    const error = signingError();
    await assert.rejects(applySetChange(join(dir, 'file', 'tls'), Promise.reject(error)), (thrown) => thrown === error);
  });

  it('refuses a change being made like one made already when the files exist, and keeps them', async () => {
    const dir = await parent();
    const out = join(dir, 'tls');
    await mkdir(out);
    await writeFile(join(out, 'ca.pem'), 'mine');
    await assert.rejects(applySetChange(out, Promise.resolve(CHANGE)), FilesExistError);
    assert.deepEqual(await readdir(out), ['ca.pem']);
    assert.equal(await readFile(join(out, 'ca.pem'), 'utf8'), 'mine');
  });
});
