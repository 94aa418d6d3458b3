import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { LoadedFileCache } from '../../../src/core/deployment';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { fixesFor } from '../../../src/core/rules/fixes';
import { check, codes, countingReads, docsCompose, textAt, withCompose } from './ruleHelpers';

const MODE_2 = `common:
  security:
    tlsMode: 2
    internaltlsEnabled: true
tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
internaltls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
  sni: localhost
proxy:
  http:
    port: 8080
`;

describe('certificate and key files behind compose volumes', () => {
  let pki: TestPki;
  before(async () => {
    pki = await createTestPki();
  });
  after(async () => {
    await pki.cleanup();
  });

  function files(overrides: Record<string, string> = {}) {
    return {
      '/ws/tls/server.pem': pki.server.certPem,
      '/ws/tls/server.key': pki.server.keyPem,
      '/ws/tls/ca.pem': pki.ca.certPem,
      '/ws/tls/client.pem': pki.client.certPem,
      ...overrides,
    };
  }
  const compose = withCompose(docsCompose());

  it('a good set has no finding', async () => {
    const found = await check(MODE_2, { ...compose, files: files(), clientCertificates: ['/ws/tls/client.pem'] });
    assert.deepEqual(codes(found), []);
  });

  it('a missing file names the container path and the workspace file', async () => {
    const found = await check(MODE_2, { ...compose, files: files({}), fileName: '/ws/milvus.yaml' });
    assert.deepEqual(codes(found), []);
    const missing = await check(MODE_2.replace('/milvus/tls/ca.pem', '/milvus/tls/root.pem'), { ...compose, files: files() });
    const finding = missing.find((candidate) => candidate.code === 'file-not-found');
    assert.match(finding?.message ?? '', /\/milvus\/tls\/root\.pem.*\.\/tls\/root\.pem/);
    assert.deepEqual(finding?.data, { fix: 'generate-certificates', containerPath: '/milvus/tls/root.pem', hostPath: '/ws/tls/root.pem' });
    // The quick fix runs Generate Certificates on the folder that the container path comes from.
    const [generate] = finding?.data ? fixesFor(MODE_2, finding.data, finding.range) : [];
    assert.deepEqual(generate?.command, {
      command: 'milvusTls.generateCertificates',
      title: 'Generate Certificates…',
      arguments: [{ containerPath: '/milvus/tls', outputFolder: '/ws/tls' }],
    });
  });

  it('not mapped by any volume is a hint', async () => {
    const found = await check(MODE_2.replace(/\/milvus\/tls\/server\.pem/g, '/certs/server.pem'), { ...compose, files: files() });
    assert.deepEqual(codes(found, 'information'), []);
    assert.ok(codes(found).includes('path-not-mapped'));
  });

  it('key and certificate swapped, and a key of another pair', async () => {
    const swapped = await check(MODE_2, {
      ...compose,
      files: files({ '/ws/tls/server.pem': pki.server.keyPem, '/ws/tls/server.key': pki.server.certPem }),
    });
    assert.ok(codes(swapped).includes('expected-certificate'));
    assert.ok(codes(swapped).includes('expected-private-key'));
    const mismatch = await check(MODE_2, { ...compose, files: files({ '/ws/tls/server.key': pki.client.keyPem }) });
    const finding = mismatch.filter((candidate) => candidate.code === 'key-mismatch');
    assert.equal(finding.length, 2);
    assert.equal(textAt(MODE_2, finding[0]), '/milvus/tls/server.key');
  });

  it('certificate findings land on the key that references the file', async () => {
    const expired = await check(MODE_2, {
      ...compose,
      files: files({ '/ws/tls/server.pem': pki.serverExpired.certPem, '/ws/tls/server.key': pki.serverExpired.keyPem }),
    });
    const finding = expired.find((candidate) => candidate.code === 'cert-expired');
    assert.equal(textAt(MODE_2, finding), '/milvus/tls/server.pem');
    const cnOnly = await check(MODE_2, {
      ...compose,
      files: files({ '/ws/tls/server.pem': pki.serverCnOnly.certPem, '/ws/tls/server.key': pki.serverCnOnly.keyPem }),
    });
    assert.ok(codes(cnOnly).includes('server-no-san'));
    assert.ok(codes(cnOnly).includes('internal-tls-sni-not-in-san'));
  });

  it('not PEM at all', async () => {
    const found = await check(MODE_2, { ...compose, files: files({ '/ws/tls/ca.pem': 'hello' }) });
    assert.ok(codes(found).includes('file-not-pem-or-der'));
  });

  it('mode 2 checks the server and the client certificates against caPemPath', async () => {
    const found = await check(MODE_2, {
      ...compose,
      files: files({
        '/ws/tls/server.pem': pki.serverSelfSigned.certPem,
        '/ws/tls/server.key': pki.serverSelfSigned.keyPem,
        '/ws/tls/client.pem': pki.clientOtherCa.certPem,
      }),
      clientCertificates: ['/ws/tls/client.pem'],
    });
    assert.ok(codes(found).includes('server-not-signed-by-ca'));
    const client = found.find((candidate) => candidate.code === 'client-not-signed-by-ca');
    assert.equal(textAt(MODE_2, client), '/milvus/tls/ca.pem');
  });

  it('mode 2 warns about a workspace client certificate without clientAuth (the docs gen.sh mistake)', async () => {
    const found = await check(MODE_2, {
      ...compose,
      files: files({ '/ws/tls/client.pem': pki.clientServerAuthOnly.certPem }),
      clientCertificates: ['/ws/tls/client.pem'],
    });
    const finding = found.find((candidate) => candidate.code === 'client-eku-missing-clientauth');
    assert.equal(textAt(MODE_2, finding), '/milvus/tls/ca.pem');
    assert.match(finding?.message ?? '', /\.\/tls\/client\.pem/);
  });

  it('internaltls.sni must be a SAN', async () => {
    const text = MODE_2.replace('sni: localhost', 'sni: milvus.example.com');
    const finding = (await check(text, { ...compose, files: files() })).find(
      (candidate) => candidate.code === 'internal-tls-sni-not-in-san',
    );
    assert.equal(textAt(text, finding), 'milvus.example.com');
    assert.deepEqual(finding?.data, { fix: 'set-value', key: 'internaltls.sni', values: ['localhost'] });
  });

  it('reads each file once while its stat is unchanged', async () => {
    const reads: string[] = [];
    const cache = new LoadedFileCache();
    const certificateReads = (): string[] => reads.filter((file) => file.includes('/tls/'));
    await check(MODE_2, { ...compose, files: files(), cache, wrap: (fs) => countingReads(fs, reads) });
    const first = certificateReads().length;
    assert.ok(first > 0);
    await check(MODE_2, { ...compose, files: files(), cache, wrap: (fs) => countingReads(fs, reads) });
    assert.equal(certificateReads().length, first);
    assert.equal(new Set(certificateReads()).size, first);
  });
});
