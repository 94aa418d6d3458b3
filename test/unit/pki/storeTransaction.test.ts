// The store's transaction and its recovery, driven in-process: preconditions under the lock, backups
// kept byte for byte, and the folder a dead run leaves rolled forward or back.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FilesExistError, SetChangedError, WriteSetError } from '../../../src/core/pki/errors';
import { listBackups } from '../../../src/core/pki/store/backup';
import { writeCommitRecord } from '../../../src/core/pki/store/journal';
import { BACKUP_FOLDER, LOCK_NAME, stagedName } from '../../../src/core/pki/store/names';
import { readSetFiles } from '../../../src/core/pki/store/read';
import { recoverSet } from '../../../src/core/pki/store/recover';
import { applySetChange } from '../../../src/core/pki/store/transaction';
import { makeTempDir } from '../../helpers/tempDir';

const ID = '0123456789abcdef';

describe('the set store', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let count = 0;
  before(async () => ({ dir: root, cleanup } = await makeTempDir('store')));
  after(() => cleanup());
  const folder = async (files: Record<string, string> = {}): Promise<string> => {
    const dir = join(root, `f${count++}`);
    await mkdir(dir);
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(dir, name), text, { mode: name.endsWith('.key') ? 0o600 : 0o644 });
    }
    return dir;
  };
  const read = (dir: string, name: string): Promise<string> => readFile(join(dir, name), 'utf8');

  it('recovery rolls a committed write forward: staged files replace their targets, the record goes', async () => {
    const dir = await folder({ 'a.pem': 'old a', 'b.key': 'old b', 'gone.pem': 'x' });
    await writeFile(join(dir, stagedName(ID, 'a.pem')), 'new a');
    // b.key was already renamed before the crash: its staged file is gone, its target is new.
    await writeFile(join(dir, 'b.key'), 'new b');
    await writeCommitRecord(dir, { version: 1, transaction: ID, writes: ['a.pem', 'b.key'], removals: ['gone.pem'] });
    const report = await recoverSet(dir);
    assert.deepEqual(report?.rolledForward, [ID]);
    assert.deepEqual((await readdir(dir)).sort(), ['a.pem', 'b.key']);
    assert.equal(await read(dir, 'a.pem'), 'new a');
    assert.equal(await read(dir, 'b.key'), 'new b');
  });

  it('recovery rolls an uncommitted write back: its staged files (keys too) go, the targets stay', async () => {
    const dir = await folder({ 'ca.key': 'mine' });
    await writeFile(join(dir, stagedName(ID, 'ca.key')), 'half-written key');
    await writeFile(join(dir, stagedName(ID, 'commit.tmp')), '{"vers');
    await mkdir(join(dir, stagedName(ID, 'backup')));
    await writeFile(join(dir, stagedName(ID, 'backup'), 'ca.key'), 'mine');
    const report = await recoverSet(dir);
    assert.equal(report?.removed.length, 3);
    assert.deepEqual(await readdir(dir), ['ca.key']);
    assert.equal(await read(dir, 'ca.key'), 'mine');
  });

  it('a commit record back after a crash (its deletion not yet on disk) is rolled forward again as a no-op', async () => {
    const dir = await folder({ 'ca.pem': 'old' });
    await applySetChange(dir, {
      writes: [
        { name: 'ca.pem', contents: 'new ca', mode: 0o644 },
        { name: 'ca.key', contents: 'new key', mode: 0o600 },
      ],
    });
    // The user edits a file afterwards; then the record the write deleted reappears.
    await writeFile(join(dir, 'ca.pem'), 'edited since');
    await writeCommitRecord(dir, { version: 1, transaction: ID, writes: ['ca.pem', 'ca.key'], removals: [] });
    const report = await recoverSet(dir);
    assert.deepEqual(report?.rolledForward, [ID]);
    assert.deepEqual((await readdir(dir)).sort(), ['ca.key', 'ca.pem']);
    assert.equal(await read(dir, 'ca.pem'), 'edited since');
    assert.equal(await read(dir, 'ca.key'), 'new key');
  });

  it('recovery removes the staging files the versions before the store left, when their process is gone', async () => {
    const dir = await folder({ 'ca.key': 'mine' });
    const gone = '.ca.key.999999999-0a1b2c3d.tmp';
    const running = `.server.key.${process.pid}-0a1b2c3d.tmp`;
    await writeFile(join(dir, gone), 'old staging');
    await writeFile(join(dir, `${gone}.old`), 'old backup');
    await writeFile(join(dir, running), 'a live run');
    await recoverSet(dir);
    assert.deepEqual((await readdir(dir)).sort(), [running, 'ca.key'].sort());
  });

  it("recovery removes the half-made new folder a dead run left beside the target, not a live run's", async () => {
    const parent = await folder();
    const dead = `.milvus-tls-new-${ID}-p999999999-tls`;
    const deadWithLock = `.milvus-tls-new-fedcba9876543210-p${process.pid}-tls`;
    const live = `.milvus-tls-new-00112233445566ff-p${process.pid}-tls`;
    const other = `.milvus-tls-new-${ID}-p999999999-elsewhere`;
    for (const name of [dead, deadWithLock, live, other]) await mkdir(join(parent, name));
    await writeFile(
      join(parent, deadWithLock, LOCK_NAME),
      JSON.stringify({ pid: 999999999, hostname: hostname(), nonce: 'x', startedAt: '' }),
    );
    assert.equal(await recoverSet(join(parent, 'tls')), undefined, 'the folder itself does not exist');
    assert.deepEqual((await readdir(parent)).sort(), [live, other].sort());
  });

  it('refuses under the lock when a file exists, or changed since it was read, and writes nothing', async () => {
    const dir = await folder({ 'ca.pem': 'v1', 'ca.key': 'k1' });
    await assert.rejects(
      applySetChange(dir, { writes: [{ name: 'ca.pem', contents: 'x', mode: 0o644 }], refuseExisting: ['ca.pem'] }),
      (error: unknown) => error instanceof FilesExistError && error.existing.join() === 'ca.pem',
    );
    const seen = await readSetFiles(dir, ['ca.pem', 'ca.key', 'server.pem']);
    assert.equal(seen.get('server.pem'), undefined);
    await writeFile(join(dir, 'ca.pem'), 'v2');
    await assert.rejects(
      applySetChange(dir, { writes: [{ name: 'server.pem', contents: 'leaf', mode: 0o644 }], unchanged: seen }),
      (error: unknown) => error instanceof SetChangedError && error.changed.join() === 'ca.pem',
    );
    assert.deepEqual((await readdir(dir)).sort(), ['ca.key', 'ca.pem']);
  });

  it('refuses names outside the folder and its own names', async () => {
    const dir = await folder();
    for (const name of ['../x.pem', 'sub/x.pem', LOCK_NAME, '.milvus-tls-backups']) {
      await assert.rejects(applySetChange(dir, { writes: [{ name, contents: 'x', mode: 0o644 }] }), WriteSetError, name);
    }
  });

  it('keeps what it replaces and removes in a dated backup: same bytes and modes, a manifest, and a .gitignore', async () => {
    const dir = await folder({ 'server.pem': 'old cert', 'server.key': 'old key', 'ca-next.pem': 'next' });
    const applied = await applySetChange(
      dir,
      {
        writes: [
          { name: 'server.pem', contents: 'new cert', mode: 0o644 },
          { name: 'server.key', contents: 'new key', mode: 0o600 },
          { name: 'extra.pem', contents: 'created', mode: 0o644 },
        ],
        removals: ['ca-next.pem'],
        backupOperation: 'renew',
      },
      { now: new Date('2026-03-01T10:00:00.123Z') },
    );
    assert.equal(applied.backupFolder, join(dir, BACKUP_FOLDER, '2026-03-01T10-00-00Z-renew'));
    const backup = applied.backupFolder ?? '';
    assert.deepEqual((await readdir(backup)).sort(), ['.gitignore', 'ca-next.pem', 'manifest.json', 'server.key', 'server.pem']);
    assert.equal(await read(backup, 'server.key'), 'old key');
    assert.equal((await stat(join(backup, 'server.key'))).mode & 0o777, 0o600);
    assert.equal((await stat(backup)).mode & 0o777, 0o700);
    assert.match(await read(backup, '.gitignore'), /^\*$/m);
    const [listed] = await listBackups(dir);
    assert.deepEqual(listed?.manifest.kept, ['server.pem', 'server.key', 'ca-next.pem']);
    assert.deepEqual(listed?.manifest.created, ['extra.pem']);
    assert.deepEqual(listed?.manifest.removed, ['ca-next.pem']);
    assert.equal(listed?.manifest.written['server.key'], createHash('sha256').update('new key').digest('hex'));
    assert.deepEqual((await readdir(dir)).sort(), [BACKUP_FOLDER, 'extra.pem', 'server.key', 'server.pem']);
    const second = await applySetChange(
      dir,
      { writes: [{ name: 'server.pem', contents: 'newer', mode: 0o644 }], backupOperation: 'renew' },
      { now: new Date('2026-03-01T10:00:00.999Z') },
    );
    assert.equal(
      second.backupFolder,
      join(dir, BACKUP_FOLDER, '2026-03-01T10-00-00Z-renew-2'),
      'a second backup in the same second gets its own folder',
    );
  });

  it('a file can be written as a copy of another (hard link): same bytes, same mode', async () => {
    const dir = await folder({ 'source.key': 'secret' });
    await applySetChange(dir, { writes: [{ name: 'copy.key', sameAs: join(dir, 'source.key') }] });
    assert.equal(await read(dir, 'copy.key'), 'secret');
    assert.equal((await stat(join(dir, 'copy.key'))).mode & 0o777, 0o600);
  });
});
