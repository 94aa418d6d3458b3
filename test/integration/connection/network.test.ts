// TCP-level and "not TLS at all" diagnoses: refused, silent port (timeout), plaintext server, and
// cancellation, against real listeners on 127.0.0.1.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { StepId } from '../../../src/core/connection';
import { testConnection } from '../../../src/core/connection';
import { closedPort } from '../../helpers/servers/closedPort';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer } from '../../helpers/servers/milvusGrpcServer';
import { startSilentServer } from '../../helpers/servers/silentServer';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { expectStep, step } from './steps';

describe('connection test: network and plaintext', () => {
  let pki: TestPki;
  let plaintext: RunningServer;
  let silent: RunningServer;
  let silentTls: RunningServer;
  let silentNotHttp2: RunningServer;

  before(async () => {
    pki = await createTestPki();
    plaintext = await startMilvusGrpcServer({ mode: 0 });
    silent = await startSilentServer();
    silentTls = await startSilentServer({ tls: { certPem: pki.server.certPem, keyPem: pki.server.keyPem } });
    silentNotHttp2 = await startSilentServer({ tls: { certPem: pki.server.certPem, keyPem: pki.server.keyPem, alpn: [] } });
  });
  after(async () => {
    await plaintext.close();
    await silent.close();
    await silentTls.close();
    await silentNotHttp2.close();
    await pki.cleanup();
  });

  it('explains a refused connection and skips the rest', async () => {
    const report = await testConnection({ host: '127.0.0.1', port: await closedPort(), caPem: pki.ca.certPem, timeoutMs: 2000 });
    assert.equal(report.ok, false);
    const tcp = expectStep(report, 'tcp', 'fail', 'connection-refused');
    assert.equal(tcp.cause?.configKey, 'proxy.port');
    assert.deepEqual(
      report.steps.map((s) => s.id),
      ['tcp', 'tls', 'go-rules', 'grpc', 'rest'],
    );
    for (const id of ['tls', 'grpc', 'rest'] as const) assert.equal(step(report, id).status, 'skipped');
  });

  it('explains a host name that does not resolve', async () => {
    // .invalid never resolves (RFC 6761), and the resolver says so at once, network or not.
    const report = await testConnection({ host: 'milvus-tls-test.invalid', port: 19530, timeoutMs: 3000 });
    expectStep(report, 'tcp', 'fail', 'host-not-found');
  });

  it('times out on a port that accepts TCP and never answers', async () => {
    const report = await testConnection({ host: '127.0.0.1', port: silent.port, caPem: pki.ca.certPem, timeoutMs: 500 });
    assert.equal(step(report, 'tcp').status, 'pass');
    const tls = expectStep(report, 'tls', 'fail', 'timeout');
    assert.match(tls.summary, /TLS handshake/);
    // Bounded by the budget: not before it (timers may round down a millisecond), not far after.
    assert.ok(tls.durationMs >= 490 && tls.durationMs < 10_000, `took ${tls.durationMs} ms`);
  });

  it('keeps what the handshake showed when the server goes silent after it', async () => {
    const report = await testConnection({
      host: '127.0.0.1',
      port: silentTls.port,
      serverName: 'localhost',
      caPem: pki.ca.certPem,
      timeoutMs: 500,
    });
    const tls = expectStep(report, 'tls', 'fail', 'timeout');
    assert.match(tls.summary, /after the handshake/);
    assert.ok(
      tls.details.some((line) => line.includes('SAN DNS:localhost')),
      tls.details.join('\n'),
    );
    expectStep(report, 'go-rules', 'pass');
  });

  it('passes the handshake of a TLS server that is not HTTP/2, and says it is probably not the gRPC port', async () => {
    const report = await testConnection({
      host: '127.0.0.1',
      port: silentNotHttp2.port,
      serverName: 'localhost',
      caPem: pki.ca.certPem,
      timeoutMs: 500,
    });
    const tls = expectStep(report, 'tls', 'pass');
    assert.ok(
      tls.details.some((line) => line.includes('probably not Milvus')),
      tls.details.join('\n'),
    );
    assert.equal(step(report, 'grpc').status, 'fail');
  });

  it('recognises a plaintext gRPC server (tlsMode 0)', async () => {
    const report = await testConnection({
      host: '127.0.0.1',
      port: plaintext.port,
      caPem: pki.ca.certPem,
      serverName: 'localhost',
      timeoutMs: 3000,
    });
    const tls = expectStep(report, 'tls', 'fail', 'plaintext-server');
    assert.equal(tls.cause?.configKey, 'common.security.tlsMode');
    assert.match(tls.cause?.message ?? '', /HTTP\/2/);
    assert.equal(step(report, 'grpc').status, 'skipped');
  });

  it('stops at once when cancelled and says so', async () => {
    const controller = new AbortController();
    const seen: StepId[] = [];
    const report = await testConnection(
      { host: '127.0.0.1', port: silent.port, caPem: pki.ca.certPem, timeoutMs: 60_000 },
      {
        signal: controller.signal,
        onStepStart: (id) => {
          if (id === 'tls') controller.abort();
        },
        onStep: (s) => seen.push(s.id),
      },
    );
    assert.equal(report.cancelled, true);
    assert.equal(report.ok, false);
    assert.equal(step(report, 'tls').status, 'skipped');
    assert.equal(step(report, 'tls').summary, 'Cancelled.');
    assert.deepEqual(seen, ['tcp', 'tls', 'go-rules', 'grpc', 'rest']);
    assert.ok(report.durationMs < 20_000, 'did not wait for the 60 s budget');
  });
});
