// Test Connection through a port-forward: in a folder with a Helm values file and the Secret manifest
// generate --k8s-secret wrote, `milvus-tls ping` and `snippet` dial localhost (where kubectl
// port-forward listens), verify the server as a SAN of the certificate in the Secret (not localhost,
// which it lacks), and say which port-forward to start. The "forwarded" Milvus is a real TLS gRPC
// server on loopback; nothing talks to a cluster.
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { secretManifestFile } from '../../../src/core/kubernetes';
import { generateCertificateSet } from '../../../src/core/pki/generate';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer } from '../../helpers/servers/milvusGrpcServer';
import { runCliIn } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

const SERVICE_NAMES = [
  'my-release-milvus',
  'my-release-milvus.default',
  'my-release-milvus.default.svc',
  'my-release-milvus.default.svc.cluster.local',
];

describe('Test Connection through a port-forward (Kubernetes)', () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;

  before(async () => {
    workspace = await makeTempDir('k8s-ping');
    // The Service names only: no localhost, as a certificate made for the cluster often is.
    const files = await generateCertificateSet(
      defaultCertificateSetOptions({ keyType: 'ecdsa-p256', serverCommonName: SERVICE_NAMES[0], serverSans: SERVICE_NAMES }),
    );
    const pem = (name: string): string => files.find((file) => file.name === name)?.contents ?? '';
    server = await startMilvusGrpcServer({
      mode: 1,
      files: { certPem: pem('server.pem'), keyPem: pem('server.key'), caPem: pem('ca.pem') },
    });
    await mkdir(join(workspace.dir, 'tls'));
    await writeFile(join(workspace.dir, 'tls', 'ca.pem'), pem('ca.pem'));
    await writeFile(
      join(workspace.dir, 'tls', 'milvus-tls.secret.yaml'),
      secretManifestFile('milvus-tls', undefined, files)?.contents ?? '',
    );
    await writeFile(
      join(workspace.dir, 'values.yaml'),
      `cluster:
  enabled: false
volumes:
  - name: milvus-tls
    secret:
      secretName: milvus-tls
volumeMounts:
  - name: milvus-tls
    mountPath: /milvus/tls
    readOnly: true
extraConfigFiles:
  user.yaml: |+
    proxy:
      port: ${server.port}
      http:
        enabled: false
    tls:
      serverPemPath: /milvus/tls/server.pem
      serverKeyPath: /milvus/tls/server.key
      caPemPath: /milvus/tls/ca.pem
    common:
      security:
        tlsMode: 1
`,
    );
  });
  after(async () => {
    await server.close();
    await workspace.cleanup();
  });

  it("ping: localhost through the port-forward, the server name a SAN of the Secret's certificate", async () => {
    const run = await runCliIn(workspace.dir, ['ping']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      new RegExp(
        `address +localhost:${server.port} .*kubectl port-forward deploy/my-release-milvus-standalone ${server.port}:${server.port} \\(start it first`,
      ),
    );
    assert.match(run.stdout, /server name +my-release-milvus +\(a SAN of tls\/milvus-tls\.secret\.yaml#milvus-tls\/server\.pem\)/);
    assert.match(run.stdout, /CA +.*tls\/ca\.pem/);
    assert.match(run.stdout, /PASS {2}TLS handshake/);
    assert.match(run.stdout, /PASS {2}gRPC GetVersion/);
  });

  it('snippet: the same address and server name', async () => {
    const run = await runCliIn(workspace.dir, ['snippet', '--client', 'pymilvus']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, new RegExp(`uri="https://localhost:${server.port}"`));
    assert.match(run.stdout, /server_name="my-release-milvus"/);
    assert.match(run.stdout, /server_pem_path=".*tls\/ca\.pem"/);
  });
});
