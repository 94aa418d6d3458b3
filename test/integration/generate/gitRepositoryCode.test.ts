// A cloned repository must not run its own code through us. Its .git/config can name programs that
// git starts by itself: core.fsmonitor runs on any command that reads the index, which `git
// check-ignore` does. Asking git whether the new private keys are ignored (`milvus-tls generate`,
// and the editor's "Add to .gitignore" check, which share unignoredKeyFiles) must start none of them,
// nor follow GIT_* variables that point git at another repository or configuration.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { access, chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { unignoredKeyFiles } from '../../../src/core/pki/gitignore';
import { runCliIn } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

describe('git runs no program a repository configures', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let repo = '';
  let marker = '';

  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('git-hooks'));
    repo = join(root, 'cloned');
    marker = join(root, 'marker');
    await mkdir(repo);
    execFileSync('git', ['init', '-q', repo]);
    const hook = join(root, 'hook.sh');
    await writeFile(hook, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`);
    await chmod(hook, 0o755);
    // What a hostile clone ships: every program git might start on its own points at the hook.
    for (const [key, value] of [
      ['core.fsmonitor', hook],
      ['core.pager', hook],
      ['diff.external', hook],
      ['core.hooksPath', root],
    ] as const) {
      execFileSync('git', ['-C', repo, 'config', key, value]);
    }
    for (const name of ['post-index-change', 'pre-auto-gc', 'post-checkout']) {
      await writeFile(join(root, name), `#!/bin/sh\necho "${name}" >> '${marker}'\n`);
      await chmod(join(root, name), 0o755);
    }
    // Asked plainly, git does run the hook: otherwise the assertions below could not fail.
    try {
      execFileSync('git', ['-C', repo, 'check-ignore', '--stdin'], { input: 'a.key\n', stdio: ['pipe', 'ignore', 'ignore'] });
    } catch {
      // exit 1: not ignored
    }
    assert.ok(await exists(marker), 'core.fsmonitor did not run for a plain check-ignore; the fixture proves nothing');
    await rm(marker);
  });
  after(() => cleanup());
  beforeEach(() => rm(marker, { force: true }));

  it("milvus-tls generate checks the keys without starting the repository's programs", async () => {
    const result = await runCliIn(repo, ['generate', '--out', 'tls', '--key', 'ecdsa-p256']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    // The check still works: the keys are not ignored, and generate says so.
    assert.match(result.stderr, /git would commit these private keys/);
    assert.equal(await exists(marker), false, 'a program from .git/config ran');
  });

  it("the editor's .gitignore check starts none of them either", async () => {
    const keys = ['ca.key', 'server.key'].map((name) => join(repo, 'tls', name));
    assert.deepEqual(await unignoredKeyFiles(repo, keys), keys);
    assert.equal(await exists(marker), false, 'a program from .git/config ran');
  });

  it('asks about this repository whatever GIT_* variables say', async () => {
    // GIT_DIR would point git at another repository; GIT_CONFIG_* would add configuration.
    const variables = {
      GIT_DIR: join(root, 'elsewhere'),
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.fsmonitor',
      GIT_CONFIG_VALUE_0: join(root, 'hook.sh'),
    };
    Object.assign(process.env, variables);
    try {
      const keys = ['ca.key', 'server.key'].map((name) => join(repo, 'tls', name));
      assert.deepEqual(await unignoredKeyFiles(repo, keys), keys);
    } finally {
      for (const name of Object.keys(variables)) delete process.env[name];
    }
    assert.equal(await exists(marker), false, 'a program from GIT_CONFIG_* ran');
  });
});
