// `milvus-tls generate` as a user runs it: exit codes, output, files on disk, and refusals that
// leave existing files byte-identical.
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { CERTIFICATE_SET_FILES } from '../../../src/core/pki/types';
import { checkCertificateSetWithOpenssl } from '../../helpers/opensslChecks';
import { REPO_ROOT, runCli, runProcess, type ProcessResult } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

async function hashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    result[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  }
  return result;
}

function assertExit(result: ProcessResult, code: number): void {
  assert.equal(result.code, code, `exit ${String(result.code)}, expected ${code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

interface JsonReport {
  files: { name: string; path: string; kind: string; sha256Of: string; sha256: string; notAfter: string | null }[];
}

describe('milvus-tls generate (CLI)', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('cli'));
    await chmod(root, 0o755); // readable by the unprivileged user of the unwritable-folder test
  });
  after(() => cleanup());

  it('writes a verified set, prints JSON with fingerprints, keeps keys 0600 and never prints them', async () => {
    const out = join(root, 'json');
    const result = await runCli([
      'generate',
      '--out',
      out,
      '--json',
      '--key',
      'ecdsa-p256',
      '--cn',
      'milvus.example.com',
      '--san',
      'db.example.com,10.0.0.5',
      '--san',
      '::1',
      '--org',
      'Acme',
      '--country',
      'DE',
    ]);
    assertExit(result, 0);
    assert.doesNotMatch(result.stdout + result.stderr, /PRIVATE KEY/);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => f.name),
      [...CERTIFICATE_SET_FILES],
    );
    for (const entry of report.files) {
      const contents = await readFile(entry.path);
      assert.equal(entry.path, join(out, entry.name));
      if (entry.kind === 'certificate') {
        const certificate = new X509Certificate(contents);
        assert.equal(entry.sha256Of, 'certificate-der');
        assert.equal(entry.sha256, createHash('sha256').update(certificate.raw).digest('hex'));
        assert.equal(entry.notAfter, new Date(certificate.validTo).toISOString());
      } else {
        assert.equal(entry.sha256Of, 'file');
        assert.equal(entry.sha256, createHash('sha256').update(contents).digest('hex'));
        assert.equal(entry.notAfter, null);
      }
      assert.equal((await stat(entry.path)).mode & 0o777, entry.name.endsWith('.key') ? 0o600 : 0o644, entry.name);
    }
    await checkCertificateSetWithOpenssl(out, {
      serverSans: ['DNS:milvus.example.com', 'DNS:db.example.com', 'IP Address:10.0.0.5', 'IP Address:0:0:0:0:0:0:0:1'],
    });
  });

  it("adds the Milvus service and container names of the current folder's compose file to the default SANs", async () => {
    const project = join(root, 'compose-project');
    await mkdir(project);
    await writeFile(
      join(project, 'docker-compose.yml'),
      'services:\n  standalone:\n    container_name: milvus-standalone\n    image: milvusdb/milvus:v2.6.20\n',
    );
    // Run from the project folder, as a user would; tsx is loaded by absolute path from there.
    const result = await runProcess(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
        join(REPO_ROOT, 'src', 'cli', 'main.ts'),
        'generate',
        '--key',
        'ecdsa-p256',
      ],
      { cwd: project },
    );
    assertExit(result, 0);
    const server = new X509Certificate(await readFile(join(project, 'tls', 'server.pem')));
    assert.equal(
      server.subjectAltName,
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:standalone, DNS:milvus-standalone',
    );
  });

  it('refuses to overwrite (exit 2), names the files and the ways out, and changes nothing', async () => {
    const out = join(root, 'refuse');
    assertExit(await runCli(['generate', '--out', out, '--key', 'ecdsa-p256']), 0);
    const before = await hashes(out);
    const refused = await runCli(['generate', '--out', out, '--key', 'ecdsa-p256']);
    assertExit(refused, 2);
    assert.match(refused.stderr, /ca\.key, ca\.pem, ca\.srl, server\.key/);
    assert.match(refused.stderr, /--force/);
    assert.match(refused.stderr, /--reuse-ca/);
    assert.deepEqual(await hashes(out), before);
  });

  it('--reuse-ca keeps ca.pem and ca.key byte-identical and issues leaves that verify', async () => {
    const out = join(root, 'reuse');
    assertExit(await runCli(['generate', '--out', out, '--key', 'rsa2048']), 0);
    const before = await hashes(out);
    const result = await runCli(['generate', '--out', out, '--reuse-ca', '--key', 'ecdsa-p256', '--cn', 'db.local']);
    assertExit(result, 0);
    assert.match(result.stdout, /kept ca\.pem and ca\.key/);
    const afterHashes = await hashes(out);
    assert.equal(afterHashes['ca.pem'], before['ca.pem']);
    assert.equal(afterHashes['ca.key'], before['ca.key']);
    for (const name of ['server.pem', 'server.key', 'client.pem', 'client.key', 'ca.srl']) {
      assert.notEqual(afterHashes[name], before[name], name);
    }
    await checkCertificateSetWithOpenssl(out, { serverSans: ['DNS:db.local'] });
  });

  it('--force replaces the whole set', async () => {
    const out = join(root, 'force');
    assertExit(await runCli(['generate', '--out', out, '--key', 'ecdsa-p256']), 0);
    const before = await hashes(out);
    assertExit(await runCli(['generate', '--out', out, '--key', 'ecdsa-p256', '--force']), 0);
    const afterHashes = await hashes(out);
    for (const name of CERTIFICATE_SET_FILES) assert.notEqual(afterHashes[name], before[name], name);
  });

  const badUsage: [string[], RegExp][] = [
    [['--cn', ''], /server common name: the common name is empty/],
    [['--san', 'bad..name'], /--san: "bad\.\.name" has an empty label/],
    [['--cn', 'My Server'], /--cn "My Server" is not a host name or IP address.*--san/],
    [['--out', ''], /--out is empty/],
    [['--days', '0'], /--days must be a whole number from 1 to 36500/],
    [['--ca-days', '1.5'], /--ca-days must be a whole number from 1 to 36500/],
    [['--days', '900', '--ca-days', '800'], /would outlive the CA/],
    [['--key', 'dsa'], /--key must be one of rsa2048, rsa3072, rsa4096, ecdsa-p256, ecdsa-p384/],
    [['--country', 'Germany'], /country: country "Germany" is not a two-letter ISO 3166 code/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /positional/i],
    [['--reuse-ca'], /--reuse-ca needs ca\.pem and ca\.key/],
    [['--reuse-ca', '--ca-cn', 'X'], /cannot be combined with --reuse-ca/],
  ];
  for (const [args, message] of badUsage) {
    it(`exits 1 with a clear message and writes nothing for ${args.join(' ') || '(empty)'}`, async () => {
      const out = join(root, `bad-${createHash('sha1').update(args.join(' ')).digest('hex').slice(0, 8)}`);
      const result = await runCli(['generate', '--out', out, ...args]);
      assertExit(result, 1);
      assert.match(result.stderr, message);
      await assert.rejects(stat(out), { code: 'ENOENT' });
    });
  }

  it('exits 3 when --out names a file, leaving it alone', async () => {
    const file = join(root, 'not-a-folder');
    await writeFile(file, 'precious');
    const result = await runCli(['generate', '--out', file, '--key', 'ecdsa-p256']);
    assertExit(result, 3);
    assert.match(result.stderr, /is a file, not a folder.*nothing was written/);
    assert.equal(await readFile(file, 'utf8'), 'precious');
  });

  it('exits 3 for a folder it cannot write, and writes nothing', async () => {
    const locked = join(root, 'locked');
    await mkdir(locked, { mode: 0o555 });
    await chmod(locked, 0o555);
    // root ignores permission bits, so as root the CLI runs as "nobody".
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = await runCli(['generate', '--out', join(locked, 'tls'), '--key', 'ecdsa-p256'], asUser);
    assertExit(result, 3);
    assert.match(result.stderr, /permission denied.*nothing was written/);
    assert.deepEqual(await readdir(locked), []);
  });

  it('prints help (exit 0) and the bundled CLI works the same', async () => {
    const help = await runCli(['generate', '--help']);
    assertExit(help, 0);
    assert.match(help.stdout, /--reuse-ca/);
    // Bundle the CLI as .ci/build.mjs does, into a temp file, so dist/ (shared) is left alone.
    const bundle = join(root, 'cli.js');
    await build({
      entryPoints: [join(REPO_ROOT, 'src/cli/main.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
    });
    const out = join(root, 'bundled');
    const result = await runProcess(process.execPath, [bundle, 'generate', '--out', out, '--key', 'ecdsa-p384']);
    assertExit(result, 0);
    assert.match(result.stdout, /client\.pem\s+CN=milvus-client/);
    await checkCertificateSetWithOpenssl(out);
    assertExit(await runProcess(process.execPath, [bundle, 'generate', '--out', out]), 2);
    assertExit(await runProcess(process.execPath, [bundle, 'generate', '--days', 'x']), 1);
  });
});
