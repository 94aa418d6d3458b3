// Certificates for the connection tests, made at test time with the openssl CLI into a temp dir, so
// the tests never depend on the project's own generator (they test the engine, not the generator)
// and no fixture can silently expire. EC P-256 keys: instant to generate on a shared, busy CPU.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requestArgs, selfSignedArgs, signRequestArgs } from './opensslArgs';

const run = promisify(execFile);

export interface PemPair {
  certPem: string;
  keyPem: string;
  certPath: string;
  keyPath: string;
}

export interface TestPki {
  dir: string;
  /** The trusted CA: ca.pem as Milvus' tls.caPemPath and the client's root. */
  ca: PemPair;
  /** A second, unrelated CA ("wrong CA"). */
  otherCa: PemPair;
  /** SAN DNS:localhost + IP:127.0.0.1, EKU serverAuth: what every client accepts. */
  server: PemPair;
  /** CN=localhost and no SAN at all: Node accepts it, Go refuses it. */
  serverCnOnly: PemPair;
  /** Valid SANs, but notAfter in 2020. */
  serverExpired: PemPair;
  /** A self-signed server certificate (no CA). */
  serverSelfSigned: PemPair;
  /** EKU clientAuth, signed by `ca`. */
  client: PemPair;
  /** EKU serverAuth only (the Milvus docs' gen.sh mistake), signed by `ca`. */
  clientServerAuthOnly: PemPair;
  /** EKU clientAuth, signed by `otherCa`. */
  clientOtherCa: PemPair;
  cleanup(): Promise<void>;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd: dir });
}

async function pair(dir: string, name: string): Promise<PemPair> {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}.key`);
  return { certPath, keyPath, certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
}

async function makeCa(dir: string, name: string, cn: string): Promise<PemPair> {
  await openssl(
    dir,
    selfSignedArgs(name, `/CN=${cn}`, '365', ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign']),
  );
  return pair(dir, name);
}

/** A leaf signed by `ca` with the given v3 extension lines (openssl x509 -extfile syntax). */
async function makeLeaf(dir: string, name: string, cn: string, ca: string, extensions: string[]): Promise<PemPair> {
  await openssl(dir, requestArgs(name, `/CN=${cn}`));
  await writeFile(join(dir, `${name}.ext`), `${extensions.join('\n')}\n`);
  await openssl(dir, signRequestArgs(name, ca, '365', `${name}.ext`));
  return pair(dir, name);
}

// `openssl x509 -req` in OpenSSL 3.0 cannot back-date; `openssl ca` can (-startdate/-enddate), and it
// needs a minimal CA database to do so.
async function makeExpiredLeaf(dir: string, name: string, ca: string, extensions: string[]): Promise<PemPair> {
  await openssl(dir, requestArgs(name, '/CN=localhost'));
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await writeFile(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      'dir = .',
      'database = index.txt',
      'new_certs_dir = .',
      'serial = serial',
      'default_md = sha256',
      'policy = anything',
      'unique_subject = no',
      'x509_extensions = leaf',
      '[anything]',
      'commonName = supplied',
      '[leaf]',
      ...extensions,
      '',
    ].join('\n'),
  );
  await openssl(dir, [
    'ca',
    '-batch',
    '-notext',
    '-config',
    'ca.cnf',
    '-cert',
    `${ca}.pem`,
    '-keyfile',
    `${ca}.key`,
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200201000000Z',
    '-in',
    `${name}.csr`,
    '-out',
    `${name}.pem`,
  ]);
  return pair(dir, name);
}

const SERVER_EXT = [
  'basicConstraints=CA:FALSE',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage=serverAuth',
  'subjectAltName=DNS:localhost,IP:127.0.0.1',
];

export async function createTestPki(): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'milvus-tls-pki-'));
  const ca = await makeCa(dir, 'ca', 'Milvus TLS Test CA');
  const otherCa = await makeCa(dir, 'other-ca', 'Some Other CA');
  const server = await makeLeaf(dir, 'server', 'localhost', 'ca', SERVER_EXT);
  const serverCnOnly = await makeLeaf(dir, 'server-cn-only', 'localhost', 'ca', ['basicConstraints=CA:FALSE']);
  const serverExpired = await makeExpiredLeaf(dir, 'server-expired', 'ca', SERVER_EXT);
  await openssl(dir, selfSignedArgs('server-self-signed', '/CN=localhost', '365', ['subjectAltName=DNS:localhost,IP:127.0.0.1']));
  const serverSelfSigned = await pair(dir, 'server-self-signed');
  const clientExt = (eku: string) => ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature', `extendedKeyUsage=${eku}`];
  const client = await makeLeaf(dir, 'client', 'milvus-client', 'ca', clientExt('clientAuth'));
  const clientServerAuthOnly = await makeLeaf(dir, 'client-server-auth', 'milvus-client', 'ca', clientExt('serverAuth'));
  const clientOtherCa = await makeLeaf(dir, 'client-other-ca', 'milvus-client', 'other-ca', clientExt('clientAuth'));
  return {
    dir,
    ca,
    otherCa,
    server,
    serverCnOnly,
    serverExpired,
    serverSelfSigned,
    client,
    clientServerAuthOnly,
    clientOtherCa,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * One more server certificate signed by `pki.ca` (SAN localhost and 127.0.0.1, EKU serverAuth), with a
 * CommonName of its own: a scenario can then tell its details apart from every other certificate's.
 */
export async function issueServerCertificate(pki: TestPki, name: string, commonName: string): Promise<PemPair> {
  return makeLeaf(pki.dir, name, commonName, 'ca', SERVER_EXT);
}

/** server.pem, server.key and ca.pem copied into `folder` (made if missing), as a Milvus tls/ folder holds them. */
export async function copyServerCertificates(pki: TestPki, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [from, to] of [
    [pki.server.certPath, 'server.pem'],
    [pki.server.keyPath, 'server.key'],
    [pki.ca.certPath, 'ca.pem'],
  ] as const) {
    await copyFile(from, join(folder, to));
  }
}
