// Renewing the leaves of a folder: which are due by the one days rule, what stays the same (subject,
// SANs, key type, names), the cap at the CA's end, the backup, and the refusals that write nothing.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DAY_MS } from '../../../src/core/inspect';
import { inspectFolder, renewFolder } from '../../../src/core/lifecycle/renewFolder';
import { BACKUP_FOLDER } from '../../../src/core/pki/store/names';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';
import { makeTempDir } from '../../helpers/tempDir';

async function hashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name !== BACKUP_FOLDER) {
      result[name] = createHash('sha256')
        .update(await readFile(join(dir, name)))
        .digest('hex');
    }
  }
  return result;
}

const cert = async (dir: string, name: string): Promise<X509Certificate> => new X509Certificate(await readFile(join(dir, name)));

describe('renew', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let count = 0;
  before(async () => ({ dir: root, cleanup } = await makeTempDir('renew')));
  after(() => cleanup());
  const set = async (leafDays: number, caDays = 3650, keyType: 'ecdsa-p256' | 'ecdsa-p384' = 'ecdsa-p256'): Promise<string> => {
    const dir = join(root, `set-${count++}`);
    await writeGeneratedSet(dir, {
      keyType,
      leafDays,
      caDays,
      serverCommonName: 'milvus.example.com',
      serverSans: ['milvus.example.com', '10.0.0.5'],
    });
    return dir;
  };

  it('renews exactly the leaves with at most N days left: 30 is due in a 30-day window, 31 is not', async () => {
    const due = await set(30);
    const notDue = await set(31);
    const now = new Date();
    assert.equal((await renewFolder(notDue, { withinDays: 30, now }, { dryRun: true })).selection.due.length, 0);
    const result = await renewFolder(due, { withinDays: 30, now }, { dryRun: true });
    assert.deepEqual(result.selection.due.map(({ plan }) => plan.role).sort(), ['client', 'server']);
    assert.equal(result.outcome, undefined, 'a dry run writes nothing');
  });

  it('keeps subject, SANs, key type and names; new keys; CA untouched; old files in a dated backup', async () => {
    const dir = await set(10, 3650, 'ecdsa-p384');
    const before = await hashes(dir);
    const oldServer = await cert(dir, 'server.pem');
    const result = await renewFolder(dir, { withinDays: 30, now: new Date() });
    const backup = result.outcome?.backupFolder ?? '';
    assert.match(backup, new RegExp(`${BACKUP_FOLDER}/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ-renew$`));
    const after = await hashes(dir);
    assert.equal(after['ca.pem'], before['ca.pem']);
    assert.equal(after['ca.key'], before['ca.key']);
    for (const name of ['server.pem', 'server.key', 'server.csr', 'client.pem', 'client.key', 'client.csr', 'ca.srl']) {
      assert.notEqual(after[name], before[name], `${name} renewed`);
      assert.equal(
        createHash('sha256')
          .update(await readFile(join(backup, name)))
          .digest('hex'),
        before[name],
        `${name} kept byte for byte`,
      );
    }
    const server = await cert(dir, 'server.pem');
    assert.equal(server.subject, oldServer.subject);
    assert.equal(server.subjectAltName, oldServer.subjectAltName);
    assert.equal(server.publicKey.asymmetricKeyDetails?.namedCurve, 'secp384r1');
    assert.ok(server.verify((await cert(dir, 'ca.pem')).publicKey));
    assert.ok(server.checkPrivateKey(createPrivateKey(await readFile(join(dir, 'server.key')))));
    assert.equal((await stat(join(dir, 'server.key'))).mode & 0o777, 0o600);
    const lifetime = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / DAY_MS;
    assert.ok(Math.round(lifetime) === 10, `same lifetime as before (${lifetime})`);
  });

  it("caps a renewed leaf at its CA's end and says so", async () => {
    // Leaves as long as the CA: renewed a moment later for as long again, they would pass its end.
    const dir = await set(25, 25);
    const result = await renewFolder(dir, { withinDays: 30, now: new Date() });
    const ca = await cert(dir, 'ca.pem');
    const server = await cert(dir, 'server.pem');
    assert.equal(Date.parse(server.validTo), Date.parse(ca.validTo));
    // Ending exactly with its CA is not outliving it: no cert-outlives-ca.
    const { inspection } = await inspectFolder(dir, new Date());
    assert.deepEqual(
      inspection.findings.filter((finding) => finding.code === 'cert-outlives-ca'),
      [],
    );
    assert.match(result.selection.due[0]?.plan.notes.join(' ') ?? '', /would outlive the CA, so the certificates end with it on/);
  });

  it('renews files with their own names (tls.crt, tls.key) and with --force also leaves that are not due', async () => {
    const dir = await set(825);
    await rename(join(dir, 'server.pem'), join(dir, 'tls.crt'));
    await rename(join(dir, 'server.key'), join(dir, 'tls.key'));
    await rm(join(dir, 'server.csr'));
    const before = await hashes(dir);
    const result = await renewFolder(dir, { withinDays: 30, all: true, now: new Date() });
    const after = await hashes(dir);
    assert.notEqual(after['tls.crt'], before['tls.crt']);
    assert.notEqual(after['tls.key'], before['tls.key']);
    assert.equal(after['server.pem'], undefined, "no file of the generator's name appears");
    assert.equal(after['server.csr'], undefined);
    assert.ok((await cert(dir, 'tls.crt')).checkPrivateKey(createPrivateKey(await readFile(join(dir, 'tls.key')))));
    assert.equal(result.selection.due.length, 2);
  });

  it('reports a due leaf whose CA key is not in the folder, and renews nothing', async () => {
    const dir = await set(10);
    await rm(join(dir, 'ca.key'));
    const before = await hashes(dir);
    const result = await renewFolder(dir, { withinDays: 30, now: new Date() });
    assert.equal(result.selection.due.length, 0);
    assert.deepEqual(
      result.selection.blocked.map(({ reason }) => reason),
      ['the key of its CA (ca.pem) is not here, or is encrypted', 'the key of its CA (ca.pem) is not here, or is encrypted'],
    );
    assert.deepEqual(await hashes(dir), before);
  });
});
