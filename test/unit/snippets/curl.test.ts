import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { curlSnippet } from '../../../src/core/snippets';
import { AWKWARD, MODE1, MODE2 } from './fixtures';

describe('curl snippet', () => {
  it('mode 1: --cacert, POST {} to the REST port', () => {
    const { text, language } = curlSnippet(MODE1);
    assert.equal(language, 'shellscript');
    assert.ok(
      text.includes(
        "curl --cacert /ws/tls/ca.pem \\\n  -H 'Content-Type: application/json' -d '{}' \\\n  https://localhost:8080/v2/vectordb/collections/list",
      ),
    );
    assert.doesNotMatch(text, /--cert |--key |Authorization|--connect-to/);
  });

  it('mode 2 adds the client certificate and key and TLS 1.3', () => {
    assert.match(curlSnippet(MODE2).text, /--cert \/ws\/tls\/client\.pem --key \/ws\/tls\/client\.key \\\n {2}--tlsv1\.3/);
  });

  it('sends the bearer token from the environment when auth is on', () => {
    const { text } = curlSnippet({ ...MODE1, auth: true });
    assert.ok(text.includes('-H "Authorization: Bearer ${MILVUS_TOKEN}"'));
    assert.match(text, /# Set MILVUS_TOKEN/);
  });

  it('says when proxy.http.port is unknown and uses 8080', () => {
    const { text } = curlSnippet({ ...MODE1, httpPort: undefined });
    assert.match(text, /proxy\.http\.port is not set/);
    assert.match(text, /https:\/\/localhost:8080\//);
  });

  it('keeps the certificate name in the URL and connects to the host with --connect-to', () => {
    const { text } = curlSnippet({ ...MODE1, host: '10.0.0.5', serverName: 'milvus.example.com' });
    assert.ok(text.includes('--connect-to milvus.example.com:8080:10.0.0.5:8080'));
    assert.ok(text.includes('https://milvus.example.com:8080/v2/vectordb/collections/list'));
  });

  it('single-quotes awkward paths', () => {
    assert.ok(curlSnippet(AWKWARD).text.includes(`--cacert '/ws/it'\\''s a "dir" \\ $HOME/ca.pem'`));
  });
});
