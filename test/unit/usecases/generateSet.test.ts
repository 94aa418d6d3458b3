import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateAndWriteSet } from '../../../src/core/usecases';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { CERTIFICATE_SET_FILES } from '../../../src/core/pki/types';

// ECDSA keys: instant on a shared, busy CPU; the key type does not change what is tested here.
const options = defaultCertificateSetOptions({ keyType: 'ecdsa-p256' });

describe('producing a certificate set', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'milvus-tls-produce-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('writes nothing when cancelled before it starts', async () => {
    const dir = join(root, 'cancelled-early');
    assert.equal(await generateAndWriteSet({ options, outputDir: dir, mode: 'create', signal: AbortSignal.abort() }), undefined);
    await assert.rejects(readdir(dir), { code: 'ENOENT' });
  });

  it('writes nothing when cancelled while the keys are made', async () => {
    const dir = join(root, 'cancelled-midway');
    const abort = new AbortController();
    const phases: string[] = [];
    const result = generateAndWriteSet({
      options,
      outputDir: dir,
      mode: 'create',
      signal: abort.signal,
      onPhase: (phase) => {
        phases.push(phase);
        abort.abort();
      },
    });
    assert.equal(await result, undefined);
    assert.deepEqual(phases, ['creating ecdsa-p256 keys…']);
    await assert.rejects(readdir(dir), { code: 'ENOENT' });
  });

  it('creates the nine files, then reissues the leaves keeping the CA', async () => {
    const dir = join(root, 'tls');
    const created = await generateAndWriteSet({ options, outputDir: dir, mode: 'create' });
    assert.deepEqual(
      created?.paths.map((path) => path.slice(dir.length + 1)),
      [...CERTIFICATE_SET_FILES],
    );
    const caBefore = await readFile(join(dir, 'ca.pem'), 'utf8');
    const caKeyBefore = await readFile(join(dir, 'ca.key'), 'utf8');
    const serverBefore = await readFile(join(dir, 'server.pem'), 'utf8');

    const reissued = await generateAndWriteSet({ options, outputDir: dir, mode: 'reissue' });
    assert.equal(reissued?.paths.length, 7);
    assert.equal(await readFile(join(dir, 'ca.pem'), 'utf8'), caBefore);
    assert.equal(await readFile(join(dir, 'ca.key'), 'utf8'), caKeyBefore);
    assert.notEqual(await readFile(join(dir, 'server.pem'), 'utf8'), serverBefore);
  });

  it('refuses to replace files in create mode (the command asks first)', async () => {
    const dir = join(root, 'tls');
    const before = await readFile(join(dir, 'ca.pem'), 'utf8');
    await assert.rejects(generateAndWriteSet({ options, outputDir: dir, mode: 'create' }), { name: 'FilesExistError' });
    assert.equal(await readFile(join(dir, 'ca.pem'), 'utf8'), before);
  });

  for (const lone of ['ca.srl', 'server.key', 'client.csr'] as const) {
    it(`refuses when only ${lone} of the set exists, and leaves it as it was`, async () => {
      const dir = join(root, `lone-${lone}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, lone), 'mine\n');
      await assert.rejects(generateAndWriteSet({ options, outputDir: dir, mode: 'create' }), (error: Error & { existing?: string[] }) => {
        assert.equal(error.name, 'FilesExistError');
        assert.deepEqual(error.existing, [lone]);
        return true;
      });
      assert.deepEqual(await readdir(dir), [lone]);
      assert.equal(await readFile(join(dir, lone), 'utf8'), 'mine\n');
    });
  }
});

describe('two generations of the editor into one folder at once', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'milvus-tls-produce-race-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('exactly one writes; the other gets the FilesExistError the command shows for an existing set', async () => {
    const dir = join(root, 'tls');
    const results = await Promise.allSettled([1, 2].map(() => generateAndWriteSet({ options, outputDir: dir, mode: 'create' })));
    assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected');
    assert.equal((refused?.reason as Error).name, 'FilesExistError');
    assert.deepEqual((await readdir(dir)).sort(), [...CERTIFICATE_SET_FILES].sort());
  });
});
