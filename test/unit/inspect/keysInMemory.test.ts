// What the language server's file cache and the Certificates view keep of a private key file: what
// they derive from it (type, size, public-key fingerprint), never its bytes. The key files are read,
// described and dropped; the certificates keep what chain verification needs.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ScannedFiles } from '../../../src/client/certExplorer/scannedFiles';
import { buildCertificateTree } from '../../../src/client/certExplorer/treeModel';
import { LoadedFileCache } from '../../../src/core/deployment';
import { nodeFileSystem } from '../../../src/core/workspace';
import { openssl } from '../../helpers/inspectFixtures';
import type { KeyMaterial } from '../../helpers/keyMaterial';
import { findKeyMaterial, keyMaterialOf } from '../../helpers/keyMaterial';
import { selfSignedArgs } from '../../helpers/opensslArgs';

const disk = nodeFileSystem();

describe('private keys are not kept in memory', () => {
  let dir = '';
  let keyPem = '';
  let certPem = '';
  let material: KeyMaterial;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'milvus-tls-keys-'));
    await openssl(dir, ...selfSignedArgs('server', '/CN=localhost', '30', ['subjectAltName=DNS:localhost']));
    keyPem = await readFile(join(dir, 'server.key'), 'utf8');
    certPem = await readFile(join(dir, 'server.pem'), 'utf8');
    // One file with both, as some set-ups keep them.
    await writeFile(join(dir, 'bundle.pem'), `${certPem}${keyPem}`);
    material = keyMaterialOf(keyPem);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("the language server's file cache keeps the key's description, not its bytes", async () => {
    const cache = new LoadedFileCache();
    for (const name of ['server.key', 'bundle.pem', 'server.pem']) await cache.load(disk, join(dir, name));
    // A Kubernetes Secret's key arrives as bytes: the cache keys it by a digest, not by its content.
    cache.fromBytes('manifest.yaml#secret/tls.key', Buffer.from(keyPem));
    const loaded = await cache.load(disk, join(dir, 'server.key'));
    assert.equal(loaded.read?.objects[0]?.kind, 'private-key');
    assert.match((loaded.read?.objects[0] as { publicKey?: { spkiSha256?: string } }).publicKey?.spkiSha256 ?? '', /^[A-Za-z0-9+/=]{20,}$/);
    assert.deepEqual(findKeyMaterial(cache, material), []);
  });

  it("the Certificates view keeps the key's description, not its bytes", () => {
    const files = new ScannedFiles();
    for (const name of ['server.key', 'bundle.pem', 'server.pem']) {
      files.set({ path: join(dir, name), bytes: readFileSync(join(dir, name)), mode: 0o600 });
    }
    const now = new Date();
    const inspection = files.inspect(now, { warnDays: 30 });
    const tree = buildCertificateTree(inspection, { now, warnDaysFor: () => 30 });
    // The key still matches its certificate, in both files.
    assert.equal(inspection.keys.length, 2);
    assert.ok(inspection.keys.every((key) => key.certificateIds.length > 0));
    assert.deepEqual(findKeyMaterial({ files, inspection, tree }, material), []);
  });
});
