// Mutual TLS (Milvus tlsMode 2: client certificate required and verified against ca.pem, TLS 1.3
// minimum), over gRPC and REST: the happy path and each client-side diagnosis.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { ConnectionTarget } from '../../../src/core/connection';
import { testConnection } from '../../../src/core/connection';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer, TEST_MILVUS_VERSION } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../../helpers/servers/milvusRestServer';
import type { PemPair, TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { expectStep, serverFiles, step } from './steps';

describe('connection test: tlsMode 2', () => {
  let pki: TestPki;
  let grpc: RunningServer;
  let rest: RunningServer;
  let base: ConnectionTarget;
  const withClient = (pair: PemPair): ConnectionTarget => ({ ...base, certPem: pair.certPem, keyPem: pair.keyPem });

  before(async () => {
    pki = await createTestPki();
    grpc = await startMilvusGrpcServer({ mode: 2, files: serverFiles(pki, pki.server) });
    rest = await startMilvusRestServer({ mode: 2, files: serverFiles(pki, pki.server) });
    base = { host: '127.0.0.1', port: grpc.port, httpPort: rest.port, serverName: 'localhost', caPem: pki.ca.certPem, timeoutMs: 5000 };
  });
  after(async () => {
    await grpc.close();
    await rest.close();
    await pki.cleanup();
  });

  it('passes every step with a proper client certificate', async () => {
    const report = await testConnection(withClient(pki.client));
    for (const id of ['tcp', 'tls', 'go-rules', 'grpc', 'rest'] as const) expectStep(report, id, 'pass');
    assert.equal(report.serverVersion, TEST_MILVUS_VERSION);
    assert.ok(step(report, 'tls').details.some((line) => /required by the server .*accepted/.test(line)));
  });

  it('with a ca.pem bundle (a CA rotation), says which CA of the bundle accepted the client certificate', async () => {
    const bundle = `${pki.ca.certPem}${pki.otherCa.certPem}`;
    const rotating = await startMilvusGrpcServer({ mode: 2, files: { ...serverFiles(pki, pki.server), caPem: bundle } });
    try {
      const report = await testConnection({ ...withClient(pki.clientOtherCa), port: rotating.port, httpPort: undefined, caPem: bundle });
      const tls = expectStep(report, 'tls', 'pass');
      assert.ok(
        tls.details.includes(
          'Client certificate: required by the server (mutual TLS, tlsMode 2), and accepted: it was signed by ' +
            '"Some Other CA", CA 2 of 2 in the CA file.',
        ),
        tls.details.join('\n'),
      );
      const own = await testConnection({ ...withClient(pki.client), port: rotating.port, httpPort: undefined, caPem: bundle });
      assert.ok(
        expectStep(own, 'tls', 'pass').details.some((line) => line.endsWith('signed by "Milvus TLS Test CA", CA 1 of 2 in the CA file.')),
      );
    } finally {
      await rotating.close();
    }
  });

  it('says a client certificate is required when none is given', async () => {
    const report = await testConnection(base);
    const tls = expectStep(report, 'tls', 'fail', 'client-certificate-required');
    assert.equal(tls.cause?.configKey, 'common.security.tlsMode');
    expectStep(report, 'rest', 'fail', 'client-certificate-required');
    expectStep(report, 'grpc', 'skipped');
  });

  it('says the client certificate was rejected when another CA signed it', async () => {
    const report = await testConnection(withClient(pki.clientOtherCa));
    expectStep(report, 'tls', 'fail', 'client-certificate-rejected');
    expectStep(report, 'go-rules', 'warn', 'client-certificate-not-from-ca');
    expectStep(report, 'rest', 'fail', 'client-certificate-rejected');
  });

  it('says why a client certificate without clientAuth is rejected', async () => {
    const report = await testConnection(withClient(pki.clientServerAuthOnly));
    expectStep(report, 'tls', 'fail', 'client-certificate-rejected');
    const go = expectStep(report, 'go-rules', 'fail', 'client-certificate-wrong-usage');
    assert.match(go.cause?.message ?? '', /x509: certificate specifies an incompatible key usage/);
  });

  it('explains that mode 2 needs TLS 1.3', async () => {
    const report = await testConnection({ ...withClient(pki.client), maxTlsVersion: 'TLSv1.2' });
    const tls = expectStep(report, 'tls', 'fail', 'tls-version-too-old');
    assert.match(tls.cause?.message ?? '', /TLS 1\.3/);
    expectStep(report, 'rest', 'fail', 'tls-version-too-old');
  });

  it('reports unusable client files instead of throwing', async () => {
    const mismatched = await testConnection({ ...base, certPem: pki.client.certPem, keyPem: pki.server.keyPem });
    expectStep(mismatched, 'tls', 'fail', 'invalid-client-files');
    expectStep(mismatched, 'tcp', 'pass');
    const halfPair = await testConnection({ ...base, certPem: pki.client.certPem });
    assert.match(expectStep(halfPair, 'tls', 'fail', 'invalid-client-files').summary, /without its key/);
  });
});
