import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nodeSdkSnippet } from '../../../src/core/snippets';
import { AWKWARD, MODE1, MODE2 } from './fixtures';

describe('Node SDK snippet', () => {
  it('mode 1: ssl, rootCertPath = ca.pem, serverName; no client key (it would switch to mutual TLS)', () => {
    const { text, language } = nodeSdkSnippet(MODE1);
    assert.equal(language, 'javascript');
    assert.match(
      text,
      /address: "localhost:19530",\n {2}ssl: true,\n {2}tls: \{\n {4}rootCertPath: "\/ws\/tls\/ca.pem",\n {4}serverName: "localhost",/,
    );
    assert.doesNotMatch(text, /privateKeyPath|certChainPath|token/);
  });

  it('mode 2 adds privateKeyPath and certChainPath together', () => {
    const { text } = nodeSdkSnippet(MODE2);
    assert.match(text, /privateKeyPath: "\/ws\/tls\/client.key",\n {4}certChainPath: "\/ws\/tls\/client.pem",/);
  });

  it('reads the token from the environment', () => {
    assert.match(nodeSdkSnippet({ ...MODE1, auth: true }).text, /token: process\.env\["MILVUS_TOKEN"\],/);
  });

  it('quotes awkward paths as JavaScript string literals', () => {
    const { text } = nodeSdkSnippet(AWKWARD);
    const literal = /rootCertPath: (".*"),/.exec(text)?.[1];
    assert.equal(JSON.parse(literal ?? 'null'), AWKWARD.caPath);
  });
});
