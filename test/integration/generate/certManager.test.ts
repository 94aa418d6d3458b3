// `milvus-tls generate --cert-manager` as a user runs it beside a Milvus resource: the Issuer chain,
// the server Certificate for the Service names, a client Certificate for tlsMode 2, and the keys
// Enable TLS then uses.
import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { plainValue } from '../../../src/core/config/yamlSource';
import { recogniseKubernetesFile } from '../../../src/core/kubernetes';
import { runCliIn, type ProcessResult } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  type?: string;
  data?: Record<string, string>;
  spec?: {
    secretName?: string;
    isCA?: boolean;
    dnsNames?: string[];
    ipAddresses?: string[];
    usages?: string[];
    issuerRef?: { name: string; kind: string };
    ca?: { secretName: string };
    selfSigned?: object;
  };
}

function assertExit(result: ProcessResult, code: number): void {
  assert.equal(result.code, code, `exit ${String(result.code)}, expected ${code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

async function resources(file: string): Promise<Resource[]> {
  return parseAllDocuments(await readFile(file, 'utf8')).map((document) => plainValue(document.contents, document) as Resource);
}

/** Every issuerRef names an Issuer of the file, and every CA Issuer's Secret is made in the file. */
function assertConsistentChain(list: readonly Resource[]): void {
  const issuers = new Set(list.filter((item) => item.kind === 'Issuer').map((item) => item.metadata.name));
  const secrets = new Set([
    ...list.filter((item) => item.kind === 'Secret').map((item) => item.metadata.name),
    ...list.filter((item) => item.kind === 'Certificate').map((item) => item.spec?.secretName),
  ]);
  for (const item of list) {
    if (item.spec?.issuerRef) assert.ok(issuers.has(item.spec.issuerRef.name), `issuer ${item.spec.issuerRef.name}`);
    if (item.spec?.ca) assert.ok(secrets.has(item.spec.ca.secretName), `CA secret ${item.spec.ca.secretName}`);
  }
}

describe('milvus-tls generate --cert-manager', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('cert-manager'));
    await writeFile(
      join(root, 'milvus.yaml'),
      'apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: vdb\n  namespace: ai\nspec:\n  mode: cluster\n',
    );
  });
  after(() => cleanup());

  it('a selfSigned → CA chain when the folder has no CA; a client Certificate for tlsMode 2', async () => {
    const result = await runCliIn(root, ['generate', '--cert-manager', '--mode', '2', '--k8s-secret', 'vdb-tls']);
    assertExit(result, 0);
    assert.match(result.stdout, /restart the Milvus pods/);
    const file = join(root, 'tls', 'cert-manager.yaml');
    const list = await resources(file);
    assert.deepEqual(
      list.map((item) => item.kind),
      ['Issuer', 'Certificate', 'Issuer', 'Certificate', 'Certificate'],
    );
    assert.ok(list.every((item) => item.metadata.namespace === 'ai'));
    assertConsistentChain(list);
    const [server, client] = list.filter((item) => item.kind === 'Certificate' && item.spec?.isCA !== true);
    assert.equal(server?.spec?.secretName, 'vdb-tls');
    assert.deepEqual(server?.spec?.dnsNames, [
      'vdb-milvus',
      'localhost',
      'vdb-milvus.ai',
      'vdb-milvus.ai.svc',
      'vdb-milvus.ai.svc.cluster.local',
    ]);
    assert.deepEqual(server?.spec?.ipAddresses, ['127.0.0.1', '::1']);
    assert.ok(server?.spec?.usages?.includes('server auth'));
    assert.ok(client?.spec?.usages?.includes('client auth'));
    assert.equal((await stat(file)).mode & 0o777, 0o644, 'no private key in it');
    assert.deepEqual(
      recogniseKubernetesFile(await readFile(file, 'utf8'))?.objects.map((object) => object.type),
      ['cert-manager', 'cert-manager', 'cert-manager', 'cert-manager', 'cert-manager'],
    );
    assertExit(await runCliIn(root, ['generate', '--cert-manager', '--k8s-secret', 'vdb-tls']), 2);
  });

  it('a CA Issuer over our own CA when the folder has one', async () => {
    const out = join(root, 'own');
    assertExit(await runCliIn(root, ['generate', '--out', out, '--key', 'ecdsa-p256']), 0);
    const result = await runCliIn(root, ['generate', '--cert-manager', '--out', out, '--json']);
    assertExit(result, 0);
    const report = JSON.parse(result.stdout) as { secretName: string; keys: Record<string, string>; fromOurCa: boolean };
    assert.deepEqual(report.keys, { serverPem: 'tls.crt', serverKey: 'tls.key', caPem: 'ca.crt' });
    assert.equal(report.fromOurCa, true);
    assert.equal(report.secretName, 'milvus-tls');
    const file = join(out, 'cert-manager.yaml');
    assert.equal((await stat(file)).mode & 0o777, 0o600, 'it holds the CA key');
    const list = await resources(file);
    assertConsistentChain(list);
    const caSecret = list.find((item) => item.kind === 'Secret');
    assert.equal(caSecret?.type, 'kubernetes.io/tls');
    assert.equal(Buffer.from(caSecret?.data?.['tls.crt'] ?? '', 'base64').toString(), await readFile(join(out, 'ca.pem'), 'utf8'));
    assert.equal(Buffer.from(caSecret?.data?.['tls.key'] ?? '', 'base64').toString(), await readFile(join(out, 'ca.key'), 'utf8'));
  });
});
