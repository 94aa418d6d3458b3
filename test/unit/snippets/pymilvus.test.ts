import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pymilvusSnippet } from '../../../src/core/snippets';
import { AWKWARD, MODE1, MODE2 } from './fixtures';

describe('pymilvus snippet', () => {
  it('mode 1 passes the CA as server_pem_path, never a lone ca_pem_path (pymilvus#2785)', () => {
    const { text, language } = pymilvusSnippet(MODE1);
    assert.equal(language, 'python');
    assert.match(
      text,
      /uri="https:\/\/localhost:19530",\n {4}secure=True,\n {4}server_pem_path="\/ws\/tls\/ca.pem",\n {4}server_name="localhost",/,
    );
    assert.doesNotMatch(text, /ca_pem_path=|client_pem_path=|token=/);
  });

  it('mode 2 passes all three files and the server name, without server_pem_path (it would win)', () => {
    const { text } = pymilvusSnippet(MODE2);
    for (const line of [
      'client_pem_path="/ws/tls/client.pem"',
      'client_key_path="/ws/tls/client.key"',
      'ca_pem_path="/ws/tls/ca.pem"',
      'server_name="localhost"',
    ]) {
      assert.ok(text.includes(line), line);
    }
    assert.doesNotMatch(text, /server_pem_path/);
  });

  it('reads credentials from the environment, never embeds them', () => {
    const { text } = pymilvusSnippet({ ...MODE1, auth: true });
    assert.match(text, /^import os$/m);
    assert.match(text, /token=os\.environ\["MILVUS_TOKEN"\]/);
  });

  it('quotes awkward paths as Python string literals', () => {
    const { text } = pymilvusSnippet(AWKWARD);
    assert.ok(text.includes(String.raw`ca_pem_path="/ws/it's a \"dir\" \\ $HOME/ca.pem"`));
  });

  it('writes IPv6 hosts in brackets and states the server name', () => {
    const { text } = pymilvusSnippet({ ...MODE1, host: '::1', serverName: undefined });
    assert.match(text, /uri="https:\/\/\[::1\]:19530"/);
    assert.match(text, /server_name="::1"/);
  });

  it('refuses mode 2 without client files', () => {
    assert.throws(() => pymilvusSnippet({ ...MODE2, keyPath: undefined }), /client certificate and key/);
  });
});
