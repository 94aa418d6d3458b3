// Every lint rule, on certificates made by openssl (test/helpers/inspectFixtures.ts), plus the
// cases openssl 3 will not make (MD5, tiny RSA, v1 roots) as edited plain data.
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CertificateInfo, FindingCode, WorkspaceInspection } from '../../../src/core/inspect';
import { inspectFiles, lintCertificate, readPemOrDer, scanFolder } from '../../../src/core/inspect';
import type { InspectFixtures } from '../../helpers/inspectFixtures';
import { makeInspectFixtures } from '../../helpers/inspectFixtures';

let fixtures: InspectFixtures;
let problems: WorkspaceInspection;
let chain: WorkspaceInspection;
// Set after the fixtures exist: a certificate made a second ago is not valid a second before that.
let NOW: Date;

before(async () => {
  fixtures = await makeInspectFixtures();
  NOW = new Date(Date.now() + 1000);
  problems = inspectFiles(await scanFolder(fixtures.problems), NOW);
  chain = inspectFiles(await scanFolder(fixtures.chain), NOW);
});
after(async () => {
  await fixtures.cleanup();
});

function codesOf(inspection: WorkspaceInspection, fileName: string): FindingCode[] {
  const items = [...inspection.certificates, ...inspection.keys].filter((item) => item.file.endsWith(`/${fileName}`));
  assert.ok(items.length > 0, `no item for ${fileName}`);
  return items.flatMap((item) => item.findings.map((finding) => finding.code));
}

function severityOf(inspection: WorkspaceInspection, fileName: string, code: FindingCode): string | undefined {
  return inspection.findings.find((finding) => finding.file.endsWith(`/${fileName}`) && finding.code === code)?.severity;
}

async function certificate(dir: string, name: string): Promise<CertificateInfo> {
  const path = join(dir, name);
  return readPemOrDer(await readFile(path), path, NOW).objects[0] as CertificateInfo;
}

describe('lint rules on real certificates', () => {
  it('finds nothing wrong with a good chain (CA -> intermediate -> server and client)', () => {
    const relevant = chain.findings.filter((finding) => finding.code !== 'key-encrypted');
    assert.deepEqual(relevant, []);
  });

  const expectations: [string, FindingCode, string][] = [
    ['expired.pem', 'cert-expired', 'error'],
    ['expiring.pem', 'cert-expiring', 'warning'],
    ['server-cn-only.pem', 'server-no-san', 'warning'],
    ['server-wrong-eku.pem', 'server-eku-missing-serverauth', 'error'],
    ['client-wrong-eku.pem', 'client-eku-missing-clientauth', 'error'],
    ['not-a-ca.pem', 'ca-not-ca', 'error'],
    ['ca-no-certsign.pem', 'ca-no-keycertsign', 'error'],
    ['rsa1024.pem', 'rsa-key-too-small', 'warning'],
    ['sha1-signed.pem', 'weak-signature', 'error'],
    ['same-subject-leaf.pem', 'leaf-subject-equals-issuer', 'error'],
    ['orphan.key', 'key-without-certificate', 'warning'],
    ['world-readable.key', 'key-file-permissions', 'warning'],
  ];
  it('not-yet-valid.pem: cert-not-yet-valid (error), and, dated 2099-2100 under a CA that ends within ten years, cert-outlives-ca', () => {
    assert.deepEqual(codesOf(problems, 'not-yet-valid.pem'), ['cert-not-yet-valid', 'cert-outlives-ca']);
    assert.equal(severityOf(problems, 'not-yet-valid.pem', 'cert-not-yet-valid'), 'error');
    assert.equal(severityOf(problems, 'not-yet-valid.pem', 'cert-outlives-ca'), 'warning');
  });
  for (const [file, code, severity] of expectations) {
    it(`${file}: ${code} (${severity}), and nothing else`, () => {
      assert.deepEqual(codesOf(problems, file), [code]);
      assert.equal(severityOf(problems, file, code), severity);
    });
  }

  it('flags encrypted keys (Milvus cannot load them) without matching them', () => {
    assert.deepEqual(codesOf(chain, 'encrypted-pkcs8.key'), ['key-encrypted']);
    assert.deepEqual(codesOf(chain, 'encrypted-legacy.key'), ['key-encrypted']);
  });

  it('leaves the certificates issued by broken CAs, and the CAs with proper usage, alone', () => {
    for (const file of ['pca.pem', 'issued-by-not-a-ca.pem', 'issued-by-no-certsign.pem', 'same-subject-ca.pem', 'expired.key']) {
      assert.deepEqual(codesOf(problems, file), [], file);
    }
  });

  it('every finding says what to do', () => {
    for (const finding of [...problems.findings, ...chain.findings]) {
      assert.match(finding.message, /(Reissue|Regenerate|regenerate|reissue|Run|Check|Add|chmod|Prefer|write|find)/, finding.code);
    }
  });
});

