import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { randomSerialNumber, serialFileContents } from '../../../src/core/pki/certificate';
import { forgeAsn1 } from '../../../src/core/x509/forgeAsn1';
import { toDer, time } from '../../../src/core/pki/der';
import { derChildren, readDer } from '../../../src/core/x509/der';
import { OID } from '../../../src/core/x509/oids';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { CertificateAuthorityError, InvalidOptionsError } from '../../../src/core/pki/errors';
import { capLeafNote, generateCertificateSet, leafNotAfter, reissueLeaves } from '../../../src/core/pki/generate';
import { KEY_TYPES, CERTIFICATE_SET_FILES, type GeneratedFile, type KeyType } from '../../../src/core/pki/types';

const DAY = 24 * 60 * 60 * 1000;
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

function file(files: GeneratedFile[], name: string): string {
  const found = files.find((f) => f.name === name);
  assert.ok(found, `${name} missing`);
  return found.contents;
}

const EXPECTED_SIGNATURE: Record<KeyType, string> = {
  rsa2048: OID.sha256WithRSAEncryption,
  rsa3072: OID.sha256WithRSAEncryption,
  rsa4096: OID.sha256WithRSAEncryption,
  'ecdsa-p256': OID.ecdsaWithSHA256,
  'ecdsa-p384': OID.ecdsaWithSHA384,
};

/** The OID of Certificate.signatureAlgorithm (outer, after the TBSCertificate). */
function signatureAlgorithmOid(certificate: X509Certificate): string {
  const [, algorithm] = derChildren(readDer(certificate.raw));
  assert.ok(algorithm);
  const [id] = derChildren(algorithm);
  assert.ok(id);
  return forgeAsn1().derToOid(id.contents.toString('binary'));
}

describe('generateCertificateSet', () => {
  for (const keyType of KEY_TYPES) {
    it(`makes the nine files, a valid chain and the right profile for ${keyType}`, async () => {
      const before = Date.now();
      const files = await generateCertificateSet(
        defaultCertificateSetOptions({
          keyType,
          serverSans: ['localhost', 'db.example.com', '10.0.0.5', '::1'],
          subject: { country: 'DE', organization: 'Acme' },
        }),
      );
      const after = Date.now();
      assert.deepEqual(
        files.map((f) => f.name),
        [...CERTIFICATE_SET_FILES],
      );
      assert.deepEqual(
        files.filter((f) => f.isPrivateKey).map((f) => f.name),
        ['ca.key', 'server.key', 'client.key'],
      );
      for (const key of ['ca.key', 'server.key', 'client.key']) {
        assert.match(file(files, key), /^-----BEGIN PRIVATE KEY-----\n/, 'PKCS#8 PEM');
      }

      const ca = new X509Certificate(file(files, 'ca.pem'));
      const server = new X509Certificate(file(files, 'server.pem'));
      const client = new X509Certificate(file(files, 'client.pem'));
      assert.equal(ca.ca, true);
      assert.ok(ca.verify(ca.publicKey), 'CA is self-signed');
      assert.ok(server.verify(ca.publicKey) && client.verify(ca.publicKey), 'leaves are signed by the CA');
      assert.ok(server.checkIssued(ca) && client.checkIssued(ca));
      assert.equal(server.ca || client.ca, false);
      assert.equal(ca.subject, 'C=DE\nO=Acme\nCN=Milvus TLS CA');
      assert.equal(server.subject, 'C=DE\nO=Acme\nCN=localhost');
      assert.equal(client.subject, 'C=DE\nO=Acme\nCN=milvus-client');
      assert.equal(server.subjectAltName, 'DNS:localhost, DNS:db.example.com, IP Address:10.0.0.5, IP Address:0:0:0:0:0:0:0:1');
      assert.deepEqual(server.keyUsage, [SERVER_AUTH]);
      assert.deepEqual(client.keyUsage, [CLIENT_AUTH]);
      assert.ok(server.checkPrivateKey(createPrivateKey(file(files, 'server.key'))));
      assert.ok(client.checkPrivateKey(createPrivateKey(file(files, 'client.key'))));
      assert.ok(ca.checkPrivateKey(createPrivateKey(file(files, 'ca.key'))));

      const notBefore = new Date(server.validFrom).getTime();
      const skew = 5 * 60 * 1000;
      assert.ok(notBefore >= before - skew - 1000 && notBefore <= after - skew, 'notBefore is 5 minutes back');
      const notAfter = new Date(server.validTo).getTime();
      assert.equal(notAfter - notBefore, 825 * DAY + skew, 'leaves last 825 days from now');
      assert.equal(new Date(ca.validTo).getTime() - new Date(ca.validFrom).getTime(), 3650 * DAY + skew, 'CA lasts 3650 days');

      assert.equal(file(files, 'ca.srl'), `${client.serialNumber.toUpperCase()}\n`, 'ca.srl holds the last serial issued');
      assert.notEqual(server.serialNumber, client.serialNumber);
      assert.match(file(files, 'server.csr'), /^-----BEGIN CERTIFICATE REQUEST-----\n/);
      for (const certificate of [ca, server, client]) assert.equal(signatureAlgorithmOid(certificate), EXPECTED_SIGNATURE[keyType]);
    });
  }

  it('rejects invalid options with every problem listed, before generating anything', async () => {
    await assert.rejects(
      generateCertificateSet(defaultCertificateSetOptions({ serverCommonName: '', leafDays: 0 })),
      (error: unknown) => error instanceof InvalidOptionsError && error.problems.length === 2,
    );
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await assert.rejects(
      generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }), controller.signal),
      /user cancelled/,
    );
  });
});

