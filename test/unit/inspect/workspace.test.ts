import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InputFile, WorkspaceCertificate, WorkspaceInspection } from '../../../src/core/inspect';
import { FILE_TOO_LARGE_CODE, inspectFiles, scanFolder } from '../../../src/core/inspect';
import type { InspectFixtures } from '../../helpers/inspectFixtures';
import { makeInspectFixtures } from '../../helpers/inspectFixtures';

let fixtures: InspectFixtures;
let everything: WorkspaceInspection;
let NOW: Date;

before(async () => {
  fixtures = await makeInspectFixtures();
  NOW = new Date(Date.now() + 1000);
  everything = inspectFiles(await scanFolder(fixtures.root), NOW);
});
after(async () => {
  await fixtures.cleanup();
});

function cert(inspection: WorkspaceInspection, relativePath: string, index = 0): WorkspaceCertificate {
  const found = inspection.certificates.find((item) => item.file === join(fixtures.root, relativePath) && item.indexInFile === index);
  assert.ok(found, `no certificate ${relativePath}#${index}`);
  return found;
}

function fileOf(inspection: WorkspaceInspection, id: string | undefined): string | undefined {
  return inspection.certificates.find((item) => item.id === id)?.file.slice(fixtures.root.length + 1);
}

describe('workspace model', () => {
  it('links each certificate to the issuer whose key verifies it, preferring a file of its own', () => {
    assert.equal(fileOf(everything, cert(everything, 'chain/server.pem').issuerId), 'chain/intermediate.pem');
    assert.equal(fileOf(everything, cert(everything, 'chain/client.pem').issuerId), 'chain/intermediate.pem');
    assert.equal(fileOf(everything, cert(everything, 'chain/intermediate.pem').issuerId), 'chain/root.pem');
    const root = cert(everything, 'chain/root.pem');
    assert.equal(root.issuerStatus, 'self-signed');
    assert.equal(root.issuerId, root.id);
    // Inside the bundle, the server's issuer is still found (by signature) among the set.
    assert.equal(cert(everything, 'chain/bundle.pem', 0).issuerStatus, 'in-workspace');
  });

  it('follows signatures, not names: a same-named impostor CA issues nothing', () => {
    const impostor = cert(everything, 'problems/impostor-ca.pem');
    assert.deepEqual(impostor.issuedIds, []);
    for (const leaf of ['problems/expiring.pem', 'problems/server-cn-only.pem', 'problems/expired.pem']) {
      assert.equal(fileOf(everything, cert(everything, leaf).issuerId), 'problems/pca.pem', leaf);
    }
    // The leaf that carries its CA's subject still finds that CA, and not itself.
    assert.equal(fileOf(everything, cert(everything, 'problems/same-subject-leaf.pem').issuerId), 'problems/same-subject-ca.pem');
  });

  it('lists what each CA issued, and calls a CA:FALSE certificate that signs others a CA', () => {
    const intermediate = cert(everything, 'chain/intermediate.pem');
    assert.ok(intermediate.issuedIds.map((id) => fileOf(everything, id)).includes('chain/server.pem'));
    const notACa = cert(everything, 'problems/not-a-ca.pem');
    assert.equal(notACa.role, 'ca');
    assert.equal(notACa.issuedIds.length, 1);
  });

  it('marks an issuer that is not in the set as not found', async () => {
    const path = join(fixtures.chain, 'server.pem');
    const alone = inspectFiles([{ path, bytes: await readFile(path) }], NOW);
    assert.equal(alone.certificates[0]?.issuerStatus, 'not-found');
    assert.equal(alone.certificates[0]?.issuerId, undefined);
  });

  it('matches keys to certificates by public key, nearest file first, whatever the file names', () => {
    const server = cert(everything, 'chain/server.pem');
    assert.equal(server.keyFile, join(fixtures.chain, 'server.key'));
    const expired = cert(everything, 'problems/expired.pem');
    assert.deepEqual(
      expired.keyIds.map((id) => id.slice(fixtures.root.length + 1)),
      ['problems/expired.key#0', 'problems/world-readable.key#0'],
    );
    const orphan = everything.keys.find((key) => key.file.endsWith('orphan.key'));
    assert.deepEqual(orphan?.certificateIds, []);
    const rootKey = everything.keys.find((key) => key.file === join(fixtures.chain, 'root.key'));
    assert.ok((rootKey?.certificateIds.length ?? 0) >= 3);
    assert.equal(rootKey?.mode, 0o600);
  });

  it('links a CSR to its key', () => {
    const csr = everything.csrs.find((item) => item.file.endsWith('server.csr'));
    assert.deepEqual(csr?.keyIds, [`${join(fixtures.chain, 'server.key')}#0`]);
  });

  it('turns read failures into items with a reason', () => {
    const inputs: InputFile[] = [
      { path: '/x/denied.pem', bytes: Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }) },
      { path: '/x/huge.pem', bytes: Object.assign(new Error('5000000 bytes'), { code: FILE_TOO_LARGE_CODE }) },
      { path: '/x/dir.pem', bytes: Object.assign(new Error('is a directory'), { code: 'EISDIR' }) },
      { path: '/x/gone.pem', bytes: new Error('vanished') },
    ];
    const result = inspectFiles(inputs, NOW);
    assert.deepEqual(
      result.errors.map((error) => [error.file, error.code]),
      [
        ['/x/denied.pem', 'file-unreadable'],
        ['/x/huge.pem', 'file-too-large'],
        ['/x/dir.pem', 'file-unreadable'],
        ['/x/gone.pem', 'file-unreadable'],
      ],
    );
    assert.match(result.errors[0]?.message ?? '', /permission denied/);
    assert.equal(result.findings.length, 4);
  });

  it('returns plain data that survives JSON', () => {
    const copy = JSON.parse(JSON.stringify(everything)) as WorkspaceInspection;
    assert.equal(copy.certificates.length, everything.certificates.length);
    assert.equal(copy.certificates[0]?.fingerprintSha256, everything.certificates[0]?.fingerprintSha256);
  });

  it('sorts findings errors first', () => {
    const order = { error: 0, warning: 1, info: 2 };
    const ranks = everything.findings.map((finding) => order[finding.severity]);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
    );
  });
});