describe('lintCertificate (the language server entry point)', () => {
  it('judges a certificate in the role it is used in', async () => {
    const client = await certificate(fixtures.chain, 'client.pem');
    assert.deepEqual(lintCertificate(client, { expectedRole: 'client', now: NOW }), []);
    const asServer = lintCertificate(client, { expectedRole: 'server', now: NOW }).map((finding) => finding.code);
    assert.deepEqual(asServer, ['server-no-san', 'server-eku-missing-serverauth']);
    const server = await certificate(fixtures.chain, 'server.pem');
    assert.deepEqual(
      lintCertificate(server, { expectedRole: 'client', now: NOW }).map((finding) => finding.code),
      ['client-eku-missing-clientauth'],
    );
    assert.deepEqual(
      lintCertificate(server, { expectedRole: 'ca', now: NOW }).map((finding) => finding.code),
      ['ca-not-ca', 'ca-no-keycertsign'],
    );
  });

  it('uses the injected now and warnDays', async () => {
    const server = await certificate(fixtures.chain, 'server.pem');
    const days = (date: Date): FindingCode[] => lintCertificate(server, { now: date }).map((finding) => finding.code);
    assert.deepEqual(days(NOW), []);
    assert.deepEqual(days(new Date(NOW.getTime() + 350 * 86_400_000)), ['cert-expiring']);
    assert.deepEqual(days(new Date(NOW.getTime() + 400 * 86_400_000)), ['cert-expired']);
    assert.deepEqual(days(new Date(NOW.getTime() - 2 * 86_400_000)), ['cert-not-yet-valid']);
    assert.deepEqual(
      lintCertificate(server, { now: NOW, warnDays: 400 }).map((finding) => finding.code),
      ['cert-expiring'],
    );
  });

  it('grades what openssl 3 will not make: MD5, RSA 512, a v1 root, a root without keyUsage', async () => {
    const root = await certificate(fixtures.chain, 'root.pem');
    const md5 = {
      ...root,
      selfSigned: false,
      signatureAlgorithm: { oid: '1.2.840.113549.1.1.4', name: 'md5WithRSAEncryption', hash: 'md5' },
    };
    assert.equal(lintCertificate(md5, { now: NOW, isRoot: false }).find((finding) => finding.code === 'weak-signature')?.severity, 'error');
    const sha1Root = { ...root, signatureAlgorithm: { oid: '1.2.840.113549.1.1.5', name: 'sha1WithRSAEncryption', hash: 'sha1' } };
    assert.equal(lintCertificate(sha1Root, { now: NOW }).find((finding) => finding.code === 'weak-signature')?.severity, 'warning');
    const tiny = { ...root, publicKey: { ...root.publicKey, bits: 512 } };
    assert.equal(lintCertificate(tiny, { now: NOW }).find((finding) => finding.code === 'rsa-key-too-small')?.severity, 'error');
    const v1Root = { ...root, version: 1, basicConstraints: undefined, keyUsage: undefined };
    const v1Findings = lintCertificate(v1Root, { now: NOW, expectedRole: 'ca' });
    assert.deepEqual(
      v1Findings.map((finding) => [finding.code, finding.severity]),
      [
        ['ca-not-ca', 'warning'],
        ['ca-no-keycertsign', 'info'],
      ],
    );
    const v1Intermediate = lintCertificate(v1Root, { now: NOW, expectedRole: 'ca', isRoot: false });
    assert.equal(v1Intermediate[0]?.severity, 'error');
  });

  it('notes a self-signed leaf, and treats a leaf without EKU as fit for both roles', async () => {
    const server = await certificate(fixtures.chain, 'server.pem');
    const selfSignedLeaf = { ...server, selfIssued: true, selfSigned: true, extendedKeyUsage: undefined };
    assert.deepEqual(
      lintCertificate(selfSignedLeaf, { now: NOW, expectedRole: 'client' }).map((finding) => [finding.code, finding.severity]),
      [['leaf-subject-equals-issuer', 'info']],
    );
  });
});