describe('serial numbers and times', () => {
  it('makes positive 128-bit serials with a non-zero first byte, in openssl srl format', () => {
    for (let i = 0; i < 200; i++) {
      const serial = randomSerialNumber();
      assert.equal(serial.length, 16);
      assert.ok((serial[0] ?? 0) >= 1 && (serial[0] ?? 0x80) < 0x80);
    }
    assert.equal(serialFileContents(Buffer.from('0a1bff', 'hex')), '0A1BFF\n');
  });
  it('uses UTCTime until 2049 and GeneralizedTime from 2050, in whole seconds', () => {
    assert.equal(toDer(time(new Date('2049-12-31T23:59:59.900Z'))).toString('latin1'), '\x17\x0d491231235959Z');
    assert.equal(toDer(time(new Date('2050-01-01T00:00:00Z'))).toString('latin1'), '\x18\x0f20500101000000Z');
  });
  it('encodes far validity (100 years) so node parses it back', async () => {
    const files = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256', caDays: 36500, leafDays: 36500 }));
    const server = new X509Certificate(file(files, 'server.pem'));
    assert.ok(new Date(server.validTo).getUTCFullYear() >= 2120);
  });
});

describe('reissueLeaves', () => {
  it('issues new leaves from the existing CA, leaving the CA out of the result', async () => {
    const original = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }));
    const ca = { certificatePem: file(original, 'ca.pem'), privateKeyPem: file(original, 'ca.key') };
    const reissued = await reissueLeaves(ca, defaultCertificateSetOptions({ keyType: 'ecdsa-p384' }), { server: true, client: false });
    assert.deepEqual(
      reissued.map((f) => f.name),
      ['ca.srl', 'server.key', 'server.csr', 'server.pem'],
    );
    const caCertificate = new X509Certificate(ca.certificatePem);
    const server = new X509Certificate(file(reissued, 'server.pem'));
    assert.ok(server.checkIssued(caCertificate) && server.verify(caCertificate.publicKey));
    assert.notEqual(server.fingerprint256, new X509Certificate(file(original, 'server.pem')).fingerprint256);
    assert.equal(file(reissued, 'ca.srl'), `${server.serialNumber.toUpperCase()}\n`);
  });

  it('refuses a key that does not belong to the CA, and a certificate that is not a CA', async () => {
    const first = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }));
    const second = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }));
    const options = defaultCertificateSetOptions({ keyType: 'ecdsa-p256' });
    await assert.rejects(
      reissueLeaves({ certificatePem: file(first, 'ca.pem'), privateKeyPem: file(second, 'ca.key') }, options, {
        server: true,
        client: true,
      }),
      (error: unknown) => error instanceof CertificateAuthorityError && /ca\.key does not match ca\.pem/.test(error.message),
    );
    await assert.rejects(
      reissueLeaves({ certificatePem: file(first, 'server.pem'), privateKeyPem: file(first, 'server.key') }, options, {
        server: true,
        client: true,
      }),
      (error: unknown) => error instanceof CertificateAuthorityError && /not a CA certificate/.test(error.message),
    );
    await assert.rejects(
      reissueLeaves({ certificatePem: 'garbage', privateKeyPem: file(first, 'ca.key') }, options, { server: true, client: true }),
      /ca\.pem is not a readable PEM certificate/,
    );
  });

  it('refuses a leaf named exactly like the CA (it would look self-issued)', async () => {
    const set = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }));
    await assert.rejects(
      reissueLeaves(
        { certificatePem: file(set, 'ca.pem'), privateKeyPem: file(set, 'ca.key') },
        defaultCertificateSetOptions({ keyType: 'ecdsa-p256', serverCommonName: 'Milvus TLS CA', serverSans: ['localhost'] }),
        { server: true, client: false },
      ),
      /server certificate's subject would equal the CA's/,
    );
  });

  it("caps leaves that would outlive the CA at the CA's notAfter, and says so", async () => {
    const set = await generateCertificateSet(defaultCertificateSetOptions({ keyType: 'ecdsa-p256', caDays: 30, leafDays: 30 }));
    const caNotAfter = new Date(new X509Certificate(file(set, 'ca.pem')).validTo);
    const leaves = await reissueLeaves(
      { certificatePem: file(set, 'ca.pem'), privateKeyPem: file(set, 'ca.key') },
      defaultCertificateSetOptions({ keyType: 'ecdsa-p256', leafDays: 60 }),
      { server: true, client: true },
    );
    for (const name of ['server.pem', 'client.pem']) {
      assert.equal(new Date(new X509Certificate(file(leaves, name)).validTo).getTime(), caNotAfter.getTime(), name);
    }
    assert.match(
      capLeafNote(new Date(), 60, caNotAfter) ?? '',
      /60 days asked for would outlive the CA, so the certificates end with it on \d{4}-\d\d-\d\d/,
    );
    assert.equal(capLeafNote(new Date(), 29, caNotAfter), undefined);
    assert.equal(leafNotAfter(new Date(0), 1, new Date(86_400_000 - 1)).getTime(), 86_400_000 - 1, 'capped to the millisecond');
    assert.equal(leafNotAfter(new Date(0), 1, new Date(86_400_000)).getTime(), 86_400_000, 'exactly the CA: not capped further');
  });
});
