// The certificate profile, read back with the inspection engine (not trusted from the generator's own
// code): the CA is a critical CA:TRUE with pathLen 0 (it signs leaves only) and critical key usage
// keyCertSign + cRLSign; leaves are CA:FALSE with the EKU Go enforces. Each assertion is exact, so
// dropping `critical`, `pathLen 0` or an EKU fails here, not only in the openssl integration test.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CertificateInfo } from '../../../src/core/inspect';
import { readPemOrDer } from '../../../src/core/inspect';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { generateCertificateSet } from '../../../src/core/pki/generate';
import type { KeyType } from '../../../src/core/pki/types';

async function certificates(keyType: KeyType): Promise<Record<'ca' | 'server' | 'client', CertificateInfo>> {
  const files = await generateCertificateSet(defaultCertificateSetOptions({ keyType }));
  const read = (name: string): CertificateInfo => {
    const contents = files.find((file) => file.name === name)?.contents ?? '';
    const object = readPemOrDer(Buffer.from(contents), name).objects[0];
    assert.equal(object?.kind, 'certificate', name);
    return object;
  };
  return { ca: read('ca.pem'), server: read('server.pem'), client: read('client.pem') };
}

describe('certificate profile', () => {
  for (const keyType of ['ecdsa-p256', 'rsa2048'] as const) {
    it(`CA and leaves for ${keyType}`, async () => {
      const { ca, server, client } = await certificates(keyType);
      assert.deepEqual(ca.basicConstraints, { ca: true, pathLength: 0, critical: true });
      assert.deepEqual([...(ca.keyUsage ?? [])].sort(), ['cRLSign', 'keyCertSign']);
      assert.deepEqual(server.basicConstraints?.ca, false);
      assert.deepEqual(client.basicConstraints?.ca, false);
      assert.deepEqual(server.extendedKeyUsage, ['serverAuth']);
      assert.deepEqual(client.extendedKeyUsage, ['clientAuth']);
      assert.deepEqual(
        [...(server.keyUsage ?? [])].sort(),
        keyType === 'rsa2048' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'],
      );
    });
  }
});
