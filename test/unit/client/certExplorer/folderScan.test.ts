// The Certificates view's pass over the workspace folders, over the file-system interface every front
// uses: a map (memoryFileSystem) for what is new, changed, gone, excluded or cut by a limit; the real
// disk, contained as in Restricted Mode, for symbolic links.
import { strict as assert } from 'node:assert';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { RescanOptions, ScanFolder } from '../../../../src/client/certExplorer/folderScan';
import { rereadFiles, rescanFolders } from '../../../../src/client/certExplorer/folderScan';
import { ScannedFiles } from '../../../../src/client/certExplorer/scannedFiles';
import { filesExcludeFilter } from '../../../../src/client/certExplorer/scanPlan';
import type { WorkspaceFileSystem } from '../../../../src/core/workspace';
import { containedFileSystem, memoryFileSystem, nodeFileSystem } from '../../../../src/core/workspace';
import { makeTempDir } from '../../../helpers/tempDir';
import { certificateSet } from './fixtures';

/** The file system, counting the files it was asked to read. */
function counting(inner: WorkspaceFileSystem): { fs: WorkspaceFileSystem; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fs: {
      ...inner,
      readFile: (path, maxBytes) => {
        reads.push(path);
        return inner.readFile(path, maxBytes);
      },
    },
  };
}

const always = (): RescanOptions => ({ changed: new Set(), isCurrent: () => true, onProgress: () => undefined });
const folder = (root: string, filesExclude?: Record<string, unknown>): ScanFolder => ({ root, exclude: filesExcludeFilter(filesExclude) });
const NOW = new Date();

