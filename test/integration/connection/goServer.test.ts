// The diagnoses against Go's crypto/tls, the stack Milvus runs: Go sends other alerts than Node
// (bad_certificate where Node just closes, for example), so the engine is checked on both.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { ConnectionTarget } from '../../../src/core/connection';
import { testConnection } from '../../../src/core/connection';
import { buildGoMilvusServer, GO_MILVUS_VERSION, startGoMilvusServer } from '../../helpers/servers/goMilvusServer';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import type { PemPair, TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { expectStep } from './steps';

describe('connection test against a Go crypto/tls server', () => {
  let pki: TestPki;
  let mode1CnOnly: RunningServer;
  let mode2: RunningServer;
  let base: ConnectionTarget;
  const withClient = (pair: PemPair): ConnectionTarget => ({ ...base, certPem: pair.certPem, keyPem: pair.keyPem });

  before(async () => {
    pki = await createTestPki();
    const binary = await buildGoMilvusServer(pki.dir);
    mode2 = await startGoMilvusServer(binary, 2, pki.server, pki.ca.certPath);
    mode1CnOnly = await startGoMilvusServer(binary, 1, pki.serverCnOnly, pki.ca.certPath);
    // The stand-in serves REST on the same listener, with the same tls.Config as Milvus' REST port.
    base = { host: '127.0.0.1', port: mode2.port, httpPort: mode2.port, serverName: 'localhost', caPem: pki.ca.certPem, timeoutMs: 5000 };
  });
  after(async () => {
    await mode2?.close();
    await mode1CnOnly?.close();
    await pki?.cleanup();
  });

  it('passes mode 2 with a proper client certificate, over gRPC and REST', async () => {
    const report = await testConnection(withClient(pki.client));
    for (const id of ['tcp', 'tls', 'go-rules', 'grpc', 'rest'] as const) expectStep(report, id, 'pass');
    assert.equal(report.serverVersion, GO_MILVUS_VERSION);
  });

  it("diagnoses the client certificate problems from Go's alerts", async () => {
    expectStep(await testConnection(base), 'tls', 'fail', 'client-certificate-required');
    expectStep(await testConnection(withClient(pki.clientOtherCa)), 'tls', 'fail', 'client-certificate-rejected');
    const usage = await testConnection(withClient(pki.clientServerAuthOnly));
    expectStep(usage, 'tls', 'fail', 'client-certificate-rejected');
    expectStep(usage, 'go-rules', 'fail', 'client-certificate-wrong-usage');
    expectStep(usage, 'rest', 'fail', 'client-certificate-rejected');
  });

  it('diagnoses TLS 1.2 against mode 2', async () => {
    expectStep(await testConnection({ ...withClient(pki.client), maxTlsVersion: 'TLSv1.2' }), 'tls', 'fail', 'tls-version-too-old');
  });

  it('flags the CN-only certificate Node accepts', async () => {
    const report = await testConnection({ ...base, port: mode1CnOnly.port, httpPort: mode1CnOnly.port });
    expectStep(report, 'tls', 'pass');
    expectStep(report, 'go-rules', 'fail', 'cn-only-certificate');
    expectStep(report, 'grpc', 'pass');
  });
});
