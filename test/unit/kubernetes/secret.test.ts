import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifestFile, readSecretManifest, secretEntry, secretKeys } from '../../../src/core/kubernetes';
import { k8sFile } from './corpus';

function secretOf(text: string, index = 0) {
  const doc = parseManifestFile(text).documents[index];
  assert.ok(doc);
  const secret = readSecretManifest(doc);
  assert.ok(secret);
  return secret;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('Secret manifests', () => {
  it('data is base64, stringData is text and wins for the same key', () => {
    const pem = Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: certs\n  namespace: milvus\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${pem.toString('base64')}\n  ca.crt: ${Buffer.from('old').toString('base64')}\nstringData:\n  ca.crt: |\n    new\n`;
    const secret = secretOf(text);
    assert.equal(secret.name, 'certs');
    assert.equal(secret.namespace, 'milvus');
    assert.equal(secret.type, 'kubernetes.io/tls');
    assert.deepEqual(secretEntry(secret, 'tls.crt')?.bytes, pem);
    assert.equal(secretEntry(secret, 'ca.crt')?.source, 'stringData');
    assert.equal(secretEntry(secret, 'ca.crt')?.bytes?.toString(), 'new\n');
    assert.deepEqual(secretKeys(secret).sort(), ['ca.crt', 'tls.crt']);
    assert.equal(secret.entries.find((entry) => entry.source === 'data' && entry.key === 'ca.crt')?.shadowed, true);
  });

  it('base64 as Go decodes it: line breaks skipped, anything else rejected', () => {
    const wrapped =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: |\n    aGVs\n    bG8=\n  b: not base64!\n  c: aGVsbG8\n';
    const secret = secretOf(wrapped);
    assert.equal(secretEntry(secret, 'a')?.bytes?.toString(), 'hello');
    assert.deepEqual(secretEntry(secret, 'b')?.problems, ['not-base64']);
    assert.deepEqual(secretEntry(secret, 'c')?.problems, ['not-base64'], 'unpadded');
  });

  it("the Operator sample's PEMs written without | are folded onto one line (lines 16 and 20)", () => {
    const text = k8sFile('operator-1.3.8/external_tls.yaml');
    const secret = secretOf(text);
    const folded = secret.entries.filter((entry) => entry.problems.includes('folded-pem'));
    assert.deepEqual(
      folded.map((entry) => [entry.key, lineOf(text, entry.keyRange.start)]),
      [
        ['server.key', 16],
        ['ca.pem', 20],
      ],
    );
    assert.equal(secretEntry(secret, 'server.pem')?.problems.length, 0);
    assert.match(
      secretEntry(secret, 'server.key')?.bytes?.toString() ?? '',
      /^-----BEGIN RSA PRIVATE KEY----- change to your own private key -----END/,
    );
  });

  it('a ConfigMap: data is text, binaryData base64', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  milvus.yaml: |\n    a: 1\nbinaryData:\n  ca.pem: aGVsbG8=\n';
    const map = secretOf(text);
    assert.equal(map.kind, 'ConfigMap');
    assert.equal(secretEntry(map, 'milvus.yaml')?.bytes?.toString(), 'a: 1\n');
    assert.equal(secretEntry(map, 'ca.pem')?.bytes?.toString(), 'hello');
  });
});
