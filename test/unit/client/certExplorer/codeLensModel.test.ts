import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { readPemOrDer } from '../../../../src/core/inspect/readFile';
import { certificateLenses } from '../../../../src/client/certExplorer/codeLensModel';
import { certificateSet } from './fixtures';

let set: Map<string, string>;

describe('PEM CodeLens model', () => {
  before(async () => {
    set = await certificateSet();
  });

  it('puts one lens above each certificate block of a bundle', () => {
    const server = set.get('server.pem') ?? '';
    const text = `Bag Attributes\n${server}${set.get('ca.pem') ?? ''}`;
    const lenses = certificateLenses(readPemOrDer(Buffer.from(text), '/w/chain.pem'), new Date());
    assert.deepEqual(
      lenses.map((lens) => lens.line),
      [1, 1 + server.trimEnd().split('\n').length],
    );
    assert.equal(lenses[0]?.title, 'CN=milvus.local, issued by Milvus TLS CA, expires in 100 days');
    assert.equal(lenses[1]?.title, 'CN=Milvus TLS CA, self-signed, expires in 3650 days');
  });

  it('has no lens for keys or broken blocks', () => {
    const text = `${set.get('server.key') ?? ''}-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n`;
    assert.deepEqual(certificateLenses(readPemOrDer(Buffer.from(text), '/w/x.pem'), new Date()), []);
  });
});
