// Go's crypto/tls is what Milvus itself and Go clients run, and it is the strictest peer: no Common
// Name fallback, extended key usage enforced on both sides. Our sets must pass it for every key type,
// and the two classic mistakes must fail it, which proves these tests can fail.
import assert from 'node:assert/strict';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KEY_TYPES } from '../../../src/core/pki/types';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';
import { buildGoPeer, runGoClient, startGoServer } from '../../helpers/goPeer';
import { openssl } from '../../helpers/opensslChecks';
import { REPO_ROOT, runCli, runProcess, type ProcessResult } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import { requestArgs } from '../../helpers/opensslArgs';

function setFiles(dir: string) {
  return {
    ca: join(dir, 'ca.pem'),
    server: { cert: join(dir, 'server.pem'), key: join(dir, 'server.key'), ca: join(dir, 'ca.pem') },
    client: { cert: join(dir, 'client.pem'), key: join(dir, 'client.key') },
  };
}

function output(result: ProcessResult): string {
  return `exit ${String(result.code)}\n${result.stdout}${result.stderr}`;
}

describe('Go crypto/tls (the Milvus proxy in tlsMode 2, and a Go client)', () => {
  let root = '';
  let peer = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('go'));
    peer = await buildGoPeer(root);
  });
  after(() => cleanup());

  for (const keyType of KEY_TYPES) {
    it(`accepts our ${keyType} set both ways: server name = CN, and by IP SAN`, async () => {
      const dir = join(root, keyType);
      await writeGeneratedSet(dir, { keyType });
      const files = setFiles(dir);
      for (const serverName of ['localhost', '127.0.0.1']) {
        const { peer: server, port } = await startGoServer(peer, files.server);
        try {
          const client = await runGoClient(peer, port, { ca: files.ca, serverName, ...files.client });
          assert.equal(client.code, 0, output(client));
          assert.match(client.stdout, /HANDSHAKE OK localhost/, 'the client verified the server');
          await server.waitFor(/HANDSHAKE OK milvus-client/);
        } finally {
          await server.stop();
        }
      }
    });
  }

  it('rejects the docs\' gen.sh server certificate ("legacy Common Name field"), accepts it reissued with --reuse-ca', async () => {
    const dir = join(root, 'docs');
    await mkdir(dir);
    for (const name of ['gen.sh', 'openssl.cnf']) await copyFile(join(REPO_ROOT, 'test', 'fixtures', 'milvus-docs', name), join(dir, name));
    const generated = await runProcess('sh', ['./gen.sh'], { cwd: dir });
    assert.equal(generated.code, 0, output(generated));
    const files = setFiles(dir);
    const { peer: server, port } = await startGoServer(peer, files.server);
    try {
      const client = await runGoClient(peer, port, { ca: files.ca, serverName: 'localhost', ...files.client });
      assert.equal(client.code, 1, output(client));
      assert.match(client.stdout, /x509: certificate relies on legacy Common Name field, use SANs instead/);
    } finally {
      await server.stop();
    }
    // The fix without a new CA: reissue the leaves from the docs' own ca.pem/ca.key; now Go accepts them.
    const caBefore = await readFile(files.ca);
    const reissued = await runCli(['generate', '--out', dir, '--reuse-ca']);
    assert.equal(reissued.code, 0, output(reissued));
    assert.deepEqual(await readFile(files.ca), caBefore);
    const fixed = await startGoServer(peer, files.server);
    try {
      const client = await runGoClient(peer, fixed.port, { ca: files.ca, serverName: 'localhost', ...files.client });
      assert.equal(client.code, 0, output(client));
      await fixed.peer.waitFor(/HANDSHAKE OK milvus-client/);
    } finally {
      await fixed.peer.stop();
    }
  });

  it('rejects a client certificate with only serverAuth (the docs\' mistake): "incompatible key usage"', async () => {
    const dir = join(root, 'server-auth-client');
    await writeGeneratedSet(dir, { keyType: 'ecdsa-p256' });
    // Signed by our CA with openssl, exactly like the docs' v3_req: extendedKeyUsage = serverAuth.
    await writeFile(
      join(dir, 'server-auth.ext'),
      'basicConstraints = CA:FALSE\nkeyUsage = digitalSignature\nextendedKeyUsage = serverAuth\n',
    );
    await openssl(requestArgs('bad-client', '/CN=milvus-client'), dir);
    await openssl(
      [
        'x509',
        '-req',
        '-in',
        'bad-client.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-set_serial',
        '4242',
        '-days',
        '30',
        '-extfile',
        'server-auth.ext',
        '-out',
        'bad-client.pem',
      ],
      dir,
    );
    await chmod(join(dir, 'bad-client.key'), 0o600);
    const files = setFiles(dir);
    const { peer: server, port } = await startGoServer(peer, files.server);
    try {
      const client = await runGoClient(peer, port, {
        ca: files.ca,
        serverName: 'localhost',
        cert: join(dir, 'bad-client.pem'),
        key: join(dir, 'bad-client.key'),
      });
      assert.equal(client.code, 1, output(client));
      await server.waitFor(/HANDSHAKE ERROR .*x509: certificate specifies an incompatible key usage/);
    } finally {
      await server.stop();
    }
  });
});
