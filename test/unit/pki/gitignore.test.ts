import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addGitignoreEntries, unignoredKeyFiles } from '../../../src/core/pki/gitignore';
import { makeTempDir } from '../../helpers/tempDir';

describe('gitignore', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => ({ dir: root, cleanup } = await makeTempDir('gitignore')));
  after(() => cleanup());

  it('lists the key files git would not ignore', async () => {
    const repo = join(root, 'repo');
    await mkdir(join(repo, 'tls'), { recursive: true });
    execFileSync('git', ['init', '-q', repo]);
    await writeFile(join(repo, '.gitignore'), 'tls/ca.key\n*.secret\n!tls/client.key\n');
    const keys = ['ca.key', 'server.key', 'client.key'].map((name) => join(repo, 'tls', name));
    assert.deepEqual(await unignoredKeyFiles(repo, keys), [keys[1], keys[2]]);
    await addGitignoreEntries(repo, ['tls/server.key', 'tls/*.key']);
    assert.deepEqual(await unignoredKeyFiles(repo, keys), [], 'the appended tls/*.key comes last, so it wins over the negation, as in git');
  });

  it('returns nothing outside a git repository or for paths outside the work tree', async () => {
    const plain = join(root, 'plain');
    await mkdir(plain);
    assert.deepEqual(await unignoredKeyFiles(plain, [join(plain, 'ca.key')]), []);
    assert.deepEqual(await unignoredKeyFiles(join(root, 'repo'), [join(root, 'elsewhere', 'ca.key')]), []);
  });

  it('appends entries once, keeping existing content', async () => {
    const dir = join(root, 'append');
    await mkdir(dir);
    await addGitignoreEntries(dir, ['tls/*.key']);
    assert.equal(await readFile(join(dir, '.gitignore'), 'utf8'), 'tls/*.key\n');
    await writeFile(join(dir, '.gitignore'), 'node_modules/\ntls/*.key');
    await addGitignoreEntries(dir, ['tls/*.key', 'certs/*.key', 'certs/*.key']);
    assert.equal(await readFile(join(dir, '.gitignore'), 'utf8'), 'node_modules/\ntls/*.key\ncerts/*.key\n');
  });
});
