import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pickServerName } from '../../../src/core/usecases';

describe('default server name', () => {
  const docs = { dns: ['localhost', 'standalone', 'milvus-standalone'], ip: ['127.0.0.1', '::1'] };

  it('is the host when the certificate holds it (DNS, IP, IPv6, any case)', () => {
    assert.equal(pickServerName(docs, 'standalone'), 'standalone');
    assert.equal(pickServerName(docs, '127.0.0.1'), '127.0.0.1');
    assert.equal(pickServerName(docs, '::1'), '::1');
    assert.equal(pickServerName(docs, 'LOCALHOST'), 'LOCALHOST');
  });

  it('is localhost, else the first DNS name, else the first IP, when the host is not in the certificate', () => {
    assert.equal(pickServerName(docs, '10.0.0.5'), 'localhost');
    assert.equal(pickServerName({ dns: ['*.example.com', 'milvus.example.com'], ip: [] }, '10.0.0.5'), 'milvus.example.com');
    assert.equal(pickServerName({ dns: [], ip: ['10.0.0.7'] }, 'db.internal'), '10.0.0.7');
    assert.equal(pickServerName({ dns: [], ip: [] }, 'db.internal'), undefined);
  });
});
