// The editor's unsaved text over the disk: readText gives an open document's text as it is (no
// round trip through bytes), with the same answers readFile gives, and the disk for everything else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceFileSystem } from '../../../src/core/workspace';
import { containedFileSystem, memoryFileSystem, overlayFileSystem, readText } from '../../../src/core/workspace';

const OPEN = '/ws/milvus.yaml';
// Two-byte characters, so a byte count and a character count differ.
const TEXT = 'common:\n  security:\n    tlsMode: 2 # état: prêt\n';

function overlay(inner: WorkspaceFileSystem, text = TEXT): WorkspaceFileSystem {
  return overlayFileSystem(inner, (filePath) => (filePath === OPEN ? { text, version: 3 } : undefined));
}

describe('overlayFileSystem: readText of open documents', () => {
  const disk = memoryFileSystem({ [OPEN]: 'on disk: old\n', '/ws/docker-compose.yml': 'services: {}\n' });

  it('gives the open document, not the disk, and agrees with readFile', async () => {
    const fs = overlay(disk);
    assert.deepEqual(await readText(fs, OPEN), { text: TEXT });
    const read = await fs.readFile(OPEN);
    assert.ok(read.ok);
    assert.equal(read.bytes.toString('utf8'), TEXT);
  });

  it('reads a file that is not open from the disk', async () => {
    assert.deepEqual(await readText(overlay(disk), '/ws/docker-compose.yml'), { text: 'services: {}\n' });
    assert.equal((await readText(overlay(disk), '/ws/missing.yaml')).failure?.reason, 'missing');
  });

  it('keeps the size cap in bytes, as readFile does', async () => {
    const bytes = Buffer.byteLength(TEXT);
    assert.equal((await readText(overlay(disk), OPEN, bytes)).text, TEXT);
    const over = await readText(overlay(disk), OPEN, bytes - 1);
    assert.equal(over.failure?.reason, 'too-large');
    const read = await overlay(disk).readFile(OPEN, bytes - 1);
    assert.equal(read.ok ? 'read' : read.reason, 'too-large');
  });

  it('refuses an open document outside the folders a contained file system may read', async () => {
    const contained = containedFileSystem(disk, { roots: ['/elsewhere'] });
    assert.equal((await readText(overlay(contained), OPEN)).failure?.reason, 'outside-workspace');
  });

  it("sees through an overlay over an overlay (planned edits over the editor's text)", async () => {
    const planned = overlayFileSystem(overlay(disk), (filePath) =>
      filePath === '/ws/docker-compose.yml' ? { text: 'services: {a: {}}\n', version: 0 } : undefined,
    );
    assert.deepEqual(await readText(planned, OPEN), { text: TEXT });
    assert.deepEqual(await readText(planned, '/ws/docker-compose.yml'), { text: 'services: {a: {}}\n' });
  });
});
