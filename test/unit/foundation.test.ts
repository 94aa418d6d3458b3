import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CERTIFICATE_SET_FILES, KEY_TYPES } from '../../src/core/pki/types';

describe('certificate set contract', () => {
  it('names the nine files of the Milvus docs', () => {
    assert.deepEqual([...CERTIFICATE_SET_FILES].sort(), [
      'ca.key', 'ca.pem', 'ca.srl', 'client.csr', 'client.key', 'client.pem', 'server.csr', 'server.key', 'server.pem',
    ]);
  });
  it('defaults to the docs key type first', () => {
    assert.equal(KEY_TYPES[0], 'rsa2048');
  });
});
