import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatAddress, parseAddress } from '../../../src/core/connection';

describe('parseAddress', () => {
  it('reads the forms users paste', () => {
    assert.deepEqual(parseAddress('localhost'), { host: 'localhost', port: 19530 });
    assert.deepEqual(parseAddress('milvus.example.com:443'), { host: 'milvus.example.com', port: 443 });
    assert.deepEqual(parseAddress('https://milvus.example.com:19530/'), { host: 'milvus.example.com', port: 19530 });
    assert.deepEqual(parseAddress('https://milvus.example.com'), { host: 'milvus.example.com', port: 19530 });
    assert.deepEqual(parseAddress('10.0.0.5:19531'), { host: '10.0.0.5', port: 19531 });
    assert.deepEqual(parseAddress('[::1]:19530'), { host: '::1', port: 19530 });
    assert.deepEqual(parseAddress('[::1]'), { host: '::1', port: 19530 });
    assert.deepEqual(parseAddress('::1'), { host: '::1', port: 19530 });
  });
  it('refuses what it cannot read', () => {
    for (const bad of ['', 'host:0', 'host:65536', 'host:abc', 'https://host/path', '[nope]:1', 'a:b:c']) {
      assert.throws(() => parseAddress(bad), Error, bad);
    }
  });
  it('formats IPv6 in brackets', () => {
    assert.equal(formatAddress('::1', 19530), '[::1]:19530');
    assert.equal(formatAddress('localhost', 19530), 'localhost:19530');
  });
});
