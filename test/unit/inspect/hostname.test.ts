import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { sanMatchesName } from '../../../src/core/inspect';

// One rule for the connection test, the internaltls.sni rule and the editor's default server name.
describe("sanMatchesName (Go's VerifyHostname, no CN fallback)", () => {
  const docs = { dns: ['localhost', 'standalone'], ip: ['127.0.0.1', '::1'] };

  it('matches wildcards on exactly one label', () => {
    const names = { dns: ['*.example.com'], ip: [] };
    assert.equal(sanMatchesName(names, 'milvus.example.com'), true);
    assert.equal(sanMatchesName(names, 'a.b.example.com'), false);
    assert.equal(sanMatchesName(names, 'example.com'), false);
    assert.equal(sanMatchesName({ dns: ['m*.example.com'], ip: [] }, 'milvus.example.com'), false);
  });

  it('compares names case-insensitively, ignoring a trailing dot', () => {
    assert.equal(sanMatchesName(docs, 'LOCALHOST'), true);
    assert.equal(sanMatchesName(docs, 'standalone.'), true);
    assert.equal(sanMatchesName(docs, 'milvus'), false);
    assert.equal(sanMatchesName(docs, ''), false);
  });

  it('compares addresses as addresses, and only against IP SANs', () => {
    assert.equal(sanMatchesName(docs, '127.0.0.1'), true);
    assert.equal(sanMatchesName(docs, '[::1]'), true);
    assert.equal(sanMatchesName(docs, '0:0:0:0:0:0:0:1'), true);
    assert.equal(sanMatchesName({ dns: [], ip: ['10.0.0.1'] }, '::ffff:10.0.0.1'), true);
    assert.equal(sanMatchesName({ dns: ['10.0.0.2'], ip: [] }, '10.0.0.2'), false);
  });
});
