import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { summarizeReport } from '../../../../src/client/connection/reportSummary';
import type { ConnectionReport, StepResult } from '../../../../src/core/connection';

function report(steps: StepResult[], extra: Partial<ConnectionReport> = {}): ConnectionReport {
  return {
    target: {
      host: 'localhost',
      port: 19530,
      httpPort: 8080,
      serverName: 'localhost',
      caGiven: true,
      clientCertificateGiven: true,
      tokenGiven: false,
      timeoutMs: 5000,
      maxTlsVersion: 'TLSv1.3',
    },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 12,
    steps,
    ok: !steps.some((s) => s.status === 'fail'),
    cancelled: false,
    ...extra,
  };
}

const step = (id: StepResult['id'], status: StepResult['status'], more: Partial<StepResult> = {}): StepResult => ({
  id,
  title: id,
  status,
  durationMs: 1,
  summary: `${id} ${status}`,
  details: [],
  ...more,
});

const tlsPass = step('tls', 'pass', {
  details: [
    'Protocol TLSv1.3, cipher TLS_AES_256_GCM_SHA384, ALPN h2',
    'Client certificate: required by the server (mutual TLS, tlsMode 2), and accepted.',
  ],
});

describe('report summary', () => {
  it('names the version, protocol and mutual TLS on success', () => {
    const summary = summarizeReport(report([step('tcp', 'pass'), tlsPass, step('grpc', 'pass')], { serverVersion: 'v2.6.20' }));
    assert.deepEqual(summary, { ok: true, message: 'Connected to Milvus v2.6.20 over TLS 1.3 (mutual).' });
  });

  it('says one-way when no client certificate was required', () => {
    const oneWay = step('tls', 'pass', {
      details: ['Protocol TLSv1.2, cipher X, ALPN h2', 'Client certificate: none given, and the server does not require one (tlsMode 1).'],
    });
    const summary = summarizeReport(report([oneWay, step('grpc', 'pass')], { serverVersion: 'v2.5.27' }));
    assert.equal(summary.message, 'Connected to Milvus v2.5.27 over TLS 1.2 (one-way).');
  });

  it('gives the first failure with its cause and fix', () => {
    const cause = {
      code: 'plaintext-server' as const,
      message: 'Plaintext.',
      fix: 'Set tlsMode.',
      configKey: 'common.security.tlsMode' as const,
    };
    const summary = summarizeReport(
      report([step('tcp', 'pass'), step('tls', 'fail', { title: 'TLS handshake', cause }), step('rest', 'fail')]),
    );
    assert.equal(summary.ok, false);
    assert.equal(summary.message, 'TLS handshake failed: Plaintext. Fix: Set tlsMode.');
    assert.equal(summary.cause?.configKey, 'common.security.tlsMode');
  });

  it('passes with a warning (e.g. credentials missing)', () => {
    const cause = { code: 'unauthenticated' as const, message: 'TLS works; credentials missing.', fix: 'Set credentials.' };
    const summary = summarizeReport(report([tlsPass, step('grpc', 'warn', { cause })]));
    assert.equal(summary.ok, true);
    assert.equal(summary.message, 'Connected over TLS 1.3 (mutual), with a warning: TLS works; credentials missing. Set credentials.');
  });

  it('reports cancellation', () => {
    assert.deepEqual(summarizeReport(report([], { cancelled: true, ok: false })), { ok: false, message: 'Connection test cancelled.' });
  });
});
