// A workspace is untrusted input: a symlink planted where we write must not send the write elsewhere,
// and a folder we create must not be readable by others whatever the umask.
import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FilesExistError } from '../../../src/core/pki/errors';
import { addGitignoreEntries, gitignoreEntryForKeys, unignoredKeyFiles } from '../../../src/core/pki/gitignore';
import { newTransactionId, stagedName } from '../../../src/core/pki/store/names';
import { CERTIFICATE_SET_FILES, type GeneratedFile } from '../../../src/core/pki/types';
import { writeCertificateSet } from '../../../src/core/pki/writeSet';
import { writeOpenSslScript } from '../../../src/core/pki/writeOpenSslScript';
import { runProcess } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

const SCRIPT = { 'openssl.cnf': '# cnf\n', 'gen.sh': '#!/bin/sh\necho gen\n' };

describe('writes that cannot be redirected', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => ({ dir: root, cleanup } = await makeTempDir('redirect')));
  after(() => cleanup());

  it('Export OpenSSL Script with Overwrite replaces a planted symlink, never the file it points to', async () => {
    const outside = join(root, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'victim'), 'precious\n', { mode: 0o600 });
    const folder = join(root, 'repo', 'tls');
    await mkdir(folder, { recursive: true });
    await symlink(join(outside, 'victim'), join(folder, 'gen.sh'));
    await writeFile(join(folder, 'openssl.cnf'), 'old cnf\n');
    await writeOpenSslScript(folder, SCRIPT, { overwrite: true });
    assert.equal(await readFile(join(outside, 'victim'), 'utf8'), 'precious\n', 'the symlink target is untouched');
    assert.equal((await stat(join(outside, 'victim'))).mode & 0o777, 0o600, 'and so is its mode');
    assert.ok((await lstat(join(folder, 'gen.sh'))).isFile(), 'gen.sh is now a file of its own');
    assert.equal(await readFile(join(folder, 'gen.sh'), 'utf8'), SCRIPT['gen.sh']);
    assert.equal((await stat(join(folder, 'gen.sh'))).mode & 0o777, 0o755);
  });

  it('without Overwrite, a dangling symlink counts as an existing file: refused, nothing written', async () => {
    const folder = join(root, 'dangling');
    await mkdir(folder);
    await symlink(join(root, 'nowhere', 'x'), join(folder, 'openssl.cnf'));
    await assert.rejects(
      writeOpenSslScript(folder, SCRIPT, { overwrite: false }),
      (error: unknown) => error instanceof FilesExistError && error.existing.join() === 'openssl.cnf',
    );
    assert.equal(await readlink(join(folder, 'openssl.cnf')), join(root, 'nowhere', 'x'));
    await assert.rejects(lstat(join(folder, 'gen.sh')), { code: 'ENOENT' });
  });

  for (const umask of [0o000, 0o022, 0o277]) {
    it(`folders it creates are 0700 under umask ${umask.toString(8).padStart(3, '0')}; a folder that exists keeps its mode`, async () => {
      const parent = join(root, `umask-${umask.toString(8)}`);
      await mkdir(parent, { mode: 0o755 });
      await chmod(parent, 0o755);
      const previous = process.umask(umask);
      try {
        await writeCertificateSet(join(parent, 'a', 'tls'), fakeSet(), { overwrite: false });
        await writeOpenSslScript(join(parent, 'script'), SCRIPT, { overwrite: false });
      } finally {
        process.umask(previous);
      }
      for (const created of ['a', join('a', 'tls'), 'script']) {
        assert.equal((await stat(join(parent, created))).mode & 0o777, 0o700, created);
      }
      assert.equal((await stat(parent)).mode & 0o777, 0o755, 'the existing parent is left alone');
      assert.equal((await stat(join(parent, 'a', 'tls', 'ca.key'))).mode & 0o777, 0o600);
    });
  }

  it('the staging name of a key is ignored by the .gitignore entry Generate adds', async () => {
    const repo = join(root, 'git-repo');
    await mkdir(join(repo, 'tls'), { recursive: true });
    assert.equal((await runProcess('git', ['init', '-q'], { cwd: repo })).code, 0);
    await addGitignoreEntries(repo, [gitignoreEntryForKeys(repo, join(repo, 'tls'))]);
    const staged = join('tls', stagedName(newTransactionId(), 'ca.key'));
    await writeFile(join(repo, staged), 'key');
    const ignored = await runProcess('git', ['-c', 'core.fsmonitor=false', 'check-ignore', staged], { cwd: repo });
    assert.equal(ignored.code, 0, `${staged} is not ignored: ${ignored.stdout}${ignored.stderr}`);
    assert.deepEqual(await unignoredKeyFiles(repo, [join(repo, staged)]), []);
  });

  it('a symlinked .gitignore is not followed: it is left alone and the entry is refused with a reason', async () => {
    const repo = join(root, 'git-link');
    await mkdir(repo);
    await writeFile(join(root, 'shared-ignore'), 'node_modules\n');
    await symlink(join(root, 'shared-ignore'), join(repo, '.gitignore'));
    await assert.rejects(addGitignoreEntries(repo, ['/tls/*.key']), /symbolic link/);
    assert.equal(await readFile(join(root, 'shared-ignore'), 'utf8'), 'node_modules\n');
    assert.equal(await readlink(join(repo, '.gitignore')), join(root, 'shared-ignore'));
  });
});

function fakeSet(): GeneratedFile[] {
  return CERTIFICATE_SET_FILES.map((name) => ({ name, contents: name, isPrivateKey: name.endsWith('.key') }));
}
