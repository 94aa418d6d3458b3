// The CLI as installed: dist/cli.js loading each subcommand from its own bundle in dist/cli/. The other
// CLI tests run the TypeScript sources in one module graph, which hides what only the split bundles do
// (a class thrown in one bundle is not `instanceof` the same class in another).
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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

  it('--version prints the version of package.json (built in, not read at run time)', async () => {
    const { version } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await run(['--version']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${version}\n`);
  });

  it('generate reads a compose file through the lazily loaded deployment model (dist/cli/deploymentNames.js)', async () => {
    const project = join(dir, 'project');
    const out = join(project, 'tls');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'docker-compose.yml'), 'services:\n  standalone:\n    container_name: milvus-standalone\n    image: milvusdb/milvus:v2.5.4\n');
    const result = await runProcess(process.execPath, [cli, 'generate', '--out', out, '--key', 'ecdsa-p256'], { cwd: project });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /server\.pem .*DNS:standalone, DNS:milvus-standalone/);
  });
});
