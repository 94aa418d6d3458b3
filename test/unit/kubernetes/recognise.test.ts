import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recogniseKubernetesFile } from '../../../src/core/kubernetes';
import { shippedComposeFiles, shippedMilvusYamls } from '../compose/shippedFiles';
import { CHART_VALUES, k8sFile, OPERATOR_DEFAULT_SAMPLES, OPERATOR_TLS_SAMPLES } from './corpus';

function kindOf(text: string, selected = false): string {
  const recognised = recogniseKubernetesFile(text, '/w/x.yaml', { selected });
  if (!recognised) return 'none';
  return recognised.kind === 'helm-values' ? 'helm-values' : recognised.objects.map((object) => object.type).join(',');
}

describe('recognising Kubernetes files by content', () => {
  for (const file of CHART_VALUES) {
    it(`the chart's own ${file} is a values file`, () => assert.equal(kindOf(k8sFile(file)), 'helm-values'));
  }

  it('a values file a user starts from, under any name', () => {
    assert.equal(kindOf('cluster:\n  enabled: false\n'), 'helm-values');
    assert.equal(kindOf('image:\n  all:\n    tag: v2.5.4\n'), 'helm-values');
    assert.equal(kindOf('extraConfigFiles:\n  user.yaml: |\n    common:\n      security:\n        tlsMode: 1\n'), 'helm-values');
    assert.equal(kindOf('cluster:\r\n  enabled: false\r\nvolumes: []\r\n'), 'helm-values');
  });

  it('the Operator samples are Milvus resources, with their Secrets', () => {
    for (const file of OPERATOR_DEFAULT_SAMPLES) assert.equal(kindOf(k8sFile(file)), 'milvus', file);
    for (const file of OPERATOR_TLS_SAMPLES) assert.equal(kindOf(k8sFile(file)), 'secret,milvus', file);
  });

  it('Milvus v1alpha1, Secrets, ConfigMaps carrying milvus.yaml and cert-manager objects', () => {
    assert.equal(kindOf('apiVersion: milvus.io/v1alpha1\nkind: Milvus\nmetadata:\n  name: m\n'), 'milvus');
    assert.equal(kindOf('apiVersion: v1\nkind: Secret\nmetadata:\n  name: certs\ndata: {}\n'), 'secret');
    assert.equal(kindOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  milvus.yaml: |\n    a: 1\n'), 'config-map');
    for (const kind of ['Issuer', 'ClusterIssuer', 'Certificate']) {
      assert.equal(kindOf(`apiVersion: cert-manager.io/v1\nkind: ${kind}\nmetadata:\n  name: x\n`), 'cert-manager', kind);
    }
  });

  it('multi-document files keep only the objects we understand, in order', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n---\n' +
      'apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: m\n';
    assert.equal(kindOf(text), 'secret,milvus');
  });

  it('ordinary YAML gets nothing: milvus.yaml, compose files, other manifests and charts, workflows', () => {
    for (const file of shippedMilvusYamls()) assert.equal(kindOf(file.text), 'none', file.fileName);
    for (const file of shippedComposeFiles()) assert.equal(kindOf(file.text), 'none', file.fileName);
    assert.equal(kindOf('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n'), 'none');
    assert.equal(kindOf('apiVersion: milvus.io/v2\nkind: Milvus\n'), 'none');
    assert.equal(kindOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  app.conf: x\n'), 'none');
    assert.equal(kindOf('name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), 'none');
    assert.equal(kindOf('replicaCount: 1\nimage:\n  repository: nginx\n  tag: latest\nservice:\n  type: ClusterIP\n'), 'none');
    assert.equal(kindOf('cluster: prod\n'), 'none');
  });

  it('a file named in milvusTls.configFiles needs less evidence to be a values file', () => {
    const text = 'volumes: []\ncommon:\n  security:\n    tlsMode: 1\n';
    assert.equal(kindOf(text), 'none');
    assert.equal(kindOf(text, true), 'helm-values');
    assert.equal(kindOf('common:\n  security:\n    tlsMode: 1\n', true), 'none');
  });

  it('an alias bomb is recognised without expanding it', () => {
    const lines = ['a0: &a0 {tlsMode: 1}'];
    for (let level = 1; level <= 9; level++) {
      lines.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ')}]`);
    }
    lines.push('cluster:\n  enabled: *a9');
    assert.equal(kindOf(`${lines.join('\n')}\n`), 'helm-values');
  });
});
