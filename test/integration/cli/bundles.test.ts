// The CLI as installed: dist/cli.js loading each subcommand from its own bundle in dist/cli/. The other
// CLI tests run the TypeScript sources in one module graph, which hides what only the split bundles do
// (a class thrown in one bundle is not `instanceof` the same class in another).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, runProcess } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

describe('the bundled CLI (dist/cli.js + dist/cli/*.js)', () => {
  let dir = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let cli = '';
  before(async () => {
    ({ dir, cleanup } = await makeTempDir('cli-bundles'));
    const outdir = join(dir, 'dist');
    const build = await runProcess(process.execPath, [join(REPO_ROOT, '.ci', 'build.mjs')],
      { cwd: REPO_ROOT, env: { ...process.env, MILVUS_TLS_OUTDIR: outdir } });
    assert.equal(build.code, 0, build.stderr);
    cli = join(outdir, 'cli.js');
  });
  after(() => cleanup());

  const run = (args: string[]) => runProcess(process.execPath, [cli, ...args], { cwd: dir });

  for (const command of ['generate', 'inspect', 'check', 'ping', 'enable', 'disable', 'renew', 'rotate']) {
    it(`${command}: an unknown option is bad usage (exit 1) naming --help`, async () => {
      const result = await run([command, '--no-such-option']);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stderr, new RegExp(`milvus-tls ${command} --help`));
    });
  }

  it('generate writes the set, and a second run is refused (exit 2)', async () => {
    const out = join(dir, 'tls');
    assert.equal((await run(['generate', '--out', out, '--key', 'ecdsa-p256'])).code, 0);
    const refused = await run(['generate', '--out', out, '--key', 'ecdsa-p256']);
    assert.equal(refused.code, 2, refused.stderr);
    const inspected = await run(['inspect', out]);
    assert.equal(inspected.code, 0, inspected.stderr);
    assert.match(inspected.stdout, /Milvus TLS CA/);
  });
});
