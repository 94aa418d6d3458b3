// `milvus-tls generate --k8s-secret` as a user runs it in a folder with their Kubernetes files: the
// SANs are the Service names of the release, and the Secret manifest is, once parsed, the object
// kubectl itself prints for `kubectl create secret generic … --dry-run=client -o yaml` (kubectl
// works offline for that; .ci/test-deps.sh installs Debian's kubernetes-client when it is missing).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseManifestFile, readSecretManifest, secretEntry } from '../../../src/core/kubernetes';
import { runCliIn, runProcess, type ProcessResult } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

function assertExit(result: ProcessResult, code: number): void {
  assert.equal(result.code, code, `exit ${String(result.code)}, expected ${code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

async function kubectlSecret(name: string, namespace: string | undefined, dir: string): Promise<unknown> {
  const result = await runProcess(
    'kubectl',
    [
      'create',
      'secret',
      'generic',
      name,
      ...(namespace ? ['--namespace', namespace] : []),
      ...['server.pem', 'server.key', 'ca.pem'].map((file) => `--from-file=${join(dir, file)}`),
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    { env: { ...process.env, KUBECONFIG: '/dev/null' } },
  );
  assertExit(result, 0);
  return parse(result.stdout);
}

describe('milvus-tls generate --k8s-secret', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('k8s-secret'));
  });
  after(() => cleanup());

  it('for a Milvus resource here: its Service names, and the Secret kubectl would make', async () => {
    await writeFile(
      join(root, 'milvus.yaml'),
      'apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: vdb\n  namespace: ai\nspec:\n  config:\n    internaltls:\n      sni: milvus.internal\n',
    );
    const result = await runCliIn(root, ['generate', '--k8s-secret', 'vdb-certs', '--key', 'ecdsa-p256', '--out', 'tls']);
    assertExit(result, 0);
    assert.match(result.stdout, /kubectl apply -f .*vdb-certs\.secret\.yaml/);
    assert.match(result.stdout, /restart the Milvus pods/);
    const tls = join(root, 'tls');
    const server = new X509Certificate(await readFile(join(tls, 'server.pem')));
    assert.equal(
      server.subjectAltName,
      'DNS:vdb-milvus, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:vdb-milvus.ai, DNS:vdb-milvus.ai.svc, DNS:vdb-milvus.ai.svc.cluster.local, DNS:milvus.internal',
    );
    const manifestPath = join(tls, 'vdb-certs.secret.yaml');
    assert.equal((await stat(manifestPath)).mode & 0o777, 0o600, 'it holds the private key');
    const manifest = await readFile(manifestPath, 'utf8');
    assert.deepEqual(parse(manifest), await kubectlSecret('vdb-certs', 'ai', tls));
    const secret = readSecretManifest(parseManifestFile(manifest).documents[0] ?? assert.fail('a document'));
    for (const key of ['server.pem', 'server.key', 'ca.pem']) {
      assert.deepEqual(secret && secretEntry(secret, key)?.bytes, await readFile(join(tls, key)), key);
    }
  });

  it('with --release and --namespace and nothing here; --reuse-ca keeps the CA in the new Secret', async () => {
    const dir = join(root, 'empty');
    await runProcess('mkdir', ['-p', dir]);
    assertExit(
      await runCliIn(dir, ['generate', '--k8s-secret', 'milvus-tls', '--release', 'prod', '--namespace', 'search', '--key', 'ecdsa-p256']),
      0,
    );
    const server = new X509Certificate(await readFile(join(dir, 'tls', 'server.pem')));
    assert.match(server.subjectAltName ?? '', /DNS:prod-milvus\.search\.svc\.cluster\.local/);
    const caBefore = await readFile(join(dir, 'tls', 'ca.pem'), 'utf8');
    assertExit(
      await runCliIn(dir, [
        'generate',
        '--k8s-secret',
        'milvus-tls',
        '--release',
        'prod',
        '--namespace',
        'search',
        '--key',
        'ecdsa-p256',
        '--reuse-ca',
      ]),
      0,
    );
    const manifest = parse(await readFile(join(dir, 'tls', 'milvus-tls.secret.yaml'), 'utf8')) as { data: Record<string, string> };
    assert.equal(Buffer.from(manifest.data['ca.pem'] ?? '', 'base64').toString(), caBefore);
    assert.deepEqual(manifest, await kubectlSecret('milvus-tls', 'search', join(dir, 'tls')));
  });

  it('refuses bad names and flags without --k8s-secret, writing nothing', async () => {
    const dir = join(root, 'bad');
    await runProcess('mkdir', ['-p', dir]);
    for (const args of [
      ['--k8s-secret', 'Bad_Name'],
      ['--k8s-secret', 'ok', '--namespace', 'NS!'],
      ['--release', 'r'],
    ]) {
      const result = await runCliIn(dir, ['generate', ...args]);
      assertExit(result, 1);
    }
    await assert.rejects(stat(join(dir, 'tls')));
  });
});
