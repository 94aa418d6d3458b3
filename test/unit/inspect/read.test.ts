import { strict as assert } from 'node:assert';
import { X509Certificate, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clearInspectionCaches, readPemOrDer } from '../../../src/core/inspect';
import type { CertificateInfo, CsrInfo, FileReadResult, PrivateKeyInfo } from '../../../src/core/inspect';
import type { InspectFixtures } from '../../helpers/inspectFixtures';
import { makeInspectFixtures, openssl } from '../../helpers/inspectFixtures';

let fixtures: InspectFixtures;
let NOW: Date;

before(async () => {
  fixtures = await makeInspectFixtures();
  NOW = new Date(Date.now() + 1000);
});
after(async () => {
  await fixtures.cleanup();
});

async function read(dir: string, name: string, now?: Date): Promise<FileReadResult> {
  const path = join(dir, name);
  return readPemOrDer(await readFile(path), path, now ?? NOW);
}

function onlyCertificate(result: FileReadResult): CertificateInfo {
  assert.deepEqual(result.errors, []);
  assert.equal(result.objects.length, 1);
  const [object] = result.objects;
  assert.equal(object?.kind, 'certificate');
  return object;
}

function onlyKey(result: FileReadResult): PrivateKeyInfo {
  assert.deepEqual(result.errors, []);
  const keys = result.objects.filter((object) => object.kind === 'private-key');
  assert.equal(keys.length, 1);
  return keys[0] as PrivateKeyInfo;
}

describe('reading certificates', () => {
  it('reads an RSA root: subject, serial, validity, key size, constraints, usage, fingerprint', async () => {
    const root = onlyCertificate(await read(fixtures.chain, 'root.pem'));
    const x509 = new X509Certificate(await readFile(join(fixtures.chain, 'root.pem')));
    assert.equal(root.commonName, 'Test Root CA');
    assert.equal(root.subject, 'O=milvus-tls tests, CN=Test Root CA');
    assert.equal(root.issuer, root.subject);
    assert.equal(root.serialNumber, x509.serialNumber.toUpperCase());
    assert.equal(root.fingerprintSha256, x509.fingerprint256);
    assert.equal(root.notAfter, new Date(x509.validTo).toISOString());
    assert.equal(root.daysLeft, 3650, 'issued for 3650 days a moment before NOW');
    assert.deepEqual({ algorithm: root.publicKey.algorithm, bits: root.publicKey.bits }, { algorithm: 'rsa', bits: 2048 });
    assert.equal(root.signatureAlgorithm.name, 'sha256WithRSAEncryption');
    assert.equal(root.signatureAlgorithm.oid, '1.2.840.113549.1.1.11');
    assert.deepEqual(root.basicConstraints, { ca: true, pathLength: undefined, critical: true });
    assert.deepEqual(root.keyUsage, ['keyCertSign', 'cRLSign']);
    assert.equal(root.extendedKeyUsage, undefined);
    assert.equal(root.selfSigned, true);
    assert.equal(root.role, 'ca');
    assert.equal(root.version, 3);
    assert.deepEqual(root.range, { startLine: 0, endLine: root.pem.trim().split('\n').length - 1 });
  });

  it('reads an ECDSA P-256 intermediate with its path length', async () => {
    const intermediate = onlyCertificate(await read(fixtures.chain, 'intermediate.pem'));
    assert.equal(intermediate.publicKey.description, 'EC P-256');
    assert.equal(intermediate.publicKey.curve, 'P-256');
    assert.equal(intermediate.basicConstraints?.pathLength, 0);
    assert.equal(intermediate.selfSigned, false);
  });

  it('reads an Ed25519 server certificate with every SAN type and its EKU', async () => {
    const server = onlyCertificate(await read(fixtures.chain, 'server.pem'));
    assert.equal(server.publicKey.description, 'Ed25519');
    assert.equal(server.signatureAlgorithm.name, 'ecdsa-with-SHA256');
    assert.deepEqual(server.sans, {
      dns: ['milvus.local', 'localhost'],
      ip: ['127.0.0.1', '::1'],
      email: ['ops@example.com'],
      uri: ['spiffe://milvus/server'],
    });
    assert.deepEqual(server.extendedKeyUsage, ['serverAuth']);
    assert.equal(server.role, 'server');
    assert.equal(server.issuerCommonName, 'Test Intermediate CA');
  });

  it('reads every certificate of a bundle, in order, with distinct ids and ranges', async () => {
    const result = await read(fixtures.chain, 'bundle.pem');
    assert.deepEqual(result.errors, []);
    const certificates = result.objects as CertificateInfo[];
    assert.deepEqual(
      certificates.map((cert) => cert.commonName),
      ['milvus.local', 'Test Intermediate CA', 'Test Root CA'],
    );
    assert.equal(new Set(certificates.map((cert) => cert.id)).size, 3);
    assert.ok((certificates[1]?.range?.startLine ?? 0) > (certificates[0]?.range?.endLine ?? 0));
  });

  it('reads a DER certificate', async () => {
    const der = onlyCertificate(await read(fixtures.chain, 'root.der'));
    const pem = onlyCertificate(await read(fixtures.chain, 'root.pem'));
    assert.equal(der.format, 'der');
    assert.equal(der.range, undefined);
    assert.equal(der.fingerprintSha256, pem.fingerprintSha256);
  });

  it('computes days left from the injected now', async () => {
    const later = new Date(NOW.getTime() + 400 * 86_400_000);
    const server = onlyCertificate(await read(fixtures.chain, 'server.pem', later));
    assert.ok(server.daysLeft < 0);
  });

  it('reads SHA-1, RSA 1024 and out-of-window certificates (the lint judges them, not the reader)', async () => {
    assert.equal(onlyCertificate(await read(fixtures.problems, 'sha1-signed.pem')).signatureAlgorithm.hash, 'sha1');
    assert.equal(onlyCertificate(await read(fixtures.problems, 'rsa1024.pem')).publicKey.bits, 1024);
    const expired = onlyCertificate(await read(fixtures.problems, 'expired.pem'));
    assert.equal(expired.notBefore, '2020-01-01T00:00:00.000Z');
    assert.equal(expired.notAfter, '2020-03-01T00:00:00.000Z');
    // 2100 is past UTCTime's range: this one is GeneralizedTime.
    assert.equal(onlyCertificate(await read(fixtures.problems, 'not-yet-valid.pem')).notAfter, '2100-01-01T00:00:00.000Z');
  });
});

