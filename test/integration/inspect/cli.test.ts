// `milvus-tls inspect` end to end: the real CLI entry point in a child process (through tsx, so no
// build is needed), on openssl-made fixtures.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { InspectFixtures } from '../../helpers/inspectFixtures';
import { makeInspectFixtures } from '../../helpers/inspectFixtures';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';

const MAIN = resolve(__dirname, '../../../src/cli/main.ts');
// By URL, so the CLI can run with any working folder (a bare 'tsx' resolves from the cwd).
const TSX = pathToFileURL(require.resolve('tsx')).href;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = process.cwd()): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', TSX, MAIN, 'inspect', ...args],
      { cwd, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

interface JsonEntry {
  type: string;
  file: string;
  commonName?: string | null;
  role?: string;
  notAfter?: string;
  daysLeft?: number;
  issuer?: string;
  sans?: { dns: string[]; ip: string[] };
  fingerprint?: string;
  code?: string;
  findings: { code: string; severity: string; message: string }[];
}

let fixtures: InspectFixtures;

before(async () => {
  fixtures = await makeInspectFixtures();
});
after(async () => {
  await fixtures.cleanup();
});

describe('milvus-tls inspect', () => {
  it('prints a table sorted by expiry and exits 0 for a good chain (default path: the current folder)', async () => {
    const result = await cli([], fixtures.chain);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.match(lines[0] ?? '', /^COMMON NAME\s+ROLE\s+EXPIRES\s+DAYS LEFT\s+ISSUER\s+FILE\s+FINDINGS/);
    const order = ['milvus.local', 'Test Intermediate CA', 'Test Root CA'].map((cn) => lines.findIndex((line) => line.startsWith(cn)));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.ok(order.every((index) => index > 0));
    assert.match(result.stdout, /server\.pem/);
    assert.match(result.stdout, /key-encrypted/); // a warning: listed, but exit stays 0
  });

  it('--json gives per-certificate fields and exits 1 on error findings', async () => {
    const result = await cli(['--json', fixtures.problems]);
    assert.equal(result.code, 1);
    const entries = JSON.parse(result.stdout) as JsonEntry[];
    const expired = entries.find((entry) => entry.type === 'certificate' && entry.commonName === 'expired');
    assert.ok(expired);
    assert.equal(expired.role, 'server');
    assert.equal(expired.notAfter, '2020-03-01T00:00:00.000Z');
    assert.ok((expired.daysLeft ?? 0) < 0);
    assert.equal(expired.issuer, 'CN=Problem CA');
    assert.deepEqual(expired.sans?.dns, ['dated.milvus.local']);
    assert.match(expired.fingerprint ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.deepEqual(
      expired.findings.map((finding) => [finding.code, finding.severity]),
      [['cert-expired', 'error']],
    );
    const certificates = entries.filter((entry) => entry.type === 'certificate');
    const expiries = certificates.map((entry) => entry.notAfter ?? '');
    assert.deepEqual(expiries, [...expiries].sort());
    const orphan = entries.find((entry) => entry.type === 'key' && entry.file.endsWith('orphan.key'));
    assert.deepEqual(
      orphan?.findings.map((finding) => finding.code),
      ['key-without-certificate'],
    );
  });

  it('a set generated a moment ago reads its whole lifetime in the table and in --json (3650 and 825, not 3649 and 824)', async () => {
    const out = join(fixtures.root, 'fresh-set');
    await writeGeneratedSet(out, { keyType: 'ecdsa-p256', caDays: 3650, leafDays: 825 });
    const json = JSON.parse((await cli(['--json', out])).stdout) as JsonEntry[];
    assert.deepEqual(
      json.filter((entry) => entry.type === 'certificate').map((entry) => [entry.role, entry.daysLeft]),
      [
        ['client', 825],
        ['server', 825],
        ['ca', 3650],
      ],
    );
    const table = (await cli([out])).stdout;
    assert.match(table, /^milvus-client\s+client\s+\S+\s+825\s/m);
    assert.match(table, /^Milvus TLS CA\s+ca\s+\S+\s+3650\s/m);
  });

  it('never prints private key material', async () => {
    const keyText = await readFile(join(fixtures.chain, 'client.key'), 'utf8');
    const keyLine = keyText.split('\n')[2] ?? '';
    for (const args of [[fixtures.root], ['--json', fixtures.root]]) {
      const result = await cli(args);
      assert.ok(!result.stdout.includes('PRIVATE KEY-----'));
      assert.ok(!result.stdout.includes(keyLine));
    }
  });

  it('survives the junk folder, listing each bad file with its reason', async () => {
    const result = await cli(['--json', fixtures.junk]);
    assert.equal(result.code, 1, result.stderr); // truncated and corrupted PEM are errors
    const errors = (JSON.parse(result.stdout) as JsonEntry[]).filter((entry) => entry.type === 'error');
    const codes: Record<string, string | undefined> = Object.fromEntries(
      errors.map((entry) => [entry.file.split('/').pop() ?? '', entry.code]),
    );
    assert.deepEqual(codes, {
      'big.pem': 'file-too-large',
      'binary-sequence.der': 'file-not-pem-or-der',
      'binary.crt': 'file-not-pem-or-der',
      'corrupted.pem': 'pem-bad-base64',
      'empty.pem': 'file-empty',
      'notes.pem': 'file-not-pem-or-der',
      'truncated.pem': 'pem-truncated',
      'unknown-label.pem': 'pem-unknown-label',
    });
  });

  it('--warn-days widens the expiry warning without failing the run', async () => {
    const result = await cli([
      '--json',
      '--warn-days',
      '400',
      join(fixtures.chain, 'server.pem'),
      join(fixtures.chain, 'intermediate.pem'),
    ]);
    assert.equal(result.code, 0);
    const server = (JSON.parse(result.stdout) as JsonEntry[]).find((entry) => entry.commonName === 'milvus.local');
    assert.deepEqual(
      server?.findings.map((finding) => finding.code),
      ['cert-expiring'],
    );
  });

  it('reads a file named explicitly whatever its extension', async () => {
    await copyFile(join(fixtures.chain, 'root.pem'), join(fixtures.root, 'root-copy.txt'));
    const result = await cli(['--json', join(fixtures.root, 'root-copy.txt')]);
    assert.equal(result.code, 0);
    assert.equal((JSON.parse(result.stdout) as JsonEntry[])[0]?.commonName, 'Test Root CA');
  });

  it('exits 1 with a message on bad usage', async () => {
    for (const args of [['--warn-days', 'soon'], ['--warn-days=-1'], ['--frobnicate'], [join(fixtures.root, 'does-not-exist')]]) {
      const result = await cli(args);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, /milvus-tls inspect: /);
      assert.equal(result.stdout, '');
    }
  });

  it('--help exits 0', async () => {
    const result = await cli(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--warn-days N/);
  });
});
