// The folder lock: one holder at a time, waiting for a live one, taking over a dead one's, never
// guessing about a process on another host.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SetLockedError } from '../../../src/core/pki/errors';
import { acquireLock } from '../../../src/core/pki/store/lock';
import { removeOrphanedNewFolders } from '../../../src/core/pki/store/recover';
import { BREAK_LOCK_NAME, LOCK_NAME } from '../../../src/core/pki/store/names';
import { currentProcess } from '../../../src/core/pki/store/ownerProcess';
import { makeTempDir } from '../../helpers/tempDir';

/** The pid of a process that has exited (and, on a quiet machine, not been reused yet). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function lockRecord(overrides: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...(await currentProcess()), nonce: 'feedfacefeedface', ...overrides });
}

describe('the folder lock', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let count = 0;
  before(async () => ({ dir: root, cleanup } = await makeTempDir('lock')));
  after(() => cleanup());
  const folder = async (): Promise<string> => {
    const dir = join(root, `f${count++}`);
    await mkdir(dir);
    return dir;
  };

  it("holds the owner's pid, host and start time, and release removes it", async () => {
    const dir = await folder();
    const lock = await acquireLock(dir);
    const record = JSON.parse(await readFile(join(dir, LOCK_NAME), 'utf8')) as Record<string, unknown>;
    assert.equal(record.pid, process.pid);
    assert.equal(record.hostname, hostname());
    assert.match(String(record.startedAt), /^\d{4}-\d\d-\d\dT/);
    if (process.platform === 'linux') assert.match(String(record.processStart), /^\d+$/);
    await lock.release();
    assert.deepEqual(await readdir(dir), []);
  });

  it('a second taker in the same process waits for the first to let go', async () => {
    const dir = await folder();
    const first = await acquireLock(dir);
    const order: string[] = [];
    const second = acquireLock(dir).then((lock) => {
      order.push('second');
      return lock;
    });
    order.push('first releases');
    await first.release();
    await (await second).release();
    assert.deepEqual(order, ['first releases', 'second']);
  });

  it('gives up with SetLockedError naming the live holder when it does not let go', async () => {
    const dir = await folder();
    const held = await acquireLock(dir);
    await assert.rejects(
      acquireLock(dir, { timeoutMs: 50 }),
      (error: unknown) =>
        error instanceof SetLockedError &&
        error.message.includes(`process ${process.pid} on ${hostname()}`) &&
        error.message.includes(join(dir, LOCK_NAME)),
    );
    await held.release();
  });

  it('takes over the lock of a dead process and reports it', async () => {
    const dir = await folder();
    const pid = deadPid();
    await writeFile(join(dir, LOCK_NAME), await lockRecord({ pid, processStart: undefined, createdDirectory: true }));
    const lock = await acquireLock(dir, { timeoutMs: 0 });
    assert.deepEqual(
      lock.staleOwners.map((owner) => [owner.pid, owner.createdDirectory]),
      [[pid, true]],
    );
    await lock.release();
    assert.deepEqual(await readdir(dir), [], 'no break lock left behind');
  });

  it('takes over a lock whose pid runs but belongs to a process started at another time (a reused pid)', async () => {
    const dir = await folder();
    await writeFile(join(dir, LOCK_NAME), await lockRecord({ processStart: '1' }));
    const lock = await acquireLock(dir, { timeoutMs: 0 });
    assert.equal(lock.staleOwners.length, 1);
    await lock.release();
  });

  it('never takes over a lock from another host: it cannot tell whether that process runs', async () => {
    const dir = await folder();
    await writeFile(join(dir, LOCK_NAME), await lockRecord({ pid: deadPid(), hostname: `not-${hostname()}` }));
    await assert.rejects(
      acquireLock(dir, { timeoutMs: 30 }),
      (error: unknown) => error instanceof SetLockedError && /on not-/.test(error.message),
    );
  });

  it('waits for a lock still being written (empty), and takes over one left empty long ago', async () => {
    const dir = await folder();
    const path = join(dir, LOCK_NAME);
    await writeFile(path, '');
    await assert.rejects(acquireLock(dir, { timeoutMs: 30 }), SetLockedError);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(path, longAgo, longAgo);
    await (await acquireLock(dir, { timeoutMs: 0 })).release();
  });

  it('clears a break lock whose breaker died, then takes over the stale lock', async () => {
    const dir = await folder();
    await writeFile(join(dir, LOCK_NAME), await lockRecord({ pid: deadPid() }));
    await writeFile(join(dir, BREAK_LOCK_NAME), await lockRecord({ pid: deadPid(), nonce: 'deadbeefdeadbeef' }));
    const lock = await acquireLock(dir, { timeoutMs: 5_000 });
    assert.equal(lock.staleOwners.length, 1);
    await lock.release();
    assert.deepEqual(await readdir(dir), []);
  });

  it('aborts the wait when the signal fires', async () => {
    const dir = await folder();
    const held = await acquireLock(dir);
    const controller = new AbortController();
    const waiting = acquireLock(dir, { signal: controller.signal });
    controller.abort(new Error('stop waiting'));
    await assert.rejects(waiting, /stop waiting/);
    await held.release();
  });

  it("removes a new folder's staging whose maker died while writing its lock (empty lock file)", async () => {
    const parent = await folder();
    const staging = join(parent, `.milvus-tls-new-0123456789abcdef-p${deadPid()}-tls`);
    await mkdir(staging);
    // Created with O_EXCL, killed before its record was written: no owner to ask, but the name says who made it.
    await writeFile(join(staging, LOCK_NAME), '');
    await removeOrphanedNewFolders(join(parent, 'tls'));
    assert.deepEqual(await readdir(parent), []);
  });
});
