import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { goSdkSnippet } from '../../../src/core/snippets';
import { AWKWARD, MODE1, MODE2 } from './fixtures';

describe('Go SDK snippet', () => {
  it('mode 1: RootCAs from ca.pem and ServerName, no client certificate, no TLS 1.3 minimum', () => {
    const { text, language } = goSdkSnippet(MODE1);
    assert.equal(language, 'go');
    assert.match(text, /os\.ReadFile\("\/ws\/tls\/ca.pem"\)/);
    assert.match(text, /\t\tRootCAs: {4}roots,\n\t\tServerName: "localhost",/);
    assert.doesNotMatch(text, /LoadX509KeyPair|Certificates:|MinVersion|APIKey/);
    assert.match(text, /credentials\.NewTLS\(tlsConfig\)/);
    assert.match(text, /milvusclient\.DefaultGrpcOpts\.\.\./);
  });

  it('mode 2: the client key pair and MinVersion TLS 1.3, fields aligned like gofmt', () => {
    const { text } = goSdkSnippet(MODE2);
    assert.match(text, /tls\.LoadX509KeyPair\("\/ws\/tls\/client.pem", "\/ws\/tls\/client.key"\)/);
    assert.match(text, /\t\tRootCAs: {6}roots,\n\t\tCertificates: \[\]tls\.Certificate\{clientCert\},\n\t\tServerName: {3}"localhost",/);
    assert.match(text, /\t\tMinVersion: {3}tls\.VersionTLS13,/);
  });

  it('reads the API key from the environment', () => {
    assert.match(goSdkSnippet({ ...MODE1, auth: true }).text, /APIKey: {8}os\.Getenv\("MILVUS_TOKEN"\),/);
  });

  it('quotes awkward paths as Go string literals', () => {
    assert.ok(goSdkSnippet(AWKWARD).text.includes(String.raw`os.ReadFile("/ws/it's a \"dir\" \\ $HOME/ca.pem")`));
  });
});
