// A Secret manifest beside a set (generate --k8s-secret) follows every lifecycle change in the same
// change as the files it copies; undo restores it; other YAML files beside the set are left alone.
import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseManifestFile } from '../../../src/core/kubernetes/manifestFile';
import { readSecretManifest, secretEntry } from '../../../src/core/kubernetes/secret';
import { secretManifestText } from '../../../src/core/kubernetes/secretManifest';
import { rotateFinish, rotateReissue, rotateStart } from '../../../src/core/lifecycle/rotate';
import { rotateUndo } from '../../../src/core/lifecycle/undo';
import { renewFolder } from '../../../src/core/lifecycle/renewFolder';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';
import { makeTempDir } from '../../helpers/tempDir';

const MANIFEST = 'milvus-tls.secret.yaml';

/** Key → the bytes the manifest's Secret holds. */
async function secretFiles(dir: string): Promise<Record<string, string>> {
  const [document] = parseManifestFile(await readFile(join(dir, MANIFEST), 'utf8')).documents;
  const secret = document ? readSecretManifest(document) : undefined;
  assert.ok(secret, 'the manifest holds a Secret');
  const out: Record<string, string> = {};
  for (const key of ['server.pem', 'server.key', 'ca.pem']) out[key] = secretEntry(secret, key)?.bytes?.toString('utf8') ?? '';
  return out;
}

async function onDisk(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of ['server.pem', 'server.key', 'ca.pem']) out[key] = await readFile(join(dir, key), 'utf8');
  return out;
}

describe('Secret manifests through renew and rotation', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let count = 0;
  before(async () => ({ dir: root, cleanup } = await makeTempDir('secret-lifecycle')));
  after(() => cleanup());

  const setWithManifest = async (leafDays?: number): Promise<string> => {
    const dir = join(root, `set-${count++}`);
    await writeGeneratedSet(dir, { keyType: 'ecdsa-p256', ...(leafDays !== undefined ? { leafDays } : {}) });
    const entries = await Promise.all(
      ['server.pem', 'server.key', 'ca.pem'].map(async (key) => ({ key, contents: await readFile(join(dir, key)) })),
    );
    await writeFile(join(dir, MANIFEST), secretManifestText({ name: 'milvus-tls', namespace: 'milvus', entries }), { mode: 0o600 });
    return dir;
  };

  it('each rotation phase leaves the Secret holding the files, and undo restores it', async () => {
    const dir = await setWithManifest();
    for (const phase of [rotateStart, rotateReissue]) {
      const before = await readFile(join(dir, MANIFEST), 'utf8');
      const outcome = await phase(dir);
      assert.deepEqual(await secretFiles(dir), await onDisk(dir), `after ${outcome.operation}`);
      assert.ok(outcome.written.includes(join(dir, MANIFEST)), `${outcome.operation} reports the manifest`);
      assert.notEqual(await readFile(join(dir, MANIFEST), 'utf8'), before);
    }
    const beforeFinish = await readFile(join(dir, MANIFEST), 'utf8');
    await rotateFinish(dir);
    assert.deepEqual(await secretFiles(dir), await onDisk(dir), 'after finish: the new CA alone');
    assert.equal((await secretFiles(dir))['ca.pem']?.match(/BEGIN CERTIFICATE/g)?.length, 1);
    assert.equal((await stat(join(dir, MANIFEST))).mode & 0o777, 0o600);
    assert.match(await readFile(join(dir, MANIFEST), 'utf8'), /namespace: milvus/);
    await rotateUndo(dir);
    assert.equal(await readFile(join(dir, MANIFEST), 'utf8'), beforeFinish, 'undo restores the manifest byte for byte');
  });

  it('renewing the server certificate rewrites the Secret; another YAML file beside it is untouched', async () => {
    const dir = await setWithManifest(10);
    const other = 'values.yaml';
    await writeFile(join(dir, other), 'cluster:\n  enabled: false\n');
    const before = await readFile(join(dir, MANIFEST), 'utf8');
    const result = await renewFolder(dir, { withinDays: 30, now: new Date() });
    assert.ok(result.outcome?.written.includes(join(dir, MANIFEST)));
    assert.notEqual(await readFile(join(dir, MANIFEST), 'utf8'), before);
    assert.deepEqual(await secretFiles(dir), await onDisk(dir));
    assert.equal(await readFile(join(dir, other), 'utf8'), 'cluster:\n  enabled: false\n');
  });
});
