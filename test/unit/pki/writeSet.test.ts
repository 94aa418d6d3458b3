import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FilesExistError, WriteSetError } from '../../../src/core/pki/errors';
import { CERTIFICATE_SET_FILES, type GeneratedFile } from '../../../src/core/pki/types';
import { existingSetFiles, writeCertificateSet } from '../../../src/core/pki/writeSet';
import { makeTempDir } from '../../helpers/tempDir';

/** Stand-in contents: writing is what is tested here, not generation. */
function fakeSet(tag: string): GeneratedFile[] {
  return CERTIFICATE_SET_FILES.map((name) => ({ name, contents: `${tag}:${name}\n`, isPrivateKey: name.endsWith('.key') }));
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const info = await stat(path);
    result[name] = info.isDirectory()
      ? 'dir'
      : `${(info.mode & 0o777).toString(8)} ${createHash('sha256')
          .update(await readFile(path))
          .digest('hex')}`;
  }
  return result;
}

describe('writeCertificateSet', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => ({ dir: root, cleanup } = await makeTempDir('writeset')));
  after(() => cleanup());

  it('creates the folder, writes every file, keys 0600 and the rest 0644 whatever the umask', async () => {
    const dir = join(root, 'nested', 'tls');
    const previousUmask = process.umask(0o077);
    let paths: string[];
    try {
      paths = await writeCertificateSet(dir, fakeSet('a'), { overwrite: false });
    } finally {
      process.umask(previousUmask);
    }
    assert.deepEqual(
      paths,
      CERTIFICATE_SET_FILES.map((name) => join(dir, name)),
    );
    for (const name of CERTIFICATE_SET_FILES) {
      const info = await stat(join(dir, name));
      assert.equal(info.mode & 0o777, name.endsWith('.key') ? 0o600 : 0o644, name);
      assert.equal(await readFile(join(dir, name), 'utf8'), `a:${name}\n`);
    }
    assert.deepEqual((await readdir(dir)).sort(), [...CERTIFICATE_SET_FILES].sort(), 'no temp files left');
  });

  it('refuses with FilesExistError naming the files, and touches nothing', async () => {
    const dir = join(root, 'refuse');
    await mkdir(dir);
    await writeFile(join(dir, 'server.pem'), 'mine');
    await writeFile(join(dir, 'ca.key'), 'my key', { mode: 0o600 });
    const before = await snapshot(dir);
    assert.deepEqual(await existingSetFiles(dir, CERTIFICATE_SET_FILES), ['ca.key', 'server.pem']);
    await assert.rejects(
      writeCertificateSet(dir, fakeSet('b'), { overwrite: false }),
      (error: unknown) => error instanceof FilesExistError && error.existing.join() === 'ca.key,server.pem',
    );
    assert.deepEqual(await snapshot(dir), before);
  });

  it('replaces existing files when overwrite is true', async () => {
    const dir = join(root, 'overwrite');
    await writeCertificateSet(dir, fakeSet('old'), { overwrite: false });
    await writeCertificateSet(dir, fakeSet('new'), { overwrite: true });
    assert.equal(await readFile(join(dir, 'client.pem'), 'utf8'), 'new:client.pem\n');
    assert.deepEqual((await readdir(dir)).sort(), [...CERTIFICATE_SET_FILES].sort());
  });

  it('puts everything back when a file cannot be placed midway', async () => {
    const dir = join(root, 'midway');
    await writeCertificateSet(dir, fakeSet('old'), { overwrite: false });
    // client.key is replaced by a non-empty folder: ca.*, server.* are placed before it fails.
    await rm(join(dir, 'client.key'));
    await mkdir(join(dir, 'client.key'));
    await writeFile(join(dir, 'client.key', 'inside'), 'x');
    const before = await snapshot(dir);
    await assert.rejects(
      writeCertificateSet(dir, fakeSet('new'), { overwrite: true }),
      (error: unknown) => error instanceof WriteSetError && /client\.key/.test(error.message),
    );
    assert.deepEqual(await snapshot(dir), before, 'folder is exactly as before');
    assert.equal(await readFile(join(dir, 'ca.key'), 'utf8'), 'old:ca.key\n');
  });

  it('removes a folder it created when writing fails', async () => {
    const parent = join(root, 'created');
    await mkdir(parent);
    // A file whose contents cannot be written (not a string) fails staging after the folder was made.
    const files = fakeSet('x').map((file) => (file.name === 'server.csr' ? { ...file, contents: undefined as unknown as string } : file));
    await assert.rejects(writeCertificateSet(join(parent, 'tls'), files, { overwrite: false }), WriteSetError);
    assert.deepEqual(await readdir(parent), []);
  });

  it('says clearly when the folder is a file', async () => {
    const path = join(root, 'a-file');
    await writeFile(path, 'x');
    await assert.rejects(
      writeCertificateSet(path, fakeSet('x'), { overwrite: true }),
      (error: unknown) => error instanceof WriteSetError && /is a file, not a folder/.test(error.message),
    );
    assert.equal(await readFile(path, 'utf8'), 'x');
  });
});
