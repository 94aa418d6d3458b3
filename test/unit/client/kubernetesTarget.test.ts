import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deploymentsForFile, LoadedFileCache, ParseCache } from '../../../src/core/deployment';
import { memoryFileSystem } from '../../../src/core/workspace';
import { chosenTarget, initialChoice, kubernetesSteps } from '../../../src/client/generate/kubernetesTarget';

async function deploymentOf(text: string) {
  const context = { fs: memoryFileSystem({ '/ws/x.yaml': text }), cache: new LoadedFileCache(), parsed: new ParseCache() };
  const [deployment] = await deploymentsForFile('/ws/x.yaml', ['/ws'], context);
  assert.ok(deployment);
  return deployment;
}

describe('Generate Certificates for a Kubernetes target', () => {
  it("a values file: the settings' release and namespace, the mounted Secret, three validated steps", async () => {
    const values =
      'cluster:\n  enabled: false\nvolumes:\n  - name: certs\n    secret:\n      secretName: milvus-certs\nvolumeMounts:\n  - name: certs\n    mountPath: /certs\n';
    const choice = initialChoice(await deploymentOf(values), { release: 'search' });
    assert.deepEqual([choice.release, choice.namespace, choice.secretName], ['search', 'default', 'milvus-certs']);
    const steps = kubernetesSteps(choice);
    assert.deepEqual(
      steps.map((step) => step.title),
      ['Helm release', 'Namespace', 'Secret name'],
    );
    assert.match(steps[0]?.validate('Search') ?? '', /DNS label/);
    assert.equal(steps[1]?.validate('vector-db'), undefined);
    assert.match(steps[2]?.validate('certs_1') ?? '', /DNS name/);
    steps[1]?.accept(' vector ');
    const target = chosenTarget(choice);
    assert.equal(target?.commonName, 'search-milvus');
    assert.deepEqual(target?.extraNames, ['search-milvus.vector', 'search-milvus.vector.svc', 'search-milvus.vector.svc.cluster.local']);
  });

  it('a Milvus resource names its release and namespace itself; sni and ingress hosts join the names', async () => {
    const cr =
      'apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: vdb\n  namespace: ai\nspec:\n  config:\n    internaltls:\n      sni: milvus.internal\n  components:\n    standalone:\n      ingress:\n        hosts: [milvus.example.com]\n';
    const choice = initialChoice(await deploymentOf(cr), { release: 'ignored', namespace: 'ignored' });
    assert.deepEqual([choice.release, choice.namespace, choice.secretName], ['vdb', 'ai', 'milvus-tls']);
    assert.deepEqual(
      kubernetesSteps(choice).map((step) => step.title),
      ['Namespace', 'Secret name'],
    );
    assert.deepEqual(chosenTarget(choice)?.extraNames, [
      'vdb-milvus.ai',
      'vdb-milvus.ai.svc',
      'vdb-milvus.ai.svc.cluster.local',
      'milvus.internal',
      'milvus.example.com',
    ]);
  });
});
