import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { InputFile } from '../../../src/core/inspect';
import {
  CERTIFICATE_FILE_GLOB,
  inspectFiles,
  readInputFile,
  scanFolder,
  scanFolderBatches,
  scanFolderFiles,
} from '../../../src/core/inspect';
import { memoryFileSystem } from '../../../src/core/workspace';
import type { InspectFixtures } from '../../helpers/inspectFixtures';
import { makeInspectFixtures } from '../../helpers/inspectFixtures';

let fixtures: InspectFixtures;

before(async () => {
  fixtures = await makeInspectFixtures();
});
after(async () => {
  await fixtures.cleanup();
});

function names(files: InputFile[], root: string): string[] {
  return files.map((file) => file.path.slice(root.length + 1)).sort();
}

describe('folder scanner', () => {
  it('reads certificate-like files, walks into a folder named x.pem, skips node_modules and other names', async () => {
    const files = await scanFolder(fixtures.junk);
    assert.deepEqual(names(files, fixtures.junk), [
      'big.pem',
      'binary-sequence.der',
      'binary.crt',
      'corrupted.pem',
      'empty.pem',
      'notes.pem',
      'truncated.pem',
      'unknown-label.pem',
      'unreadable.pem',
      'x.pem/inside-directory.pem',
    ]);
  });

  it('skips the backups renew and rotate keep (.milvus-tls-backups): old certificates there are not in use', async () => {
    const root = await mkdtemp(join(tmpdir(), 'milvus-tls-scan-backups-'));
    try {
      await mkdir(join(root, '.milvus-tls-backups', '2026-01-01T00-00-00Z-renew'), { recursive: true });
      await writeFile(join(root, '.milvus-tls-backups', '2026-01-01T00-00-00Z-renew', 'server.pem'), 'old');
      await writeFile(join(root, 'server.pem'), 'current');
      assert.deepEqual(names(await scanFolder(root), root), ['server.pem']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('skips files over maxBytes without reading them, with the reason', async () => {
    const files = await scanFolder(fixtures.junk);
    const big = files.find((file) => file.path.endsWith('big.pem'));
    assert.ok(big?.bytes instanceof Error);
    assert.match(big.bytes.message, /5242880 bytes/);
    const small = await scanFolder(fixtures.junk, { maxBytes: 10 });
    assert.ok(small.filter((file) => file.bytes instanceof Error).length >= 8);
  });

  it('reports an unreadable file honestly: as an error when not root; root can read mode 000', async () => {
    const file = await readInputFile(join(fixtures.junk, 'unreadable.pem'));
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      assert.ok(Buffer.isBuffer(file.bytes));
      assert.equal((file.mode ?? 0) & 0o777, 0);
    } else {
      assert.ok(file.bytes instanceof Error);
      assert.equal((file.bytes as NodeJS.ErrnoException).code, 'EACCES');
    }
    // A file that cannot be opened at all (here: gone) is an item with a reason, whoever we are.
    const missing = await readInputFile(join(fixtures.junk, 'no-such.pem'));
    const result = inspectFiles([missing]);
    assert.equal(result.errors[0]?.code, 'file-unreadable');
  });

  it('never throws on the junk folder and reports every bad file', async () => {
    const result = inspectFiles(await scanFolder(fixtures.junk));
    const bad = result.errors.map((error) => error.file.slice(fixtures.junk.length + 1)).sort();
    assert.deepEqual(bad, [
      'big.pem',
      'binary-sequence.der',
      'binary.crt',
      'corrupted.pem',
      'empty.pem',
      'notes.pem',
      'truncated.pem',
      'unknown-label.pem',
    ]);
    assert.ok(result.certificates.some((cert) => cert.file.endsWith('inside-directory.pem')));
  });

  it('applies the exclude predicate to relative paths', async () => {
    const files = await scanFolder(fixtures.root, {
      exclude: (path, isDirectory) => (isDirectory && path === 'junk') || path.endsWith('.key'),
    });
    assert.ok(files.length > 0);
    assert.ok(files.every((file) => !file.path.includes('/junk/') && !file.path.endsWith('.key')));
  });

  it('does not follow symlinked folders (no cycles) and does not report them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'milvus-tls-scan-'));
    try {
      await mkdir(join(dir, 'a'));
      await writeFile(join(dir, 'a', 'one.pem'), '');
      await symlink(dir, join(dir, 'a', 'loop'));
      await symlink(join(dir, 'a'), join(dir, 'link.pem'));
      const files = await scanFolder(dir);
      assert.deepEqual(names(files, dir), ['a/one.pem']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not stall on a FIFO named like a certificate, named explicitly or linked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'milvus-tls-fifo-'));
    try {
      await promisify(execFile)('mkfifo', [join(dir, 'pipe.pem')]);
      await symlink(join(dir, 'pipe.pem'), join(dir, 'link-to-pipe.pem'));
      const explicit = await readInputFile(join(dir, 'pipe.pem'));
      assert.match(explicit.bytes instanceof Error ? explicit.bytes.message : '', /not a regular file/);
      const scanned = await scanFolder(dir);
      assert.deepEqual(names(scanned, dir), ['link-to-pipe.pem']);
      assert.equal(inspectFiles(scanned).errors[0]?.code, 'file-unreadable');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('streams: batches arrive folder round by folder round', async () => {
    const batches: number[] = [];
    for await (const batch of scanFolderBatches(fixtures.root, { concurrency: 1 })) batches.push(batch.length);
    assert.ok(batches.length >= 3, `only ${batches.length} batches`);
  });

  it('walks and reads through any WorkspaceFileSystem: the same limits over a map as over the disk', async () => {
    const fs = memoryFileSystem({
      '/ws/tls/ca.pem': 'ca',
      '/ws/tls/big.pem': 'x'.repeat(50),
      '/ws/node_modules/a.pem': 'no',
      '/ws/k8s/app.yaml': 'kind: Deployment\n',
      '/ws/deep/a/b/c.pem': 'too deep',
      '/ws/notes.txt': 'no',
    });
    const batches: InputFile[][] = [];
    for await (const batch of scanFolderBatches('/ws', { fs, maxBytes: 10, maxDepth: 2, manifests: true })) batches.push(batch);
    const files = batches.flat();
    assert.deepEqual(files.map((file) => file.path).sort(), ['/ws/tls/big.pem', '/ws/tls/ca.pem']);
    assert.equal(files.find((file) => file.path === '/ws/tls/ca.pem')?.bytes.toString(), 'ca');
    assert.match((files.find((file) => file.path === '/ws/tls/big.pem')?.bytes as Error).message, /50 bytes, over the 10-byte limit/);
    const truncated: boolean[] = [];
    for await (const batch of scanFolderFiles('/ws', { fs, maxDepth: 2 })) truncated.push(batch.truncated);
    assert.equal(truncated.at(-1), true, 'the walk says a limit cut it');
    assert.match(((await readInputFile('/ws/none.pem', { fs })).bytes as Error).message, /does not exist/);
  });

  it('rejects a root that does not exist', async () => {
    await assert.rejects(scanFolder(join(fixtures.root, 'nope')), { code: 'ENOENT' });
  });

  it('offers the glob the Certificates view watches', () => {
    assert.equal(CERTIFICATE_FILE_GLOB, '**/*.{pem,crt,cer,cert,key,csr,der}');
  });
});
