// The acceptance matrix of a CA rotation with real peers, run through the CLI as a user would. At each
// phase Milvus restarts with the folder's files: a Go server configured like the proxy in tlsMode 2
// (RequireAndVerifyClientCert, ClientCAs = ca.pem, TLS 1.3) must accept exactly the client
// certificates it should, and the Go client and a grpc-js client configured like the Node SDK must
// trust the server exactly when the CA file they hold allows it.
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildGoPeer, runGoClient, startGoServer } from '../../helpers/goPeer';
import { nodeSdkGetVersion } from '../../helpers/grpcJsClient';
import { buildGoMilvusServer, startGoMilvusServer } from '../../helpers/servers/goMilvusServer';
import { runCli } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

/** What a client holds: its CA file, and its own certificate and key. */
interface ClientKit {
  name: string;
  caPath: string;
  certPath: string;
  keyPath: string;
}

type Expect = 'accepted' | 'server-refuses-client' | 'client-distrusts-server';

describe('CA rotation with real peers: every client is let in exactly when it should be', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let goPeer = '';
  let goMilvus = '';
  let tls = '';
  const kits = new Map<string, ClientKit>();

  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('rotation-peers'));
    [goPeer, goMilvus] = await Promise.all([buildGoPeer(root), buildGoMilvusServer(root)]);
    tls = join(root, 'tls');
    const generated = await runCli(['generate', '--out', tls, '--key', 'ecdsa-p256']);
    assert.equal(generated.code, 0, generated.stderr);
  });
  after(() => cleanup());

  /** Copies what a client would have been given at this moment. */
  async function keepKit(name: string, caFrom: string, certFrom: string, keyFrom: string): Promise<void> {
    const dir = join(root, 'clients', name);
    await mkdir(dir, { recursive: true });
    const kit = { name, caPath: join(dir, 'ca.pem'), certPath: join(dir, 'client.pem'), keyPath: join(dir, 'client.key') };
    await copyFile(caFrom, kit.caPath);
    await copyFile(certFrom, kit.certPath);
    await copyFile(keyFrom, kit.keyPath);
    kits.set(name, kit);
  }

  async function phase(name: string): Promise<void> {
    const result = await runCli(['rotate', name, '--dir', tls]);
    assert.equal(result.code, 0, `rotate ${name}: ${result.stderr}${result.stdout}`);
  }

  async function goOutcome(kit: ClientKit): Promise<Expect> {
    const { peer, port } = await startGoServer(goPeer, {
      cert: join(tls, 'server.pem'),
      key: join(tls, 'server.key'),
      ca: join(tls, 'ca.pem'),
    });
    try {
      const client = await runGoClient(goPeer, port, { ca: kit.caPath, serverName: 'localhost', cert: kit.certPath, key: kit.keyPath });
      const said = client.stdout + client.stderr;
      if (client.code === 0 && /HANDSHAKE OK/.test(said)) return 'accepted';
      if (/certificate signed by unknown authority/.test(said)) return 'client-distrusts-server';
      if (/remote error: tls: (bad certificate|unknown certificate authority)/.test(said)) return 'server-refuses-client';
      throw new Error(`unexpected Go client outcome for ${kit.name}: ${said}`);
    } finally {
      await peer.stop();
    }
  }

  async function nodeSdkOutcome(kit: ClientKit, port: number): Promise<Expect> {
    try {
      await nodeSdkGetVersion({ port, serverName: 'localhost', caPath: kit.caPath, certPath: kit.certPath, keyPath: kit.keyPath });
      return 'accepted';
    } catch (error) {
      const details = (error as { details?: string }).details ?? String(error);
      // grpc-js reports a failed handshake as UNAVAILABLE; OpenSSL's reason is in the details: its own
      // verification error, or the alert Go's server sent (42, bad certificate) for the client certificate.
      if (/unable to verify the first certificate|unable to get local issuer certificate/.test(details)) return 'client-distrusts-server';
      if (/alert bad certificate|SSL alert number 42/.test(details)) return 'server-refuses-client';
      throw new Error(`unexpected grpc-js outcome for ${kit.name}: ${details}`);
    }
  }

  /** Milvus restarted with the folder as it is now; each client tried with both client stacks. */
  async function assertMatrix(label: string, expected: Record<string, Expect>): Promise<void> {
    const server = await startGoMilvusServer(
      goMilvus,
      2,
      { certPath: join(tls, 'server.pem'), keyPath: join(tls, 'server.key'), certPem: '', keyPem: '' },
      join(tls, 'ca.pem'),
    );
    try {
      for (const [name, expect] of Object.entries(expected)) {
        const kit = kits.get(name);
        assert.ok(kit, name);
        assert.equal(await goOutcome(kit), expect, `${label}: Go client "${name}"`);
        assert.equal(await nodeSdkOutcome(kit, server.port), expect, `${label}: grpc-js (Node SDK) client "${name}"`);
      }
    } finally {
      await server.close();
    }
  }

  it('before, after start, after reissue and after finish', async () => {
    await keepKit('old CA file, old certificate', join(tls, 'ca.pem'), join(tls, 'client.pem'), join(tls, 'client.key'));
    await assertMatrix('before the rotation', { 'old CA file, old certificate': 'accepted' });

    await phase('start');
    await keepKit('bundle, old certificate', join(tls, 'ca.pem'), join(tls, 'client.pem'), join(tls, 'client.key'));
    await assertMatrix('after start', {
      'old CA file, old certificate': 'accepted',
      'bundle, old certificate': 'accepted',
    });

    await phase('reissue');
    await keepKit('bundle, new certificate', join(tls, 'ca.pem'), join(tls, 'client.pem'), join(tls, 'client.key'));
    await assertMatrix('after reissue', {
      // This client skipped "give every client the new ca.pem": it cannot trust the new server certificate.
      'old CA file, old certificate': 'client-distrusts-server',
      'bundle, old certificate': 'accepted',
      'bundle, new certificate': 'accepted',
    });

    await phase('finish');
    await keepKit('new CA file, new certificate', join(tls, 'ca.pem'), join(tls, 'client.pem'), join(tls, 'client.key'));
    await assertMatrix('after finish', {
      'bundle, old certificate': 'server-refuses-client',
      'bundle, new certificate': 'accepted',
      'new CA file, new certificate': 'accepted',
    });
  });
});
