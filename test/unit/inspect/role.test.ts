import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { roleHintFromFileName } from '../../../src/core/inspect';
import { intendedLeafRole, roleOfCertificate } from '../../../src/core/inspect/role';
import type { RoleInputs } from '../../../src/core/inspect/role';

const NO_SANS = { dns: [], ip: [], email: [], uri: [] };

function inputs(overrides: Partial<RoleInputs>): RoleInputs {
  return { basicConstraints: undefined, extendedKeyUsage: undefined, sans: NO_SANS, selfSigned: false, ...overrides };
}

describe('roles', () => {
  it('reads hints from the names the Milvus docs, Helm and the Operator use', () => {
    assert.equal(roleHintFromFileName('/a/server.pem'), 'server');
    assert.equal(roleHintFromFileName('/a/tls.crt'), 'server');
    assert.equal(roleHintFromFileName('/a/client.pem'), 'client');
    assert.equal(roleHintFromFileName('/a/ca.pem'), 'ca');
    assert.equal(roleHintFromFileName('/a/ca.crt'), 'ca');
    assert.equal(roleHintFromFileName('/a/root-ca.pem'), 'ca');
    assert.equal(roleHintFromFileName('/a/cacert.pem'), 'ca');
    assert.equal(roleHintFromFileName('/a/cassandra.pem'), undefined);
    assert.equal(roleHintFromFileName('/a/milvus.pem'), undefined);
  });

  it('lets the certificate decide first: CA flag, then EKU, then SANs, then the file name', () => {
    assert.deepEqual(roleOfCertificate(inputs({ basicConstraints: { ca: true, pathLength: undefined, critical: true } }), 'client.pem'), {
      role: 'ca',
      roleSource: 'basic-constraints',
    });
    assert.deepEqual(roleOfCertificate(inputs({ extendedKeyUsage: ['serverAuth', 'clientAuth'] }), 'client.pem'), {
      role: 'server+client',
      roleSource: 'extended-key-usage',
    });
    assert.deepEqual(roleOfCertificate(inputs({ extendedKeyUsage: ['anyExtendedKeyUsage'] }), 'x.pem').role, 'server+client');
    assert.deepEqual(roleOfCertificate(inputs({ extendedKeyUsage: ['codeSigning'] }), 'server.pem').role, 'unknown');
    assert.deepEqual(roleOfCertificate(inputs({ sans: { ...NO_SANS, dns: ['milvus'] } }), 'client.pem'), {
      role: 'server',
      roleSource: 'subject-alt-name',
    });
    assert.deepEqual(roleOfCertificate(inputs({}), 'client.pem'), { role: 'client', roleSource: 'file-name' });
    // A leaf misnamed ca.pem is not made a CA by its name.
    assert.deepEqual(roleOfCertificate(inputs({}), 'ca.pem'), { role: 'unknown', roleSource: 'none' });
    assert.deepEqual(roleOfCertificate(inputs({ selfSigned: true }), 'ca.pem'), { role: 'ca', roleSource: 'file-name' });
  });

  it('holds a leaf to the role its file name promises, else to its own', () => {
    assert.equal(intendedLeafRole('server', '/x/client.pem'), 'client');
    assert.equal(intendedLeafRole('server+client', '/x/cert.pem'), 'server+client');
    assert.equal(intendedLeafRole('unknown', '/x/cert.pem'), undefined);
  });
});
