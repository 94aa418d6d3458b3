// A ca.pem with several CAs, as a rotation makes it, understood everywhere: the inspection (each CA,
// leaves under the CA that signed them, an expired CA flagged), the Certificates view's model, the
// language server's rules, hover and inlay hints, and `milvus-tls inspect`.
import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCertificateTree, type TreeNode } from '../../../src/client/certExplorer/treeModel';
import { inspectFiles, scanFolder } from '../../../src/core/inspect';
import type { WorkspaceInspection } from '../../../src/core/inspect/types';
import { rotateReissue, rotateStart } from '../../../src/core/lifecycle/rotate';
import { toPem, issueCertificate, randomSerialNumber } from '../../../src/core/pki/certificate';
import { distinguishedNameDer } from '../../../src/core/pki/distinguishedName';
import { keyIdentifierOf } from '../../../src/core/pki/extensions';
import { generateKey, spkiDer } from '../../../src/core/pki/keys';
import { caExtensions } from '../../../src/core/pki/profile';
import { hoverInfo } from '../../../src/core/rules/hoverInfo';
import { inlayInfo } from '../../../src/core/rules/inlayInfo';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';
import { runCli } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import { analyse, docsCompose, withCompose } from '../rules/ruleHelpers';

/** A CA that expired in 2021, made with our own certificate builder (openssl cannot backdate a self-signed one simply). */
async function expiredCaPem(): Promise<string> {
  const key = await generateKey('ecdsa-p256');
  const name = distinguishedNameDer({ commonName: 'Retired CA' });
  const der = await issueCertificate({
    serialNumber: randomSerialNumber(),
    issuerNameDer: name,
    issuerKey: key.privateKey,
    subjectNameDer: name,
    subjectPublicKey: key.publicKey,
    notBefore: new Date('2016-01-01T00:00:00Z'),
    notAfter: new Date('2021-01-01T00:00:00Z'),
    extensions: caExtensions(keyIdentifierOf(spkiDer(key.publicKey))),
  });
  return toPem('CERTIFICATE', der);
}

const MODE_2 = `common:
  security:
    tlsMode: 2
tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
proxy:
  http:
    port: 8080
`;

describe('a ca.pem bundle of several CAs', () => {
  let root = '';
  let tls = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let inspection: WorkspaceInspection;
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('bundles'));
    tls = join(root, 'tls');
    await writeGeneratedSet(tls, { keyType: 'ecdsa-p256' });
    await rotateStart(tls, { caCommonName: 'Next CA' });
    // Half-way through a rotation: the server reissued from the next CA, the client still from the current one.
    const reissued = await rotateReissue(tls);
    for (const name of ['client.pem', 'client.key']) await copyFile(join(reissued.backupFolder ?? '', name), join(tls, name));
    await writeFile(join(tls, 'ca.pem'), `${await readFile(join(tls, 'ca.pem'), 'utf8')}${await expiredCaPem()}`);
    inspection = inspectFiles(await scanFolder(tls));
  });
  after(() => cleanup());

  const inCaPem = () =>
    inspection.certificates.filter((cert) => basename(cert.file) === 'ca.pem').sort((a, b) => a.indexInFile - b.indexInFile);

  it('the inspection reads each CA of the bundle, hangs each leaf under the CA that signed it, and flags the expired one', () => {
    assert.deepEqual(
      inCaPem().map((cert) => [cert.indexInFile, cert.commonName, cert.role]),
      [
        [0, 'Milvus TLS CA', 'ca'],
        [1, 'Next CA', 'ca'],
        [2, 'Retired CA', 'ca'],
      ],
    );
    const byId = new Map(inspection.certificates.map((cert) => [cert.id, cert]));
    const issuerName = (file: string): string | undefined => {
      const leaf = inspection.certificates.find((cert) => basename(cert.file) === file);
      return byId.get(leaf?.issuerId ?? '')?.commonName;
    };
    assert.equal(issuerName('server.pem'), 'Next CA');
    assert.equal(issuerName('client.pem'), 'Milvus TLS CA');
    assert.deepEqual(
      inCaPem()[2]?.findings.map((finding) => finding.code),
      ['cert-expired'],
    );
  });

  it('the Certificates view shows every CA of the bundle, with the certificates it signed beneath it', () => {
    const tree = buildCertificateTree(inspection, { now: new Date(), warnDaysFor: () => 30 });
    const node = (id: string | undefined): TreeNode | undefined => (id === undefined ? undefined : tree.nodes.get(id));
    const rootLabels = tree.roots.map((id) => node(id)?.label);
    assert.ok(rootLabels.includes('Retired CA'), rootLabels.join(', '));
    const retired = tree.roots.map(node).find((candidate) => candidate?.label === 'Retired CA');
    assert.equal(retired?.kind === 'certificate' ? retired.state : undefined, 'expired');
    const server = node(tree.nodeOfCertificate.get(join(tls, 'server.pem#0')));
    assert.equal(node(server?.parentId)?.label, 'Next CA');
  });

  it('the language server checks the leaves against any CA of the bundle, flags the expired CA, and hovers and hints every CA', async () => {
    const files: Record<string, Buffer> = {};
    for (const name of ['ca.pem', 'server.pem', 'server.key', 'client.pem']) files[`/ws/tls/${name}`] = await readFile(join(tls, name));
    const analysis = await analyse(MODE_2, { ...withCompose(docsCompose()), files, clientCertificates: ['/ws/tls/client.pem'] });
    const findings = analysis.findings;
    assert.ok(
      !findings.some((finding) => finding.code === 'server-not-signed-by-ca' || finding.code === 'client-not-signed-by-ca'),
      findings.map((finding) => finding.code).join(', '),
    );
    assert.match(findings.find((finding) => finding.code === 'cert-expired')?.message ?? '', /Retired CA/);
    const caPath = MODE_2.indexOf('/milvus/tls/ca.pem');
    const hover = hoverInfo(analysis, caPath + 2)?.markdown ?? '';
    for (const name of ['Milvus TLS CA', 'Next CA', 'Retired CA']) assert.match(hover, new RegExp(`\\*\\*Certificate\\*\\* ${name}`));
    const hint = inlayInfo(analysis).find((candidate) => candidate.offset === caPath + '/milvus/tls/ca.pem'.length);
    assert.match(hint?.label ?? '', /^3 CAs: Retired CA expired \d+ days ago$/);
  });

  it('milvus-tls inspect lists each CA of the bundle (ca.pem, ca.pem[1], ca.pem[2])', async () => {
    const result = await runCli(['inspect', tls]);
    assert.match(result.stdout, /Milvus TLS CA\s+ca\s.*ca\.pem\s/);
    assert.match(result.stdout, /Next CA\s+ca\s.*ca\.pem\[1\]/);
    assert.match(result.stdout, /Retired CA\s+ca\s.*ca\.pem\[2\]\s+cert-expired/);
  });
});
