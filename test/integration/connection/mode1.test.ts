// One-way TLS (Milvus tlsMode 1): the happy path over gRPC and REST, and every server-certificate
// diagnosis: unknown CA, name mismatch, CN-only, expired, REST sent to the gRPC port, credentials.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { ConnectionTarget } from '../../../src/core/connection';
import { testConnection } from '../../../src/core/connection';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer, TEST_MILVUS_VERSION } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../../helpers/servers/milvusRestServer';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { expectStep, serverFiles, step } from './steps';

describe('connection test: tlsMode 1', () => {
  let pki: TestPki;
  const servers: RunningServer[] = [];
  let grpc: RunningServer;
  let rest: RunningServer;
  let cnOnly: RunningServer;
  let expired: RunningServer;
  let selfSigned: RunningServer;
  let auth: RunningServer;
  let restAuth: RunningServer;
  let base: ConnectionTarget;

  before(async () => {
    pki = await createTestPki();
    const start = async (server: Promise<RunningServer>): Promise<RunningServer> => {
      const running = await server;
      servers.push(running);
      return running;
    };
    grpc = await start(startMilvusGrpcServer({ mode: 1, files: serverFiles(pki, pki.server) }));
    rest = await start(startMilvusRestServer({ mode: 1, files: serverFiles(pki, pki.server) }));
    cnOnly = await start(startMilvusGrpcServer({ mode: 1, files: serverFiles(pki, pki.serverCnOnly) }));
    expired = await start(startMilvusGrpcServer({ mode: 1, files: serverFiles(pki, pki.serverExpired) }));
    selfSigned = await start(startMilvusGrpcServer({ mode: 1, files: serverFiles(pki, pki.serverSelfSigned) }));
    auth = await start(startMilvusGrpcServer({ mode: 1, files: serverFiles(pki, pki.server), requiredToken: 'root:Milvus' }));
    restAuth = await start(startMilvusRestServer({ mode: 1, files: serverFiles(pki, pki.server), requiredToken: 'root:Milvus' }));
    base = { host: '127.0.0.1', port: grpc.port, serverName: 'localhost', caPem: pki.ca.certPem, timeoutMs: 5000 };
  });
  after(async () => {
    for (const server of servers) await server.close();
    await pki.cleanup();
  });

  it('passes every step over gRPC and REST', async () => {
    const report = await testConnection({ ...base, httpPort: rest.port });
    for (const id of ['tcp', 'tls', 'go-rules', 'grpc', 'rest'] as const) expectStep(report, id, 'pass');
    assert.equal(report.ok, true);
    assert.equal(report.serverVersion, TEST_MILVUS_VERSION);
    const tls = step(report, 'tls');
    assert.ok(tls.details.some((line) => line.includes('TLSv1.3')));
    assert.ok(tls.details.some((line) => line.includes('SAN DNS:localhost, IP:127.0.0.1')));
    assert.ok(tls.details.some((line) => /does not require one \(tlsMode 1\)/.test(line)));
    assert.deepEqual(report.target, {
      host: '127.0.0.1',
      port: grpc.port,
      httpPort: rest.port,
      serverName: 'localhost',
      caGiven: true,
      clientCertificateGiven: false,
      tokenGiven: false,
      timeoutMs: 5000,
      maxTlsVersion: 'TLSv1.3',
    });
  });

  it('defaults the server name to the host and accepts an IP SAN', async () => {
    const { serverName: _unused, ...withoutName } = base;
    const report = await testConnection(withoutName);
    expectStep(report, 'tls', 'pass');
    expectStep(report, 'go-rules', 'pass');
    expectStep(report, 'grpc', 'pass');
  });

  it('flags a CA that did not sign the server certificate', async () => {
    const report = await testConnection({ ...base, caPem: pki.otherCa.certPem });
    const tls = expectStep(report, 'tls', 'fail', 'unknown-ca');
    assert.match(tls.cause?.fix ?? '', /not the one that signed/);
    expectStep(report, 'grpc', 'skipped');
  });

  it('flags a missing CA (system roots only) and a self-signed server certificate', async () => {
    const { caPem: _unused, ...noCa } = base;
    const missing = expectStep(await testConnection(noCa), 'tls', 'fail', 'unknown-ca');
    assert.match(missing.cause?.fix ?? '', /--ca/);
    expectStep(await testConnection({ ...base, port: selfSigned.port }), 'tls', 'fail', 'unknown-ca');
  });

  it('recognises server.pem passed as the CA (fine for Go, not for Node)', async () => {
    const tls = expectStep(await testConnection({ ...base, caPem: pki.server.certPem }), 'tls', 'fail', 'unknown-ca');
    assert.match(tls.cause?.message ?? '', /server certificate itself/);
  });

  it('flags a server name the certificate does not hold', async () => {
    const report = await testConnection({ ...base, serverName: 'milvus.example.com' });
    const tls = expectStep(report, 'tls', 'fail', 'hostname-mismatch');
    assert.match(tls.cause?.message ?? '', /DNS:localhost/);
    expectStep(report, 'go-rules', 'fail', 'hostname-mismatch');
  });

  it('passes a CN-only certificate through Node but fails it on Go rules', async () => {
    const report = await testConnection({ ...base, port: cnOnly.port });
    expectStep(report, 'tls', 'pass');
    const go = expectStep(report, 'go-rules', 'fail', 'cn-only-certificate');
    assert.match(go.cause?.message ?? '', /Node accepted it/);
    assert.match(go.cause?.message ?? '', /x509: certificate relies on legacy Common Name field, use SANs instead/);
    expectStep(report, 'grpc', 'pass');
    assert.equal(report.ok, false);
  });

  it('flags an expired server certificate', async () => {
    const report = await testConnection({ ...base, port: expired.port });
    const tls = expectStep(report, 'tls', 'fail', 'certificate-expired');
    assert.match(tls.cause?.message ?? '', /2020-02-01/);
    expectStep(report, 'go-rules', 'fail', 'certificate-expired');
  });

  it('recognises REST sent to the gRPC port', async () => {
    const report = await testConnection({ ...base, httpPort: grpc.port });
    expectStep(report, 'grpc', 'pass');
    const rest = expectStep(report, 'rest', 'fail', 'rest-on-grpc-port');
    assert.equal(rest.cause?.configKey, 'proxy.http.port');
    assert.match(rest.cause?.message ?? '', /not on 19530/);
  });

  it('recognises a gRPC server behind the HTTP port even when the ports differ', async () => {
    const report = await testConnection({ ...base, httpPort: auth.port });
    const rest = expectStep(report, 'rest', 'fail', 'rest-on-grpc-port');
    assert.match(rest.cause?.message ?? '', /grpc-status 12/);
  });

  it('treats UNAUTHENTICATED as "TLS works, credentials needed"', async () => {
    const missing = await testConnection({ ...base, port: auth.port });
    expectStep(missing, 'grpc', 'warn', 'unauthenticated');
    assert.equal(missing.ok, true);
    const wrong = await testConnection({ ...base, port: auth.port, token: 'root:wrong' });
    assert.match(expectStep(wrong, 'grpc', 'warn', 'unauthenticated').summary, /rejected the credentials/);
    const right = await testConnection({ ...base, port: auth.port, token: 'root:Milvus' });
    expectStep(right, 'grpc', 'pass');
    const text = JSON.stringify(right);
    assert.ok(
      !text.includes('root:Milvus') && !text.includes(Buffer.from('root:Milvus').toString('base64')),
      'the token is not in the report',
    );
  });

  it('treats REST code 1800 as "credentials needed" and sends the token as a Bearer', async () => {
    const missing = await testConnection({ ...base, httpPort: restAuth.port });
    expectStep(missing, 'rest', 'warn', 'unauthenticated');
    const right = await testConnection({ ...base, httpPort: restAuth.port, token: 'root:Milvus' });
    expectStep(right, 'rest', 'pass');
  });

  it('says when REST is not tested', async () => {
    const report = await testConnection(base);
    assert.match(expectStep(report, 'rest', 'skipped').summary, /proxy\.http\.port/);
  });
});
