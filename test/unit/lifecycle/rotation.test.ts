// CA rotation through its three phases on a generated set: what each phase writes, that phases refuse
// to run out of order (writing nothing), and that every phase's backup restores it byte for byte.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RotationOrderError, UndoConflictError } from '../../../src/core/lifecycle/errors';
import { nextCaCommonName, readRotation, rotateFinish, rotateReissue, rotateStart } from '../../../src/core/lifecycle/rotate';
import { rotateUndo } from '../../../src/core/lifecycle/undo';
import { listBackups } from '../../../src/core/pki/store/backup';
import { BACKUP_FOLDER } from '../../../src/core/pki/store/names';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';
import { makeTempDir } from '../../helpers/tempDir';

/** Every file of the set (not the backups): name → mode and SHA-256. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name === BACKUP_FOLDER) continue;
    const path = join(dir, name);
    result[name] = `${((await stat(path)).mode & 0o777).toString(8)} ${createHash('sha256')
      .update(await readFile(path))
      .digest('hex')}`;
  }
  return result;
}

const certificates = (pem: string): X509Certificate[] =>
  (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((block) => new X509Certificate(block));

async function certificate(dir: string, name: string): Promise<X509Certificate> {
  return new X509Certificate(await readFile(join(dir, name)));
}

describe('CA rotation', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let count = 0;
  before(async () => ({ dir: root, cleanup } = await makeTempDir('rotation')));
  after(() => cleanup());
  const freshSet = async (): Promise<string> => {
    const dir = join(root, `set-${count++}`);
    await writeGeneratedSet(dir, { keyType: 'ecdsa-p256' });
    return dir;
  };

  it('start → reissue → finish: the new CA is trusted beside the old, then signs the leaves, then stands alone', async () => {
    const dir = await freshSet();
    const oldCa = await certificate(dir, 'ca.pem');
    const oldServer = await readFile(join(dir, 'server.pem'), 'utf8');
    assert.equal((await readRotation(dir)).status.phase, 'none');

    const started = await rotateStart(dir);
    assert.equal(started.status.phase, 'started');
    const bundle = certificates(await readFile(join(dir, 'ca.pem'), 'utf8'));
    const next = await certificate(dir, 'ca-next.pem');
    assert.deepEqual(
      bundle.map((ca) => ca.fingerprint256),
      [oldCa.fingerprint256, next.fingerprint256],
      'ca.pem = current + next',
    );
    assert.equal((await certificate(dir, 'ca-prev.pem')).fingerprint256, oldCa.fingerprint256);
    assert.ok(next.checkPrivateKey(createPrivateKey(await readFile(join(dir, 'ca-next.key')))));
    assert.equal((await stat(join(dir, 'ca-next.key'))).mode & 0o777, 0o600);
    assert.notEqual(next.subject, oldCa.subject, 'the next CA has a name of its own');
    assert.equal(next.publicKey.asymmetricKeyDetails?.namedCurve, oldCa.publicKey.asymmetricKeyDetails?.namedCurve, 'same key type');
    assert.equal(await readFile(join(dir, 'server.pem'), 'utf8'), oldServer, 'leaves unchanged');

    const reissued = await rotateReissue(dir);
    assert.equal(reissued.status.phase, 'reissued');
    for (const role of ['server', 'client']) {
      const leaf = await certificate(dir, `${role}.pem`);
      assert.ok(leaf.verify(next.publicKey), `${role}.pem is signed by the next CA`);
      assert.ok(leaf.checkPrivateKey(createPrivateKey(await readFile(join(dir, `${role}.key`)))), `${role}.key matches`);
    }
    assert.equal((await certificate(dir, 'server.pem')).subjectAltName, new X509Certificate(oldServer).subjectAltName, 'same SANs');

    const finished = await rotateFinish(dir);
    assert.equal(finished.status.phase, 'none');
    assert.deepEqual(
      certificates(await readFile(join(dir, 'ca.pem'), 'utf8')).map((ca) => ca.fingerprint256),
      [next.fingerprint256],
    );
    assert.ok(next.checkPrivateKey(createPrivateKey(await readFile(join(dir, 'ca.key')))), "ca.key is the new CA's key");
    assert.equal((await stat(join(dir, 'ca.key'))).mode & 0o777, 0o600);
    const names = await readdir(dir);
    for (const gone of ['ca-next.pem', 'ca-next.key', 'ca-prev.pem']) assert.ok(!names.includes(gone), `${gone} moved to the backup`);
    const backups = await listBackups(dir);
    assert.deepEqual(
      backups.map((backup) => backup.manifest.operation),
      ['rotate-start', 'rotate-reissue', 'rotate-finish'],
    );
    assert.deepEqual(
      backups.map((backup) => backup.name.replace(/^[\dT-]+Z-/, '')),
      ['rotate-start', 'rotate-reissue', 'rotate-finish'],
    );
  });

  it('a set half reissued (one leaf from each CA) is still "started", and reissue completes it', async () => {
    const dir = await freshSet();
    await rotateStart(dir);
    const reissued = await rotateReissue(dir);
    for (const name of ['client.pem', 'client.key']) await copyFile(join(reissued.backupFolder ?? '', name), join(dir, name));
    const { status } = await readRotation(dir);
    assert.equal(status.phase, 'started');
    assert.deepEqual(
      status.leaves.map((leaf) => [leaf.role, leaf.signedBy]),
      [
        ['server', 'next'],
        ['client', 'current'],
      ],
    );
    const server = await readFile(join(dir, 'server.pem'), 'utf8');
    assert.equal((await rotateReissue(dir)).status.phase, 'reissued');
    assert.equal(await readFile(join(dir, 'server.pem'), 'utf8'), server, 'only the leaf still from the current CA is reissued');
  });

  it('every phase refuses to run out of order and writes nothing', async () => {
    const dir = await freshSet();
    const expectRefusal = async (phase: () => Promise<unknown>, pattern: RegExp): Promise<void> => {
      const before = await snapshot(dir);
      await assert.rejects(phase(), (error: unknown) => error instanceof RotationOrderError && pattern.test(error.message));
      assert.deepEqual(await snapshot(dir), before);
    };
    await expectRefusal(() => rotateReissue(dir), /cannot reissue now: no rotation in progress.*start the rotation first/);
    await expectRefusal(() => rotateFinish(dir), /cannot finish now: no rotation/);
    await rotateStart(dir);
    await expectRefusal(() => rotateStart(dir), /cannot start now: started/);
    await expectRefusal(() => rotateFinish(dir), /cannot finish now: started.*the next phase is reissue/);
    await rotateReissue(dir);
    await expectRefusal(() => rotateReissue(dir), /cannot reissue now: reissued.*the next phase is finish/);
    await expectRefusal(() => rotateStart(dir), /cannot start now: reissued/);
  });

  it("each phase's backup restores the state before it byte for byte (rotate undo), newest first", async () => {
    const dir = await freshSet();
    const states = [await snapshot(dir)];
    await rotateStart(dir);
    states.push(await snapshot(dir));
    await rotateReissue(dir);
    states.push(await snapshot(dir));
    await rotateFinish(dir);
    for (const [index, expected] of [...states].reverse().entries()) {
      const undone = await rotateUndo(dir);
      assert.equal(undone.undone.manifest.operation, ['rotate-finish', 'rotate-reissue', 'rotate-start'][index]);
      assert.deepEqual(await snapshot(dir), expected, `after undoing ${undone.undone.manifest.operation}`);
    }
    assert.equal((await readRotation(dir)).status.phase, 'none');
    await assert.rejects(rotateUndo(dir), (error: unknown) => error instanceof RotationOrderError && /nothing to undo/.test(error.message));
  });

  it("undo refuses when a file the phase wrote changed since, unless forced; the changed file is kept in the undo's backup", async () => {
    const dir = await freshSet();
    const before = await snapshot(dir);
    await rotateStart(dir);
    await writeFile(join(dir, 'ca-next.pem'), 'edited by hand\n');
    await assert.rejects(rotateUndo(dir), (error: unknown) => error instanceof UndoConflictError && error.changed.join() === 'ca-next.pem');
    const undone = await rotateUndo(dir, { force: true });
    assert.deepEqual(await snapshot(dir), before);
    assert.equal(await readFile(join(undone.backupFolder ?? '', 'ca-next.pem'), 'utf8'), 'edited by hand\n');
  });

  it("names the next CA after the current one with the date, replacing an earlier rotation's date", () => {
    const now = new Date('2026-03-01T10:00:00Z');
    assert.equal(nextCaCommonName('Milvus TLS CA', now), 'Milvus TLS CA 2026-03-01');
    assert.equal(nextCaCommonName('Milvus TLS CA 2025-01-01', now), 'Milvus TLS CA 2026-03-01');
    assert.equal(nextCaCommonName('Milvus TLS CA 2026-03-01', now), 'Milvus TLS CA 2026-03-01-2');
    assert.ok(nextCaCommonName('x'.repeat(64), now).length <= 64);
  });
});
