// Certificate fixtures for the inspection tests, made at test time with openssl into a temp dir:
// a good chain (RSA root -> ECDSA intermediate -> Ed25519 server + RSA client), one certificate
// per lint rule, and junk files. Nothing here depends on our own generator (src/core/pki).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function openssl(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('openssl', args, { cwd });
  return stdout;
}

export interface InspectFixtures {
  root: string;
  chain: string;
  problems: string;
  junk: string;
  cleanup: () => Promise<void>;
}

async function ecKey(dir: string, name: string): Promise<void> {
  await openssl(dir, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', name);
}

async function extFile(dir: string, name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `[ext]\n${lines.join('\n')}\n`);
  return path;
}

/** Makes a CSR for `keyFile` and signs it with caPem/caKey (openssl x509 -req). */
async function issue(
  dir: string,
  options: {
    key: string;
    out: string;
    subject: string;
    caPem: string;
    caKey: string;
    ext: string[];
    days?: number;
    digest?: string;
  },
): Promise<void> {
  const csr = `${options.out}.csr`;
  await openssl(dir, 'req', '-new', '-key', options.key, '-subj', options.subject, '-out', csr);
  const ext = await extFile(dir, `${options.out}.ext`, options.ext);
  await openssl(
    dir,
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    options.caPem,
    '-CAkey',
    options.caKey,
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    String(options.days ?? 365),
    `-${options.digest ?? 'sha256'}`,
    '-extfile',
    ext,
    '-extensions',
    'ext',
    '-out',
    options.out,
  );
  await rm(join(dir, csr));
  await rm(ext);
}

async function selfSignedCa(dir: string, key: string, out: string, subject: string, ext: string[]): Promise<void> {
  const extPath = await extFile(dir, `${out}.ext`, ext);
  await openssl(
    dir,
    'req',
    '-x509',
    '-new',
    '-key',
    key,
    '-subj',
    subject,
    '-days',
    '3650',
    '-sha256',
    '-config',
    extPath,
    '-extensions',
    'ext',
    '-out',
    out,
  );
  await rm(extPath);
}

const SERVER_EXT = [
  'basicConstraints = CA:FALSE',
  'keyUsage = critical, digitalSignature, keyEncipherment',
  'extendedKeyUsage = serverAuth',
];
const CA_EXT = ['basicConstraints = critical, CA:TRUE', 'keyUsage = critical, keyCertSign, cRLSign'];