describe('reading keys and requests', () => {
  it('reads PKCS#8, PKCS#1 and SEC1 keys by their public half', async () => {
    const pkcs8 = onlyKey(await read(fixtures.chain, 'server.key'));
    assert.deepEqual([pkcs8.label, pkcs8.encoding, pkcs8.publicKey?.description], ['PRIVATE KEY', 'pkcs8', 'Ed25519']);
    const pkcs1 = onlyKey(await read(fixtures.chain, 'client.key'));
    assert.deepEqual([pkcs1.label, pkcs1.encoding, pkcs1.publicKey?.description], ['RSA PRIVATE KEY', 'pkcs1', 'RSA 2048']);
    const sec1 = onlyKey(await read(fixtures.chain, 'intermediate.key'));
    assert.deepEqual([sec1.label, sec1.encoding, sec1.publicKey?.description], ['EC PRIVATE KEY', 'sec1', 'EC P-256']);
    const certificate = onlyCertificate(await read(fixtures.chain, 'intermediate.pem'));
    assert.equal(sec1.publicKey?.spkiSha256, certificate.publicKey.spkiSha256);
  });

  it('never prints key material: no field of a key holds its base64', async () => {
    const text = await readFile(join(fixtures.chain, 'client.key'), 'utf8');
    const body = text.split('\n')[1] ?? '';
    const key = onlyKey(await read(fixtures.chain, 'client.key'));
    assert.ok(!JSON.stringify(key).includes(body.slice(0, 40)));
  });

  it('detects encrypted keys, PKCS#8 and legacy Proc-Type, without decrypting them', async () => {
    const pkcs8 = onlyKey(await read(fixtures.chain, 'encrypted-pkcs8.key'));
    assert.deepEqual([pkcs8.encrypted, pkcs8.publicKey], [true, undefined]);
    const legacy = onlyKey(await read(fixtures.chain, 'encrypted-legacy.key'));
    assert.deepEqual([legacy.encrypted, legacy.label, legacy.publicKey], [true, 'EC PRIVATE KEY', undefined]);
  });

  it('accepts EC PARAMETERS before an EC key (openssl ecparam -genkey) without an error', async () => {
    await openssl(fixtures.root, 'ecparam', '-name', 'prime256v1', '-genkey', '-out', 'with-params.key');
    const result = await read(fixtures.root, 'with-params.key');
    assert.deepEqual(
      result.objects.map((object) => object.kind),
      ['other', 'private-key'],
    );
  });

  it('reads a DER private key', async () => {
    await openssl(fixtures.root, 'pkey', '-in', join(fixtures.chain, 'server.key'), '-outform', 'DER', '-out', 'server-key.der');
    const key = onlyKey(await read(fixtures.root, 'server-key.der'));
    assert.equal(key.format, 'der');
    assert.equal(key.publicKey?.description, 'Ed25519');
  });

  it('shows a CSR subject, requested SANs and key', async () => {
    const result = await read(fixtures.chain, 'server.csr');
    assert.deepEqual(result.errors, []);
    const csr = result.objects[0] as CsrInfo;
    assert.equal(csr.kind, 'csr');
    assert.equal(csr.commonName, 'milvus.local');
    assert.deepEqual(csr.sans.dns, ['milvus.local']);
    assert.equal(csr.publicKey?.description, 'Ed25519');
  });
});

