// `milvus-tls renew` and `milvus-tls rotate` as a user runs them: output, exit codes, refusals that
// change nothing, and the --json shapes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileHashes } from '../../helpers/setOnDisk';
import { runCli } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

describe('milvus-tls renew and rotate (CLI)', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => ({ dir: root, cleanup } = await makeTempDir('lifecycle-cli')));
  after(() => cleanup());

  const generate = async (name: string, extra: string[] = []): Promise<string> => {
    const out = join(root, name);
    const result = await runCli(['generate', '--out', out, '--key', 'ecdsa-p256', ...extra]);
    assert.equal(result.code, 0, result.stderr);
    return out;
  };

  it('renew: nothing due is exit 0 with a sentence; --within renews, says to restart Milvus, and names the backup', async () => {
    const tls = await generate('renew-set', ['--days', '40']);
    const idle = await runCli(['renew', '--dir', tls]);
    assert.equal(idle.code, 0, idle.stderr);
    assert.match(idle.stdout, /Nothing to renew in .*: no server or client certificate expires within 30 days\./);
    const renewed = await runCli(['renew', '--dir', tls, '--within', '40']);
    assert.equal(renewed.code, 0, renewed.stderr);
    assert.match(renewed.stdout, /renewed .*server\.pem \(localhost, expires in 40 days\)/);
    assert.match(renewed.stdout, /Old files kept in .*\.milvus-tls-backups\/[\dT-]+Z-renew\./);
    assert.match(renewed.stdout, /Restart Milvus/);
  });

  it('renew --json --dry-run lists what would be renewed and writes nothing', async () => {
    const tls = await generate('renew-json', ['--days', '5']);
    const before = await fileHashes(tls);
    const result = await runCli(['renew', '--dir', tls, '--json', '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { renewed: { name: string }[]; written: string[]; backupFolder: string | null };
    assert.deepEqual(report.renewed.map((entry) => entry.name).sort(), ['client.pem', 'server.pem']);
    assert.deepEqual(report.written, []);
    assert.equal(report.backupFolder, null);
    assert.deepEqual(await fileHashes(tls), before);
  });

  it('renew: bad usage is exit 1', async () => {
    for (const args of [['--within', 'soon'], ['--dir', ''], ['extra']]) {
      const result = await runCli(['renew', ...args]);
      assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
    }
  });

  it('rotate: out of order is exit 2 and changes nothing; in order each phase says what to do next', async () => {
    const tls = await generate('rotate-set');
    const before = await fileHashes(tls);
    const early = await runCli(['rotate', 'finish', '--dir', tls]);
    assert.equal(early.code, 2);
    assert.match(early.stderr, /milvus-tls rotate finish: cannot finish now: no rotation in progress/);
    assert.deepEqual(await fileHashes(tls), before);
    const start = await runCli(['rotate', 'start', '--dir', tls, '--ca-cn', 'Next CA', '--ca-days', '1000']);
    assert.equal(start.code, 0, start.stderr);
    assert.match(start.stdout, /Next: Give every client the new ca\.pem/);
    const status = await runCli(['rotate', 'status', '--dir', tls, '--json']);
    const parsed = JSON.parse(status.stdout) as {
      phase: string;
      next: { commonName: string };
      leaves: { role: string; signedBy: string }[];
      next_step: string;
    };
    assert.equal(parsed.phase, 'started');
    assert.equal(parsed.next.commonName, 'Next CA');
    assert.deepEqual(
      parsed.leaves.map((leaf) => [leaf.role, leaf.signedBy]),
      [
        ['server', 'current'],
        ['client', 'current'],
      ],
    );
    assert.equal(parsed.next_step, 'reissue');
    const undo = await runCli(['rotate', 'undo', '--dir', tls]);
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(undo.stdout, /Undid rotate-start/);
    assert.deepEqual(await fileHashes(tls), { ...before, '.milvus-tls-backups': 'folder' }, 'the set as before, and its backups');
  });

  it('rotate: unknown phase or option placement is bad usage (exit 1)', async () => {
    for (const args of [['rotate'], ['rotate', 'begin'], ['rotate', 'reissue', '--ca-cn', 'x'], ['rotate', 'start', '--ca-days', '0']]) {
      const result = await runCli(args);
      assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
    }
  });

  it('generate --reuse-ca with a CA ending sooner than the leaves: they end with it, and a note says so', async () => {
    const tls = await generate('short-ca', ['--ca-days', '10', '--days', '10']);
    const result = await runCli(['generate', '--out', tls, '--reuse-ca', '--key', 'ecdsa-p256', '--days', '825']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /note: the 825 days asked for would outlive the CA, so the certificates end with it on \d{4}-\d\d-\d\d/);
  });

  it('--help lists renew and rotate with a summary', async () => {
    const help = await runCli(['--help']);
    assert.match(help.stdout, /^ {2}renew\b/m);
    assert.match(help.stdout, /^ {2}rotate\b/m);
  });
});
