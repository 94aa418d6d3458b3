// The CLI as installed: dist/cli.js loading each subcommand from its own bundle in dist/cli/. The other
// CLI tests run the TypeScript sources in one module graph, which hides what only the split bundles do
// (a class thrown in one bundle is not `instanceof` the same class in another).
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
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
    const build = await runProcess(process.execPath, [join(REPO_ROOT, '.ci', 'build.mjs')], {
      cwd: REPO_ROOT,
      env: { ...process.env, MILVUS_TLS_OUTDIR: outdir },
    });
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
    await writeFile(
      join(project, 'docker-compose.yml'),
      'services:\n  standalone:\n    container_name: milvus-standalone\n    image: milvusdb/milvus:v2.5.4\n',
    );
    const result = await runProcess(process.execPath, [cli, 'generate', '--out', out, '--key', 'ecdsa-p256'], { cwd: project });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /server\.pem .*DNS:standalone, DNS:milvus-standalone/);
  });

  it('generate without a Kubernetes flag loads neither the YAML parser nor the deployment model (its bundle holds neither)', async () => {
    const bundle = await readFile(join(dir, 'dist', 'cli', 'generate.js'), 'utf8');
    // esbuild's development build names every module it bundles in a `// path` comment.
    assert.doesNotMatch(bundle, /^\/\/ node_modules\/yaml\//m);
    assert.doesNotMatch(bundle, /^\/\/ src\/core\/deployment\//m);
    assert.ok((await readdir(join(dir, 'dist', 'cli'))).includes('generateKubernetes.js'), 'the Kubernetes half is a bundle of its own');
  });

  it('generate --k8s-secret resolves the target through the lazily loaded Kubernetes bundle and writes the Secret', async () => {
    const project = join(dir, 'k8s');
    await mkdir(project, { recursive: true });
    const result = await runProcess(
      process.execPath,
      [cli, 'generate', '--k8s-secret', 'milvus-tls', '--release', 'prod', '--namespace', 'search', '--key', 'ecdsa-p256'],
      { cwd: project },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /server\.pem .*DNS:prod-milvus\.search\.svc\.cluster\.local/);
    assert.match(result.stdout, /milvus-tls\.secret\.yaml/);
  });

  it('a usage error thrown inside the lazily loaded Kubernetes bundle is bad usage (exit 1), not a failure', async () => {
    const project = join(dir, 'k8s-usage');
    await mkdir(project, { recursive: true });
    const result = await runProcess(process.execPath, [cli, 'generate', '--cert-manager', '--mode', '3'], { cwd: project });
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.equal(result.stderr, "milvus-tls generate: --mode must be 1 or 2 (got '3')\n");
  });

  it('Kubernetes flags are checked before anything is loaded: --release without --k8s-secret, a bad Secret name', async () => {
    const release = await run(['generate', '--release', 'prod']);
    assert.equal(release.code, 1, release.stderr);
    assert.match(release.stderr, /--release and --namespace go with --k8s-secret NAME or --cert-manager/);
    const secret = await run(['generate', '--k8s-secret', 'Not_A_Name']);
    assert.equal(secret.code, 1, secret.stderr);
    assert.match(secret.stderr, /--k8s-secret 'Not_A_Name' is not a valid Secret name/);
  });

  it('--version and generate print with one write to stdout; a reader that went away (`| true`) is no failure', async () => {
    const out = join(dir, 'piped');
    const script = `"${process.execPath}" "${cli}" --version | true; v=\${PIPESTATUS[0]}; "${process.execPath}" "${cli}" generate --key ecdsa-p256 --out "${out}" | true; echo "$v \${PIPESTATUS[0]}"`;
    const result = await runProcess('bash', ['-c', script], { cwd: dir });
    assert.equal(result.stdout, '0 0\n', result.stderr);
    assert.equal(result.stderr, '');
    assert.equal((await readdir(out)).length, 9, 'the set is written');
  });
});
