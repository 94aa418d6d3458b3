// Our sets, for every key type, against OpenSSL and Node's tls: the chain and profile check out with
// the openssl CLI, and real loopback handshakes succeed one-way and as the Milvus proxy in tlsMode 2.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as tls from 'node:tls';
import { KEY_TYPES } from '../../../src/core/pki/types';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';
import { checkCertificateSetWithOpenssl } from '../../helpers/opensslChecks';
import { runProcess, startPeer } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

interface SetFiles {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

async function readSet(dir: string): Promise<SetFiles> {
  const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');
  return {
    ca: await read('ca.pem'),
    serverCert: await read('server.pem'),
    serverKey: await read('server.key'),
    clientCert: await read('client.pem'),
    clientKey: await read('client.key'),
  };
}

/** Resolves with the first of `events` the socket emits; rejects on 'error'. Never waits forever on one event alone. */
function firstEvent(socket: tls.TLSSocket, events: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const listeners = events.map((event) => [event, () => settle(() => resolve(event))] as const);
    const onError = (error: Error): void => settle(() => reject(error));
    const settle = (done: () => void): void => {
      for (const [event, listener] of listeners) socket.off(event, listener);
      socket.off('error', onError);
      done();
    };
    for (const [event, listener] of listeners) socket.once(event, listener);
    socket.once('error', onError);
  });
}

/** One handshake between a Node server and a Node client; resolves with what each side saw. */
async function nodeHandshake(
  serverOptions: tls.TlsOptions,
  clientOptions: tls.ConnectionOptions,
): Promise<{ clientAuthorized: boolean; clientError?: string; serverPeerCn?: string; protocol: string | null }> {
  const server = tls.createServer(serverOptions, (socket) => socket.end('milvus\n'));
  server.on('tlsClientError', () => undefined);
  let serverPeerCn: string | undefined;
  server.on('secureConnection', (socket: tls.TLSSocket) => {
    const cn = socket.getPeerCertificate().subject?.CN;
    serverPeerCn = Array.isArray(cn) ? cn.join() : cn;
  });
  server.listen(0, '127.0.0.1');
  try {
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const socket = tls.connect({ host: '127.0.0.1', port, ...clientOptions });
    try {
      await Promise.race([
        once(socket, 'secureConnect'),
        once(socket, 'error').then(([error]) => {
          throw error;
        }),
      ]);
      // TLS 1.3: the server judges the client certificate after the client finished; read to learn the verdict.
      // A rejection may close the connection with no data and no error: wait for whichever comes first.
      const verdict = await firstEvent(socket, ['data', 'end', 'close']);
      if (verdict !== 'data') {
        return { clientAuthorized: false, clientError: `the server closed the connection (${verdict})`, protocol: null };
      }
      return { clientAuthorized: socket.authorized, serverPeerCn, protocol: socket.getProtocol() };
    } catch (error) {
      return { clientAuthorized: false, clientError: (error as Error).message, protocol: null };
    } finally {
      socket.destroy();
    }
  } finally {
    server.close();
  }
}

for (const keyType of KEY_TYPES) {
  describe(`${keyType} certificate set`, () => {
    let dir = '';
    let files: SetFiles;
    let cleanup: () => Promise<void> = () => Promise.resolve();
    before(async () => {
      ({ dir, cleanup } = await makeTempDir(`handshake-${keyType}`));
      await writeGeneratedSet(dir, { keyType, serverSans: ['localhost', '127.0.0.1', '::1', 'milvus.example.com'] });
      files = await readSet(dir);
    });
    after(() => cleanup());

    it('passes openssl verify, x509 -text (SAN, EKU, CA) and req -verify', async () => {
      await checkCertificateSetWithOpenssl(dir, { serverSans: ['DNS:localhost', 'IP Address:127.0.0.1', 'DNS:milvus.example.com'] });
    });

    it('handshakes mutually with openssl s_server / s_client over TLS 1.3', async () => {
      const server = startPeer(
        'openssl',
        [
          's_server',
          '-accept',
          '127.0.0.1:0',
          '-naccept',
          '1',
          '-cert',
          'server.pem',
          '-key',
          'server.key',
          '-CAfile',
          'ca.pem',
          '-Verify',
          '1',
          '-verify_return_error',
          '-tls1_3',
        ],
        { cwd: dir },
      );
      try {
        const port = (await server.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/))[1] ?? '';
        const client = await runProcess(
          'openssl',
          [
            's_client',
            '-connect',
            `127.0.0.1:${port}`,
            '-servername',
            'localhost',
            '-verify_hostname',
            'localhost',
            '-CAfile',
            'ca.pem',
            '-cert',
            'client.pem',
            '-key',
            'client.key',
            '-verify_return_error',
            '-tls1_3',
            '-brief',
          ],
          { cwd: dir, timeoutMs: 30_000 },
        );
        const clientOutput = client.stdout + client.stderr;
        assert.equal(client.code, 0, clientOutput);
        assert.match(clientOutput, /Verification: OK/);
        assert.match(clientOutput, /Verified peername: localhost/);
        assert.match(clientOutput, /Protocol version: TLSv1\.3/);
        await server.waitFor(/subject=CN ?= ?milvus-client/);
      } finally {
        await server.stop();
      }
    });

    it('handshakes one-way with Node tls (CA as trust root, servername = CN, and by IP SAN)', async () => {
      const byName = await nodeHandshake({ key: files.serverKey, cert: files.serverCert }, { ca: files.ca, servername: 'localhost' });
      assert.equal(byName.clientError, undefined);
      assert.equal(byName.clientAuthorized, true);
      const byIp = await nodeHandshake({ key: files.serverKey, cert: files.serverCert }, { ca: files.ca });
      assert.equal(byIp.clientError, undefined, 'Node checks 127.0.0.1 against the IP SAN');
      assert.equal(byIp.clientAuthorized, true);
    });

    it('handshakes mutually with Node tls configured as the Milvus proxy in tlsMode 2', async () => {
      const proxyMode2: tls.TlsOptions = {
        key: files.serverKey,
        cert: files.serverCert,
        ca: files.ca,
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.3',
      };
      const result = await nodeHandshake(proxyMode2, {
        ca: files.ca,
        servername: 'localhost',
        key: files.clientKey,
        cert: files.clientCert,
      });
      assert.equal(result.clientError, undefined);
      assert.equal(result.clientAuthorized, true);
      assert.equal(result.serverPeerCn, 'milvus-client');
      assert.equal(result.protocol, 'TLSv1.3');
      // The control: the same server turns away a client without a certificate, so this test can fail.
      const anonymous = await nodeHandshake(proxyMode2, { ca: files.ca, servername: 'localhost' });
      assert.match(anonymous.clientError ?? '', /certificate required|alert/i);
    });
  });
}