function secretManifest(name: string, key: string, pem: string): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\nstringData:\n  ${key}: |\n${pem
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}\n`;
}

describe("the Certificates view's scan of the workspace folders", () => {
  let set: Map<string, string>;
  let workspace: Record<string, string>;
  before(async () => {
    set = await certificateSet();
    const pem = (name: string): string => set.get(name) ?? '';
    workspace = {
      '/ws/tls/ca.pem': pem('ca.pem'),
      '/ws/tls/server.pem': pem('server.pem'),
      '/ws/tls/server.key': pem('server.key'),
      '/ws/k8s/secret.yaml': `# the client pair\n${secretManifest('client', 'client.pem', pem('client.pem'))}`,
      '/ws/k8s/deployment.yaml': 'kind: Deployment\n',
      '/ws/node_modules/pkg/test.pem': pem('client.pem'),
      '/ws/.milvus-tls-backups/2026-renew/server.pem': pem('server.pem'),
      '/ws/build/tls/ca.pem': pem('ca.pem'),
      '/ws/notes.txt': 'not a candidate',
    };
  });

  it('reads the certificate files and the Secret manifests, skipping node_modules, the backups and files.exclude', async () => {
    const { fs, reads } = counting(memoryFileSystem(workspace));
    const files = new ScannedFiles();
    const result = await rescanFolders(fs, [folder('/ws', { 'build/**': true })], files, always());
    assert.deepEqual(result, { found: 5, read: 5, truncated: [], unlisted: [] });
    assert.deepEqual(reads.sort(), [
      '/ws/k8s/deployment.yaml',
      '/ws/k8s/secret.yaml',
      '/ws/tls/ca.pem',
      '/ws/tls/server.key',
      '/ws/tls/server.pem',
    ]);
    const inspection = files.inspect(NOW, { warnDays: 30 });
    assert.deepEqual(inspection.certificates.map((cert) => cert.file).sort(), [
      '/ws/k8s/secret.yaml#client/client.pem',
      '/ws/tls/ca.pem',
      '/ws/tls/server.pem',
    ]);
    assert.equal(files.lineOf('/ws/k8s/secret.yaml#client/client.pem'), 6, "the key's line in the manifest, for a click");
    assert.equal(inspection.keys.length, 1);
  });

  it('a rescan reads only new and changed files, and forgets the files that are gone', async () => {
    const files = new ScannedFiles();
    await rescanFolders(memoryFileSystem(workspace), [folder('/ws')], files, always());
    const { '/ws/tls/server.key': _gone, ...rest } = workspace;
    const { fs, reads } = counting(memoryFileSystem({ ...rest, '/ws/tls/client.pem': set.get('client.pem') ?? '' }));
    const result = await rescanFolders(fs, [folder('/ws')], files, { ...always(), changed: new Set(['/ws/tls/ca.pem']) });
    assert.deepEqual(reads.sort(), ['/ws/tls/ca.pem', '/ws/tls/client.pem']);
    assert.equal(result?.read, 2);
    assert.ok(!files.has('/ws/tls/server.key') && files.has('/ws/tls/client.pem') && files.has('/ws/tls/server.pem'));
  });

  it('a scan a newer one overtook stops at its next batch and changes nothing', async () => {
    const files = new ScannedFiles();
    await rescanFolders(memoryFileSystem(workspace), [folder('/ws')], files, always());
    const overtaken = await rescanFolders(memoryFileSystem({ '/ws/a.pem': 'x' }), [folder('/ws')], files, {
      ...always(),
      isCurrent: () => false,
    });
    assert.equal(overtaken, undefined);
    assert.ok(files.has('/ws/tls/ca.pem') && !files.has('/ws/a.pem'), 'nothing forgotten, nothing read kept');
  });

  it('shows progress early in a large folder, says where a limit cut the walk, and names a folder it cannot list', async () => {
    const many: Record<string, string> = {};
    for (let index = 0; index < 100; index++) many[`/big/d${index % 10}/c${index}.pem`] = 'x';
    // Deeper than the walk goes (64 folders below the root).
    many[`/big/${Array.from({ length: 70 }, (_, index) => `l${index}`).join('/')}/deep.pem`] = 'x';
    let progress = 0;
    const files = new ScannedFiles();
    const result = await rescanFolders(memoryFileSystem(many), [folder('/big'), folder('/gone')], files, {
      ...always(),
      onProgress: () => progress++,
    });
    assert.ok(progress >= 1, 'the view updated before the end');
    assert.deepEqual(result?.truncated, ['/big']);
    assert.equal(result?.found, 100, 'the file below the limit is not found');
    assert.equal(result?.unlisted.length, 1);
    assert.match(result?.unlisted[0] ?? '', /^\/gone \(cannot list \/gone\)$/);
  });

  it('rereads files after our own writes, through the same file system', async () => {
    const files = new ScannedFiles();
    const { fs, reads } = counting(memoryFileSystem(workspace));
    await rereadFiles(fs, ['/ws/tls/server.pem', '/ws/k8s/secret.yaml'], files);
    assert.deepEqual(reads, ['/ws/tls/server.pem', '/ws/k8s/secret.yaml']);
    assert.equal(files.lineOf('/ws/k8s/secret.yaml#client/client.pem'), 6);
  });

  it('in Restricted Mode (contained), a link to a certificate outside the workspace is listed, not read', async () => {
    const { dir, cleanup } = await makeTempDir('milvus-tls-folder-scan-');
    try {
      const root = join(dir, 'ws');
      await mkdir(join(root, 'tls'), { recursive: true });
      await mkdir(join(dir, 'secret'));
      await writeFile(join(dir, 'secret', 'server.pem'), set.get('server.pem') ?? '');
      await writeFile(join(root, 'tls', 'ca.pem'), set.get('ca.pem') ?? '');
      await symlink(join(dir, 'secret', 'server.pem'), join(root, 'tls', 'outside.pem'));
      const { fs, reads } = counting(nodeFileSystem());
      const contained = containedFileSystem(fs, { roots: [root] });
      const files = new ScannedFiles();
      await rescanFolders(contained, [folder(root)], files, always());
      assert.deepEqual(reads, [join(root, 'tls', 'ca.pem')], 'the link was never opened');
      const inspection = files.inspect(NOW, { warnDays: 30 });
      assert.deepEqual(
        inspection.certificates.map((cert) => cert.file),
        [join(root, 'tls', 'ca.pem')],
      );
      assert.match(
        inspection.errors.find((error) => error.file.endsWith('outside.pem'))?.message ?? '',
        /^outside\.pem cannot be read: it leads outside the workspace folders, which are not read in Restricted Mode$/,
      );
      // Trusted: the same link is read.
      const trusted = new ScannedFiles();
      await rescanFolders(nodeFileSystem(), [folder(root)], trusted, always());
      assert.equal(trusted.inspect(NOW, { warnDays: 30 }).certificates.length, 2);
    } finally {
      await cleanup();
    }
  });
});
