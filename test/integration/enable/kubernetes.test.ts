// `milvus-tls enable --helm/--operator … --secret NAME` and `disable` as a user runs them on the
// real chart values and Operator sample: the diff, the file written atomically, a second run that
// changes nothing, and the hint to apply it.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { runCliIn, type ProcessResult } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import { k8sFile } from '../../unit/kubernetes/corpus';

function assertExit(result: ProcessResult, code: number): void {
  assert.equal(result.code, code, `exit ${String(result.code)}, expected ${code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

describe('milvus-tls enable/disable for Kubernetes', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('enable-k8s'));
    await writeFile(join(root, 'values-prod.yaml'), k8sFile('helm-milvus-5.0.19/values.yaml'));
    await writeFile(join(root, 'milvus.yaml'), k8sFile('operator-1.3.8/milvus_default.yaml'));
  });
  after(() => cleanup());

  it('--helm: the values file, once; then disable', async () => {
    const first = await runCliIn(root, ['enable', '--mode', '2', '--helm', 'values-prod.yaml', '--secret', 'milvus-tls']);
    assertExit(first, 0);
    assert.match(first.stdout, /\+\s+tlsMode: 2/);
    assert.match(first.stdout, /helm upgrade my-release milvus\/milvus -f values-prod\.yaml/);
    const values = parse(await readFile(join(root, 'values-prod.yaml'), 'utf8')) as {
      extraConfigFiles: Record<string, string>;
      volumes: unknown[];
    };
    assert.deepEqual(parse(values.extraConfigFiles['user.yaml'] ?? ''), {
      tls: { serverPemPath: '/milvus/tls/server.pem', serverKeyPath: '/milvus/tls/server.key', caPemPath: '/milvus/tls/ca.pem' },
      common: { security: { tlsMode: 2 } },
      proxy: { http: { port: 8080 } },
    });
    assert.deepEqual(values.volumes, [{ name: 'milvus-tls', secret: { secretName: 'milvus-tls' } }]);
    const again = await runCliIn(root, ['enable', '--mode', '2', '--helm', 'values-prod.yaml', '--secret', 'milvus-tls']);
    assertExit(again, 0);
    assert.match(again.stdout, /nothing to change/);
    assertExit(await runCliIn(root, ['disable', '--helm', 'values-prod.yaml']), 0);
    const off = parse(await readFile(join(root, 'values-prod.yaml'), 'utf8')) as { extraConfigFiles: Record<string, string> };
    assert.equal(
      (parse(off.extraConfigFiles['user.yaml'] ?? '') as { common: { security: { tlsMode: number } } }).common.security.tlsMode,
      0,
    );
  });

  it('--operator: the Milvus resource, with --dry-run writing nothing first', async () => {
    const before = await readFile(join(root, 'milvus.yaml'), 'utf8');
    const dry = await runCliIn(root, ['enable', '--mode', '1', '--operator', 'milvus.yaml', '--dry-run']);
    assertExit(dry, 0);
    assert.equal(await readFile(join(root, 'milvus.yaml'), 'utf8'), before);
    const json = await runCliIn(root, ['enable', '--mode', '1', '--operator', 'milvus.yaml', '--json']);
    assertExit(json, 0);
    assert.equal((JSON.parse(json.stdout) as { changed: boolean }).changed, true);
    const resource = parse(await readFile(join(root, 'milvus.yaml'), 'utf8')) as {
      spec: { components: { standalone: { serviceRestfulPort: number } } };
    };
    assert.equal(resource.spec.components.standalone.serviceRestfulPort, 8080);
  });

  it('bad usage: not a values file, both flags, a bad Secret name', async () => {
    await writeFile(join(root, 'other.yaml'), 'name: CI\n');
    for (const args of [
      ['--helm', 'other.yaml'],
      ['--helm', 'values-prod.yaml', '--operator', 'milvus.yaml'],
      ['--helm', 'values-prod.yaml', '--secret', 'Bad_Name'],
    ]) {
      assertExit(await runCliIn(root, ['enable', '--mode', '1', ...args]), 1);
    }
  });
});
