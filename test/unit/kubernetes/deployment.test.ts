import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Deployment } from '../../../src/core/deployment';
import { deploymentsForFile, discoverDeployments, LoadedFileCache, ParseCache } from '../../../src/core/deployment';
import { setupProgressOf } from '../../../src/core/deployment/setupProgress';
import { memoryFileSystem } from '../../../src/core/workspace';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { docsHelmValues, k8sFile } from './corpus';

const W = '/ws';

async function deploymentsOf(files: Record<string, string>, file: string, names = {}): Promise<Deployment[]> {
  const context = { fs: memoryFileSystem(files), cache: new LoadedFileCache(), parsed: new ParseCache() };
  return deploymentsForFile(file, [W], context, names);
}

async function only(files: Record<string, string>, file: string, names = {}): Promise<Deployment> {
  const list = await deploymentsOf(files, file, names);
  assert.equal(list.length, 1);
  const [deployment] = list;
  assert.ok(deployment);
  return deployment;
}

function indent(text: string, by: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

/** The docs recipe with TLS on (tlsMode 1, REST on 8080) for image v2.5.4. */
function docsValues(extra = ''): string {
  const userYaml =
    'proxy:\n  http:\n    port: 8080\ntls:\n  serverPemPath: /certs/server.pem\n  serverKeyPath: /certs/server.key\n  caPemPath: /certs/ca.pem\ncommon:\n  security:\n    tlsMode: 1\n';
  return docsHelmValues(userYaml, `image:\n  all:\n    tag: v2.5.4\n${extra}`);
}

describe('the Kubernetes deployment kind', () => {
  let pki: TestPki;
  let secretYaml: string;
  before(async () => {
    pki = await createTestPki();
    secretYaml =
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: certs\ntype: Opaque\nstringData:\n  server.pem: |\n${indent(pki.server.certPem, '    ')}\n  server.key: |\n${indent(pki.server.keyPem, '    ')}\n` +
      `data:\n  ca.pem: ${Buffer.from(pki.ca.certPem).toString('base64')}\n`;
  });
  after(() => pki.cleanup());

  it("the chart's own values.yaml: the release's proxy, the image's config, TLS off, port-forward on localhost", async () => {
    const deployment = await only(
      {
        [`${W}/chart/values.yaml`]: k8sFile('helm-milvus-5.0.19/values.yaml'),
        [`${W}/chart/Chart.yaml`]: k8sFile('helm-milvus-5.0.19/Chart.yaml'),
      },
      `${W}/chart/values.yaml`,
    );
    assert.equal(deployment.kind, 'kubernetes');
    assert.equal(deployment.kubernetes?.flavour, 'helm');
    assert.deepEqual(deployment.version.value, { major: 2, minor: 6, patch: 15, suffix: '' });
    assert.deepEqual(
      deployment.configFiles.map((file) => file.source),
      ['image', 'embedded'],
    );
    assert.equal(deployment.tlsMode.mode, 0);
    assert.equal(deployment.kubernetes?.servingPod.component, 'proxy');
    assert.equal(deployment.kubernetes?.serviceName, 'my-release-milvus');
    assert.equal(deployment.kubernetes?.namesAssumed, true);
    assert.equal(`${deployment.grpc.host.value}:${deployment.grpc.port.value}`, 'localhost:19530');
    assert.match(deployment.grpc.port.from.text, /^kubectl port-forward deploy\/my-release-milvus-proxy 19530:19530 \(start it first/);
  });

  it('the docs recipe: user.yaml from the block, paths into the Secret manifest beside it', async () => {
    const deployment = await only({ [`${W}/values.yaml`]: docsValues(), [`${W}/certs.yaml`]: secretYaml }, `${W}/values.yaml`, {
      release: 'milvus',
      namespace: 'vector',
    });
    assert.equal(deployment.tlsMode.mode, 1);
    assert.deepEqual(deployment.version.value, { major: 2, minor: 5, patch: 4, suffix: '' });
    assert.equal(deployment.kubernetes?.servingPod.component, 'standalone');
    assert.equal(deployment.kubernetes?.serviceName, 'milvus', 'a release containing "milvus" is the full name');
    assert.deepEqual(
      deployment.kubernetes?.dialNames.map((name) => name.name),
      ['milvus', 'milvus.vector', 'milvus.vector.svc', 'milvus.vector.svc.cluster.local'],
    );
    const server = deployment.paths.get('tls.serverPemPath');
    assert.equal(server?.location.kind, 'manifest');
    assert.equal(server?.location.kind === 'manifest' ? server.location.label : '', 'certs.yaml#certs/server.pem');
    assert.equal(server?.file?.read?.objects[0]?.kind, 'certificate');
    const ca = deployment.paths.get('tls.caPemPath');
    assert.equal(ca?.location.kind === 'manifest' ? ca.location.bytes?.toString() : '', pki.ca.certPem, 'data: base64 decoded');
    assert.equal(deployment.rest?.port.value, 8080);
  });

  it('without the Secret manifest the paths are not checkable, and say which Secret', async () => {
    const deployment = await only({ [`${W}/values.yaml`]: docsValues() }, `${W}/values.yaml`);
    const server = deployment.paths.get('tls.serverPemPath');
    assert.equal(server?.location.kind, 'opaque');
    assert.match(
      server?.location.kind === 'opaque' ? server.location.reason : '',
      /key "server.pem" of the Secret "certs", which is not in the workspace/,
    );
  });

  it('items and subPath map keys to other file names', async () => {
    const values =
      `cluster:\n  enabled: false\nvolumes:\n  - name: certs\n    secret:\n      secretName: certs\n      items:\n        - key: server.pem\n          path: tls/cert.pem\n  - name: whole\n    secret:\n      secretName: certs\nvolumeMounts:\n  - name: certs\n    mountPath: /milvus/tls\n  - name: whole\n    mountPath: /etc/key.pem\n    subPath: server.key\n  - name: certs\n    mountPath: /etc/other.pem\n    subPath: server.key\n` +
      'extraConfigFiles:\n  user.yaml: |\n    tls:\n      serverPemPath: /milvus/tls/tls/cert.pem\n      serverKeyPath: /etc/key.pem\n      caPemPath: /milvus/tls/ca.pem\n    common:\n      security:\n        tlsMode: 2\n';
    const deployment = await only({ [`${W}/values.yaml`]: values, [`${W}/certs.yaml`]: secretYaml }, `${W}/values.yaml`);
    const bytesOf = (key: string): string | undefined => {
      const location = deployment.paths.get(key)?.location;
      return location?.kind === 'manifest' ? location.bytes?.toString() : undefined;
    };
    assert.equal(bytesOf('tls.serverPemPath'), pki.server.certPem);
    assert.equal(bytesOf('tls.serverKeyPath'), `${pki.server.keyPem.trimEnd()}\n`);
    const ca = deployment.paths.get('tls.caPemPath');
    assert.equal(ca?.location.kind, 'manifest', 'ca.pem is not among the items: no such file');
    assert.equal(ca?.file, undefined);
    assert.equal(deployment.paths.get('tls.serverPemPath')?.location.kind === 'manifest' ? 'ok' : 'no', 'ok');
  });

  it("the proxy's own mounts count only in cluster mode", async () => {
    const values = (cluster: boolean) =>
      `cluster:\n  enabled: ${cluster}\nproxy:\n  volumes:\n    - name: certs\n      secret:\n        secretName: certs\n  volumeMounts:\n    - name: certs\n      mountPath: /certs\n` +
      'extraConfigFiles:\n  user.yaml: |\n    tls:\n      serverPemPath: /certs/server.pem\n      serverKeyPath: /certs/server.key\n    common:\n      security:\n        tlsMode: 1\n';
    const cluster = await only({ [`${W}/values.yaml`]: values(true), [`${W}/certs.yaml`]: secretYaml }, `${W}/values.yaml`);
    assert.equal(cluster.paths.get('tls.serverPemPath')?.location.kind, 'manifest');
    const standalone = await only({ [`${W}/values.yaml`]: values(false), [`${W}/certs.yaml`]: secretYaml }, `${W}/values.yaml`);
    assert.equal(standalone.paths.get('tls.serverPemPath')?.location.kind, 'unmapped');
  });

  it('extraEnv of the serving component overrides user.yaml', async () => {
    const values = docsValues('standalone:\n  extraEnv:\n    - name: COMMON_SECURITY_TLSMODE\n      value: "2"\n');
    const deployment = await only({ [`${W}/values.yaml`]: values }, `${W}/values.yaml`);
    assert.equal(deployment.tlsMode.mode, 2);
    assert.equal(deployment.tlsMode.entry?.origin.kind, 'environment');
  });

  it("customConfigMap: user.yaml is the ConfigMap's milvus.yaml, and extraConfigFiles is ignored", async () => {
    const values =
      'cluster:\n  enabled: false\ncustomConfigMap: milvus-config\nextraConfigFiles:\n  user.yaml: |\n    common:\n      security:\n        tlsMode: 1\n';
    const configMap =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: milvus-config\ndata:\n  milvus.yaml: |\n    common:\n      security:\n        tlsMode: 2\n';
    const deployment = await only({ [`${W}/values.yaml`]: values, [`${W}/config/map.yaml`]: configMap }, `${W}/values.yaml`);
    assert.equal(deployment.tlsMode.mode, 2);
    assert.equal(deployment.configFiles[1]?.hostPath, `${W}/config/map.yaml`);
    const alone = await only({ [`${W}/values.yaml`]: values }, `${W}/values.yaml`);
    assert.equal(alone.tlsMode.mode, 0, 'the ConfigMap is not here: the image defaults');
    assert.match(alone.notes.join('\n'), /ConfigMap "milvus-config"/);
  });

  it("the Operator's external TLS sample: tls under common is not read, so the image's certificates are", async () => {
    const deployment = await only({ [`${W}/external_tls.yaml`]: k8sFile('operator-1.3.8/external_tls.yaml') }, `${W}/external_tls.yaml`);
    assert.equal(deployment.kubernetes?.flavour, 'operator');
    assert.equal(deployment.tlsMode.mode, 1);
    assert.equal(deployment.paths.get('tls.serverPemPath')?.location.kind, 'image');
    assert.equal(deployment.kubernetes?.serviceName, 'my-release-milvus');
    assert.equal(deployment.configFiles[1]?.embedded?.style, 'block-mapping');
  });

  it('Operator: a component volumes list replaces the global one; mounts add up', async () => {
    const cr = `apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: vdb\n  namespace: ai\nspec:\n  mode: cluster\n  config:\n    tls:\n      serverPemPath: /certs/server.pem\n      serverKeyPath: /certs/server.key\n    common:\n      security:\n        tlsMode: 1\n  components:\n    image: milvusdb/milvus:v2.6.3\n    volumes:\n      - name: certs\n        secret:\n          secretName: certs\n    volumeMounts:\n      - name: certs\n        mountPath: /certs\n    proxy:\n      volumes:\n        - name: scratch\n          emptyDir: {}\n      volumeMounts:\n        - name: scratch\n          mountPath: /scratch\n`;
    const deployment = await only({ [`${W}/milvus.yaml`]: cr }, `${W}/milvus.yaml`);
    assert.equal(deployment.kubernetes?.servingPod.component, 'proxy');
    assert.deepEqual(
      deployment.kubernetes?.servingPod.volumes.map((volume) => volume.name),
      ['scratch'],
    );
    assert.deepEqual(
      deployment.kubernetes?.servingPod.mounts.map((mount) => mount.mountPath),
      ['/certs', '/scratch'],
    );
    const server = deployment.paths.get('tls.serverPemPath');
    assert.match(server?.location.kind === 'opaque' ? server.location.reason : '', /names no volume of the proxy pod/);
    assert.deepEqual(deployment.version.value, { major: 2, minor: 6, patch: 3, suffix: '' });
    assert.equal(deployment.kubernetes?.dialNames[3]?.name, 'vdb-milvus.ai.svc.cluster.local');
  });

  it('a Secret in another namespace is not the one mounted', async () => {
    const cr =
      'apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: m\n  namespace: prod\nspec:\n  config:\n    tls:\n      serverPemPath: /certs/server.pem\n  components:\n    volumes:\n      - name: certs\n        secret:\n          secretName: certs\n    volumeMounts:\n      - name: certs\n        mountPath: /certs\n';
    const other = secretYaml.replace('  name: certs\n', '  name: certs\n  namespace: staging\n');
    const deployment = await only({ [`${W}/m.yaml`]: cr, [`${W}/s.yaml`]: other }, `${W}/m.yaml`);
    assert.equal(deployment.paths.get('tls.serverPemPath')?.location.kind, 'opaque');
  });

  it('two Milvus resources in one file are two deployments; a Secret alone is none', async () => {
    const two =
      'apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: a\n---\napiVersion: milvus.io/v1alpha1\nkind: Milvus\nmetadata:\n  name: b\nspec:\n  config:\n    common:\n      security:\n        tlsMode: 1\n';
    const list = await deploymentsOf({ [`${W}/two.yaml`]: two }, `${W}/two.yaml`);
    assert.deepEqual(
      list.map((deployment) => [deployment.kubernetes?.serviceName, deployment.tlsMode.mode]),
      [
        ['a-milvus', 0],
        ['b-milvus', 1],
      ],
    );
    assert.deepEqual(await deploymentsOf({ [`${W}/s.yaml`]: secretYaml }, `${W}/s.yaml`), []);
  });

  it('discovery lists Kubernetes deployments beside compose ones', async () => {
    const context = {
      fs: memoryFileSystem({
        [`${W}/helm/values.yaml`]: docsValues(),
        [`${W}/op/milvus.yaml`]: k8sFile('operator-1.3.8/milvus_default.yaml'),
        [`${W}/op/certs.yaml`]: secretYaml,
      }),
      cache: new LoadedFileCache(),
      parsed: new ParseCache(),
    };
    const found = await discoverDeployments(W, context);
    assert.deepEqual(found.deployments.map((deployment) => deployment.id).sort(), [
      `helm:${W}/helm/values.yaml`,
      `operator:${W}/op/milvus.yaml#0`,
    ]);
  });

  it('the walkthrough counts a release whose Secret manifest holds the certificates, and not one without it', async () => {
    const progress = async (files: Record<string, string>) =>
      setupProgressOf(
        (await discoverDeployments(W, { fs: memoryFileSystem(files), cache: new LoadedFileCache(), parsed: new ParseCache() })).deployments,
      );
    assert.deepEqual(await progress({ [`${W}/values.yaml`]: docsValues(), [`${W}/certs.yaml`]: secretYaml }), {
      certificatesInPlace: true,
      tlsEnabled: true,
    });
    assert.deepEqual(await progress({ [`${W}/values.yaml`]: docsValues() }), { certificatesInPlace: false, tlsEnabled: true });
  });
});