describe('reading junk', () => {
  const cases: [string, string][] = [
    ['empty.pem', 'file-empty'],
    ['binary.crt', 'file-not-pem-or-der'],
    ['binary-sequence.der', 'file-not-pem-or-der'],
    ['truncated.pem', 'pem-truncated'],
    ['corrupted.pem', 'pem-bad-base64'],
    ['unknown-label.pem', 'pem-unknown-label'],
    ['notes.pem', 'file-not-pem-or-der'],
  ];
  for (const [name, code] of cases) {
    it(`reports ${name} as ${code}`, async () => {
      const result = await read(fixtures.junk, name);
      assert.deepEqual(result.objects, []);
      assert.deepEqual(
        result.errors.map((error) => error.code),
        [code],
      );
      assert.ok((result.errors[0]?.message.length ?? 0) > 20);
    });
  }

  it('reports a certificate block whose base64 decodes to garbage as cert-unparsable', () => {
    const result = readPemOrDer(
      Buffer.from(`-----BEGIN CERTIFICATE-----\n${randomBytes(300).toString('base64')}\n-----END CERTIFICATE-----\n`),
      'x.pem',
    );
    assert.deepEqual(
      result.errors.map((error) => error.code),
      ['cert-unparsable'],
    );
  });

  it('keeps the good blocks of a file with one broken block', async () => {
    const good = await readFile(join(fixtures.chain, 'root.pem'), 'utf8');
    const result = readPemOrDer(Buffer.from(`${good}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${good}`), 'mixed.pem');
    assert.equal(result.objects.length, 2);
    assert.deepEqual(
      result.errors.map((error) => error.code),
      ['cert-unparsable'],
    );
  });

  it('never throws on any prefix of a certificate, PEM or DER, or on random bytes', async () => {
    const pem = await readFile(join(fixtures.chain, 'bundle.pem'));
    const der = await readFile(join(fixtures.chain, 'root.der'));
    for (let length = 0; length < pem.length; length += 7) readPemOrDer(pem.subarray(0, length), 'cut.pem');
    for (let length = 0; length < der.length; length++) readPemOrDer(der.subarray(0, length), 'cut.der');
    for (let i = 0; i < 200; i++) {
      const bytes = randomBytes(1 + (i % 64));
      bytes[0] = 0x30;
      readPemOrDer(bytes, 'random.der');
    }
    // Flip each byte of a DER certificate: every variant reads or errors, none throws.
    for (let i = 0; i < der.length; i += 3) {
      const flipped = Buffer.from(der);
      flipped[i] = (flipped[i] ?? 0) ^ 0xff;
      const result = readPemOrDer(flipped, 'flipped.der');
      assert.equal(result.objects.length + result.errors.length >= 1, true);
    }
  });
});

describe('parse cache', () => {
  it('gives every copy of a certificate its own objects, and survives being cleared', async () => {
    const bytes = await readFile(join(fixtures.chain, 'server.pem'));
    const first = readPemOrDer(bytes, '/a/server.pem', NOW).objects[0] as CertificateInfo;
    const second = readPemOrDer(bytes, '/b/client.pem', NOW).objects[0] as CertificateInfo;
    first.sans.dns.push('mutated');
    assert.deepEqual(second.sans.dns, ['milvus.local', 'localhost']);
    assert.deepEqual([first.file, second.file], ['/a/server.pem', '/b/client.pem']);
    clearInspectionCaches();
    const third = readPemOrDer(bytes, '/c/server.pem', NOW).objects[0] as CertificateInfo;
    assert.equal(third.fingerprintSha256, second.fingerprintSha256);
  });
});
