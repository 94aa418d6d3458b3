// The one table from Node/OpenSSL errors to causes, unit by unit: every code the TLS, gRPC and REST
// steps can meet maps to the cause (and so the fix) users see, and the client-certificate alerts
// depend on whether a certificate was sent.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ClassifyContext } from '../../../src/core/connection/classify';
import { classifyByText, classifyNetworkError, classifyTlsError, errorText, verifyCause } from '../../../src/core/connection/classify';

const CONTEXT: ClassifyContext = {
  where: 'db.example.com:19530',
  host: 'db.example.com',
  serverName: 'milvus.local',
  role: 'grpc',
  caGiven: true,
  clientCertSent: false,
  maxTlsVersion: 'TLSv1.3',
};

function failure(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifying connection errors', () => {
  it('network errors by errno', () => {
    assert.equal(classifyNetworkError(failure('ECONNREFUSED'), CONTEXT)?.code, 'connection-refused');
    for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']) {
      assert.equal(classifyNetworkError(failure(code), CONTEXT)?.code, 'host-not-found', code);
    }
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']) {
      assert.equal(classifyNetworkError(failure(code), CONTEXT)?.code, 'host-unreachable', code);
    }
    assert.equal(classifyNetworkError(failure('ETIMEDOUT'), CONTEXT)?.code, 'timeout');
    assert.equal(classifyNetworkError(failure('EPIPE'), CONTEXT), undefined);
    assert.equal(classifyNetworkError('not an error', CONTEXT), undefined);
  });

  it('plaintext servers, from every code OpenSSL uses for "that was not TLS"', () => {
    for (const code of [
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'ERR_SSL_PACKET_LENGTH_TOO_LONG',
      'ERR_SSL_HTTP_REQUEST',
      'ERR_SSL_RECORD_LAYER_FAILURE',
    ]) {
      assert.equal(classifyTlsError(failure(code), CONTEXT)?.code, 'plaintext-server', code);
    }
  });

  it('protocol versions: too old when the client capped it, else no shared version', () => {
    assert.equal(
      classifyTlsError(failure('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'), { ...CONTEXT, maxTlsVersion: 'TLSv1.2' })?.code,
      'tls-version-too-old',
    );
    assert.equal(classifyTlsError(failure('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'), CONTEXT)?.code, 'tls-handshake-failed');
    assert.equal(
      classifyTlsError(failure('ERR_SSL_UNSUPPORTED_PROTOCOL'), { ...CONTEXT, maxTlsVersion: 'TLSv1.2' })?.code,
      'tls-version-too-old',
    );
  });

  it('client certificate alerts: required when none was sent, rejected when one was', () => {
    assert.equal(classifyTlsError(failure('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), CONTEXT)?.code, 'client-certificate-required');
    assert.equal(classifyTlsError(failure('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'), CONTEXT)?.code, 'client-certificate-required');
    assert.equal(
      classifyTlsError(failure('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'), { ...CONTEXT, clientCertSent: true })?.code,
      'client-certificate-rejected',
    );
    for (const code of [
      'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
      'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
      'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
      'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
    ]) {
      assert.equal(classifyTlsError(failure(code), { ...CONTEXT, clientCertSent: true })?.code, 'client-certificate-rejected', code);
    }
  });

  it("Node's verification verdicts on the server certificate", () => {
    for (const code of [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'CERT_SIGNATURE_FAILURE',
    ]) {
      assert.equal(verifyCause(code, code, CONTEXT)?.code, 'unknown-ca', code);
    }
    assert.equal(verifyCause('CERT_HAS_EXPIRED', '', CONTEXT)?.code, 'certificate-expired');
    assert.equal(verifyCause('CERT_NOT_YET_VALID', '', CONTEXT)?.code, 'certificate-not-yet-valid');
    const mismatch = verifyCause(
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames: Host: x. is not in the cert's list: DNS:localhost",
      CONTEXT,
    );
    assert.equal(mismatch?.code, 'hostname-mismatch');
    assert.match(mismatch?.message ?? '', /not valid for "milvus\.local" \(it names DNS:localhost\)/);
    assert.equal(verifyCause('SOMETHING_ELSE', '', CONTEXT), undefined);
  });

  it('text-only errors from grpc-js status details', () => {
    const cases: [string, string][] = [
      ['14 UNAVAILABLE: wrong version number', 'plaintext-server'],
      ['self signed certificate in certificate chain', 'unknown-ca'],
      ['unable to get local issuer certificate', 'unknown-ca'],
      ['certificate has expired', 'certificate-expired'],
      ["Hostname/IP does not match certificate's altnames", 'hostname-mismatch'],
      ['Peer name milvus is not in peer certificate', 'hostname-mismatch'],
      ['tlsv13 alert certificate required', 'client-certificate-required'],
      ['sslv3 alert bad certificate', 'client-certificate-rejected'],
      ['tlsv1 alert protocol version', 'tls-version-too-old'],
      ['connect ECONNREFUSED 127.0.0.1:19530', 'connection-refused'],
      ['getaddrinfo ENOTFOUND db', 'host-not-found'],
    ];
    for (const [text, code] of cases) assert.equal(classifyByText(text, CONTEXT)?.code, code, text);
    assert.equal(classifyByText('something new', CONTEXT), undefined);
  });

  it('keeps the words of an OpenSSL message', () => {
    assert.equal(
      errorText(
        new Error(
          '80CC1E4AF77F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:355:',
        ),
      ),
      'wrong version number',
    );
    assert.equal(errorText('plain'), 'plain');
  });
});