async function makeChain(dir: string): Promise<void> {
  await openssl(dir, 'genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'root.key');
  await selfSignedCa(dir, 'root.key', 'root.pem', '/O=milvus-tls tests/CN=Test Root CA', CA_EXT);
  // SEC1 "EC PRIVATE KEY" for the intermediate.
  await openssl(dir, 'ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'intermediate.key');
  await issue(dir, {
    key: 'intermediate.key',
    out: 'intermediate.pem',
    subject: '/O=milvus-tls tests/CN=Test Intermediate CA',
    caPem: 'root.pem',
    caKey: 'root.key',
    ext: ['basicConstraints = critical, CA:TRUE, pathlen:0', 'keyUsage = critical, keyCertSign, cRLSign'],
    days: 1825,
  });
  // Ed25519 server, PKCS#8.
  await openssl(dir, 'genpkey', '-algorithm', 'ED25519', '-out', 'server.key');
  await openssl(
    dir,
    'req',
    '-new',
    '-key',
    'server.key',
    '-subj',
    '/CN=milvus.local',
    '-addext',
    'subjectAltName = DNS:milvus.local',
    '-out',
    'server.csr',
  );
  await issue(dir, {
    key: 'server.key',
    out: 'server.pem',
    subject: '/CN=milvus.local',
    caPem: 'intermediate.pem',
    caKey: 'intermediate.key',
    ext: [
      ...SERVER_EXT.slice(0, 1),
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = DNS:milvus.local, DNS:localhost, IP:127.0.0.1, IP:::1, email:ops@example.com, URI:spiffe://milvus/server',
    ],
  });
  // PKCS#1 "RSA PRIVATE KEY" client.
  await openssl(dir, 'genrsa', '-traditional', '-out', 'client.key', '2048');
  await issue(dir, {
    key: 'client.key',
    out: 'client.pem',
    subject: '/CN=milvus-client',
    caPem: 'intermediate.pem',
    caKey: 'intermediate.key',
    ext: ['basicConstraints = CA:FALSE', 'keyUsage = critical, digitalSignature', 'extendedKeyUsage = clientAuth'],
  });
  const pems = await Promise.all(['server.pem', 'intermediate.pem', 'root.pem'].map((name) => readFile(join(dir, name), 'utf8')));
  await writeFile(join(dir, 'bundle.pem'), pems.join(''));
  await openssl(dir, 'x509', '-in', 'root.pem', '-outform', 'DER', '-out', 'root.der');
  // Encrypted keys: PKCS#8 "ENCRYPTED PRIVATE KEY" and legacy Proc-Type: 4,ENCRYPTED.
  await openssl(
    dir,
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-aes-128-cbc',
    '-pass',
    'pass:secret',
    '-out',
    'encrypted-pkcs8.key',
  );
  await openssl(dir, 'ec', '-in', 'intermediate.key', '-aes128', '-passout', 'pass:secret', '-out', 'encrypted-legacy.key');
  for (const key of ['root.key', 'intermediate.key', 'server.key', 'client.key', 'encrypted-pkcs8.key', 'encrypted-legacy.key']) {
    await chmod(join(dir, key), 0o600);
  }
}

const CA_CONFIG = (dir: string): string => `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
default_md = sha256
policy = policy_anything
unique_subject = no
[ policy_anything ]
commonName = supplied
[ leaf_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:dated.milvus.local
`;

/** Real out-of-window certificates: openssl ca takes explicit start and end dates. */
async function datedCertificate(dir: string, caDir: string, out: string, start: string, end: string): Promise<void> {
  await ecKey(dir, `${out}.key`);
  await openssl(dir, 'req', '-new', '-key', `${out}.key`, '-subj', `/CN=${out}`, '-out', `${out}.csr`);
  await openssl(
    dir,
    'ca',
    '-batch',
    '-config',
    join(caDir, 'ca.cnf'),
    '-cert',
    'pca.pem',
    '-keyfile',
    'pca.key',
    '-in',
    `${out}.csr`,
    '-out',
    `${out}.pem`,
    '-startdate',
    start,
    '-enddate',
    end,
    '-extensions',
    'leaf_ext',
    '-notext',
  );
  await rm(join(dir, `${out}.csr`));
  await chmod(join(dir, `${out}.key`), 0o600);
}

async function makeProblems(dir: string): Promise<void> {
  await ecKey(dir, 'pca.key');
  await selfSignedCa(dir, 'pca.key', 'pca.pem', '/CN=Problem CA', CA_EXT);
  const caDir = join(dir, 'ca-state');
  await mkdir(join(caDir, 'newcerts'), { recursive: true });
  await writeFile(join(caDir, 'index.txt'), '');
  await writeFile(join(caDir, 'serial'), '1000\n');
  await writeFile(join(caDir, 'ca.cnf'), CA_CONFIG(caDir));
  await datedCertificate(dir, caDir, 'expired', '20200101000000Z', '20200301000000Z');
  await datedCertificate(dir, caDir, 'not-yet-valid', '20990101000000Z', '21000101000000Z');
  await rm(caDir, { recursive: true });

  const leaf = async (
    name: string,
    ext: string[],
    options: { subject?: string; caPem?: string; caKey?: string; days?: number; digest?: string; key?: string } = {},
  ): Promise<void> => {
    const key = options.key ?? `${name}.key`;
    if (!options.key) await ecKey(dir, key);
    await issue(dir, {
      key,
      out: `${name}.pem`,
      subject: options.subject ?? `/CN=${name}`,
      caPem: options.caPem ?? 'pca.pem',
      caKey: options.caKey ?? 'pca.key',
      ext,
      days: options.days,
      digest: options.digest,
    });
    await chmod(join(dir, key), 0o600);
  };
  const san = (name: string): string => `subjectAltName = DNS:${name}.milvus.local`;
  await leaf('expiring', [...SERVER_EXT, san('expiring')], { days: 10 });
  await leaf('server-cn-only', SERVER_EXT);
  await leaf('client-wrong-eku', [...SERVER_EXT, san('client-wrong-eku')]);
  await leaf('server-wrong-eku', ['basicConstraints = CA:FALSE', 'extendedKeyUsage = clientAuth', san('server-wrong-eku')]);
  await leaf('sha1-signed', [...SERVER_EXT, san('sha1-signed')], { digest: 'sha1' });
  await openssl(dir, 'genrsa', '-out', 'rsa1024.key', '1024');
  await leaf('rsa1024', [...SERVER_EXT, san('rsa1024')], { key: 'rsa1024.key' });
  // A CA without keyCertSign, and a "CA" with CA:FALSE, each signing a leaf.
  await ecKey(dir, 'ca-no-certsign.key');
  await selfSignedCa(dir, 'ca-no-certsign.key', 'ca-no-certsign.pem', '/CN=CA Without CertSign', [
    'basicConstraints = critical, CA:TRUE',
    'keyUsage = critical, digitalSignature',
  ]);
  await leaf('issued-by-no-certsign', [...SERVER_EXT, san('issued-by-no-certsign')], {
    caPem: 'ca-no-certsign.pem',
    caKey: 'ca-no-certsign.key',
  });
  await ecKey(dir, 'not-a-ca.key');
  await selfSignedCa(dir, 'not-a-ca.key', 'not-a-ca.pem', '/CN=Not A CA', [
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, keyCertSign, digitalSignature',
  ]);
  await leaf('issued-by-not-a-ca', [...SERVER_EXT, san('issued-by-not-a-ca')], { caPem: 'not-a-ca.pem', caKey: 'not-a-ca.key' });
  // The docs' classic mistake: the leaf gets the CA's subject.
  await ecKey(dir, 'same-subject-ca.key');
  await selfSignedCa(dir, 'same-subject-ca.key', 'same-subject-ca.pem', '/CN=localhost', CA_EXT);
  await leaf('same-subject-leaf', [...SERVER_EXT, 'subjectAltName = DNS:localhost'], {
    subject: '/CN=localhost',
    caPem: 'same-subject-ca.pem',
    caKey: 'same-subject-ca.key',
  });
  // Same subject as the Problem CA, different key: issuer links must follow signatures, not names.
  await ecKey(dir, 'impostor-ca.key');
  await selfSignedCa(dir, 'impostor-ca.key', 'impostor-ca.pem', '/CN=Problem CA', CA_EXT);
  await ecKey(dir, 'orphan.key');
  await chmod(join(dir, 'orphan.key'), 0o600);
  // A key for expired.pem readable by everyone (a copy, so expired.key itself stays 0600).
  await copyFile(join(dir, 'expired.key'), join(dir, 'world-readable.key'));
  await chmod(join(dir, 'world-readable.key'), 0o644);
}

async function makeJunk(dir: string, chainDir: string): Promise<void> {
  const rootPem = await readFile(join(chainDir, 'root.pem'), 'utf8');
  await writeFile(join(dir, 'empty.pem'), '');
  await writeFile(join(dir, 'binary.crt'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), randomBytes(4096)]));
  await writeFile(join(dir, 'binary-sequence.der'), Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), randomBytes(100)]));
  await writeFile(join(dir, 'truncated.pem'), rootPem.slice(0, Math.floor(rootPem.length / 2)));
  const lines = rootPem.split('\n');
  lines[3] = `${(lines[3] ?? '').slice(0, 10)}!!!!${(lines[3] ?? '').slice(14)}`;
  await writeFile(join(dir, 'corrupted.pem'), lines.join('\n'));
  await writeFile(join(dir, 'unknown-label.pem'), '-----BEGIN FROBNICATOR-----\nAAAA\n-----END FROBNICATOR-----\n');
  await writeFile(join(dir, 'notes.pem'), 'just some text, no PEM here\n');
  await writeFile(join(dir, 'big.pem'), Buffer.alloc(5 * 1024 * 1024, 0x41));
  await mkdir(join(dir, 'x.pem'));
  await writeFile(join(dir, 'x.pem', 'inside-directory.pem'), rootPem);
  await writeFile(join(dir, 'unreadable.pem'), rootPem);
  await chmod(join(dir, 'unreadable.pem'), 0o000);
  await mkdir(join(dir, 'node_modules', 'pkg'), { recursive: true });
  await writeFile(join(dir, 'node_modules', 'pkg', 'ignored.pem'), rootPem);
  await writeFile(join(dir, 'readme.txt'), 'not a certificate file name, never read\n');
}

export async function makeInspectFixtures(): Promise<InspectFixtures> {
  const root = await mkdtemp(join(tmpdir(), 'milvus-tls-inspect-'));
  const chain = join(root, 'chain');
  const problems = join(root, 'problems');
  const junk = join(root, 'junk');
  const cleanup = (): Promise<void> => rm(root, { recursive: true, force: true });
  try {
    await Promise.all([mkdir(chain), mkdir(problems), mkdir(junk)]);
    await Promise.all([makeChain(chain), makeProblems(problems)]);
    await makeJunk(junk, chain);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { root, chain, problems, junk, cleanup };
}
