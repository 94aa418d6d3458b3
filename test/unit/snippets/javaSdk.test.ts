import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { javaSdkSnippet } from '../../../src/core/snippets';
import { AWKWARD, MODE1, MODE2 } from './fixtures';

describe('Java SDK snippet', () => {
  it('mode 1: serverPemPath = ca.pem and serverName', () => {
    const { text, language } = javaSdkSnippet(MODE1);
    assert.equal(language, 'java');
    assert.match(text, /\.uri\("https:\/\/localhost:19530"\)\n {16}\.secure\(true\)/);
    assert.match(text, /\.serverPemPath\("\/ws\/tls\/ca.pem"\)/);
    assert.match(text, /\.serverName\("localhost"\)/);
    assert.doesNotMatch(text, /clientPemPath|caPemPath|\.token/);
  });

  it('mode 2: clientPemPath, clientKeyPath, caPemPath, and no serverPemPath (it would select one-way TLS)', () => {
    const { text } = javaSdkSnippet(MODE2);
    assert.match(
      text,
      /\.clientPemPath\("\/ws\/tls\/client.pem"\)\n {16}\.clientKeyPath\("\/ws\/tls\/client.key"\)\n {16}\.caPemPath\("\/ws\/tls\/ca.pem"\)/,
    );
    assert.doesNotMatch(text, /\.serverPemPath\(/);
  });

  it('reads the token from the environment', () => {
    assert.match(javaSdkSnippet({ ...MODE1, auth: true }).text, /\.token\(System\.getenv\("MILVUS_TOKEN"\)\)/);
  });

  it('quotes awkward paths as Java string literals', () => {
    assert.ok(javaSdkSnippet(AWKWARD).text.includes(String.raw`.caPemPath("/ws/it's a \"dir\" \\ $HOME/ca.pem")`));
  });
});
