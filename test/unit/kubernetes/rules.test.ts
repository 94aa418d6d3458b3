import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { analyseFile, applyFirstFix, codesAndLines, findingsOf } from './checkHelpers';
import { CHART_VALUES, k8sFile, OPERATOR_DEFAULT_SAMPLES } from './corpus';

const W = '/ws';

function block(text: string, indent: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

function secret(name: string, entries: Record<string, string>, extra = ''): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${extra}stringData:\n${Object.entries(entries)
    .map(([key, value]) => `  ${key}: |\n${block(value, '    ')}`)
    .join('\n')}\n`;
}

function userYaml(body: string): string {
  return `extraConfigFiles:\n  user.yaml: |\n${block(body, '    ')}\n`;
}

const TLS1 =
  'common:\n  security:\n    tlsMode: 1\nproxy:\n  http:\n    port: 8080\ntls:\n  serverPemPath: /certs/server.pem\n  serverKeyPath: /certs/server.key\n';
const MOUNT = 'volumes:\n  - name: certs\n    secret:\n      secretName: certs\nvolumeMounts:\n  - name: certs\n    mountPath: /certs\n';

function cr(config: string, components = '', extra = ''): string {
  return `apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: vdb\n  namespace: ai\nspec:\n${extra}  config:\n${block(config, '    ')}\n  components:\n    volumes:\n      - name: certs\n        secret:\n          secretName: certs\n    volumeMounts:\n      - name: certs\n        mountPath: /certs\n${components}`;
}

function codes(findings: readonly { code: string }[]): string[] {
  return findings.map((finding) => finding.code);
}

describe('Kubernetes rules', () => {
  let pki: TestPki;
  before(async () => {
    pki = await createTestPki();
  });
  after(() => pki.cleanup());

  it("the shipped chart values and the Operator's default samples: nothing above hint", async () => {
    for (const file of [...CHART_VALUES, ...OPERATOR_DEFAULT_SAMPLES]) {
      const text = k8sFile(file);
      assert.deepEqual(codesAndLines(text, await findingsOf({ [`${W}/x.yaml`]: text }, `${W}/x.yaml`), 'information'), [], file);
    }
  });

  it("the Operator's TLS samples: exactly their real faults, on their lines", async () => {
    const external = k8sFile('operator-1.3.8/external_tls.yaml');
    assert.deepEqual(codesAndLines(external, await findingsOf({ [`${W}/e.yaml`]: external }, `${W}/e.yaml`)), [
      'pem-bad-base64@12',
      'k8s-secret-pem-folded@16',
      'k8s-secret-pem-folded@20',
      'bundled-test-certificate@40',
      'bundled-test-certificate@40',
      'misplaced-block@43',
    ]);
    const internal = k8sFile('operator-1.3.8/internal_tls.yaml');
    assert.deepEqual(codesAndLines(internal, await findingsOf({ [`${W}/i.yaml`]: internal }, `${W}/i.yaml`)), [
      'pem-bad-base64@12',
      'k8s-secret-pem-folded@16',
      'k8s-secret-pem-folded@20',
      'bundled-test-certificate@35',
      'bundled-test-certificate@35',
      'bundled-test-certificate@35',
      'misplaced-block@38',
    ]);
  });

  it('Milvus keys at a values root reach nobody; the fix moves them into user.yaml', async () => {
    const values = `cluster:\n  enabled: false\n${MOUNT}common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /certs/server.pem\n  serverKeyPath: /certs/server.key\nproxy:\n  http:\n    port: 8080\n  replicas: 1\nstandalone:\n  extraEnv: []\n  common:\n    security:\n      tlsMode: 1\n`;
    const files = { [`${W}/values.yaml`]: values };
    assert.deepEqual(codesAndLines(values, await findingsOf(files, `${W}/values.yaml`)), [
      'k8s-key-outside-user-yaml@10',
      'k8s-key-outside-user-yaml@13',
      'k8s-key-outside-user-yaml@18',
      'k8s-key-outside-user-yaml@24',
    ]);
    let text = values;
    for (let round = 0; round < 3; round++) {
      text = await applyFirstFix({ [`${W}/values.yaml`]: text }, `${W}/values.yaml`, 'k8s-key-outside-user-yaml');
    }
    const parsed = parse(text) as { extraConfigFiles: Record<string, string>; proxy: Record<string, unknown> };
    assert.deepEqual(parse(parsed.extraConfigFiles['user.yaml'] ?? ''), {
      common: { security: { tlsMode: 1 } },
      tls: { serverPemPath: '/certs/server.pem', serverKeyPath: '/certs/server.key' },
      proxy: { http: { port: 8080 } },
    });
    assert.equal(parsed.proxy.replicas, 1);
    const after = await analyseFile({ [`${W}/values.yaml`]: text }, `${W}/values.yaml`);
    assert.equal(after.analyses[0]?.context.tlsMode.mode, 1);
    assert.deepEqual(
      codes(after.findings).filter((code) => code === 'k8s-key-outside-user-yaml').length,
      1,
      'the one under standalone: no automatic move',
    );
  });

  it('extraConfigFiles: only user.yaml is mounted; ignored with customConfigMap; a folded user.yaml', async () => {
    const misnamed = `cluster:\n  enabled: false\nextraConfigFiles:\n  milvus.yaml: |\n    common:\n      security:\n        tlsMode: 1\n`;
    assert.deepEqual(codes(await findingsOf({ [`${W}/v.yaml`]: misnamed }, `${W}/v.yaml`)), ['k8s-extra-config-not-mounted']);
    const renamed = await applyFirstFix({ [`${W}/v.yaml`]: misnamed }, `${W}/v.yaml`, 'k8s-extra-config-not-mounted');
    assert.equal((await analyseFile({ [`${W}/v.yaml`]: renamed }, `${W}/v.yaml`)).analyses[0]?.context.tlsMode.mode, 1);
    const both = `customConfigMap: mine\n${userYaml('common:\n  security:\n    tlsMode: 1\n')}`;
    assert.deepEqual(codes(await findingsOf({ [`${W}/v.yaml`]: both }, `${W}/v.yaml`)), ['k8s-extra-config-ignored']);
    const folded = 'cluster:\n  enabled: false\nextraConfigFiles:\n  user.yaml: >\n    a: 1\n    b: 2\n';
    assert.deepEqual(codesAndLines(folded, await findingsOf({ [`${W}/v.yaml`]: folded }, `${W}/v.yaml`)), [
      'k8s-user-yaml-folded@4',
      'yaml-syntax@5',
    ]);
    const literal = await applyFirstFix({ [`${W}/v.yaml`]: folded }, `${W}/v.yaml`, 'k8s-user-yaml-folded');
    assert.deepEqual(await findingsOf({ [`${W}/v.yaml`]: literal }, `${W}/v.yaml`), []);
  });

  it('a certificate path no mount of the serving pod covers; a proxy-only mount in standalone mode', async () => {
    const unmounted = `cluster:\n  enabled: false\n${userYaml(TLS1)}`;
    assert.deepEqual(codesAndLines(unmounted, await findingsOf({ [`${W}/v.yaml`]: unmounted }, `${W}/v.yaml`)), [
      'k8s-path-not-mounted@12',
      'k8s-path-not-mounted@13',
    ]);
    const proxyOnly = `cluster:\n  enabled: false\nproxy:\n${block(MOUNT, '  ')}\n${userYaml(TLS1)}`;
    const findings = await findingsOf({ [`${W}/v.yaml`]: proxyOnly }, `${W}/v.yaml`);
    assert.deepEqual(codes(findings), [
      'k8s-proxy-mount-standalone',
      'k8s-proxy-mount-standalone',
      'k8s-path-not-mounted',
      'k8s-path-not-mounted',
    ]);
    assert.match(findings[2]?.message ?? '', /only proxy.volumeMounts covers it/);
    const clustered = proxyOnly.replace('enabled: false', 'enabled: true');
    assert.deepEqual(
      codes(await findingsOf({ [`${W}/v.yaml`]: clustered }, `${W}/v.yaml`)).filter((code) => code !== 'path-not-mapped'),
      [],
    );
  });

  it("the Operator: a component's volumes list drops the volume a global mount needs; proxy lists in standalone mode", async () => {
    const dropping = cr(TLS1, '    proxy:\n      volumes:\n        - name: scratch\n          emptyDir: {}\n', '  mode: cluster\n');
    const findings = await findingsOf({ [`${W}/m.yaml`]: dropping }, `${W}/m.yaml`);
    assert.deepEqual(
      codesAndLines(dropping, findings).filter((entry) => entry.startsWith('k8s-component')),
      ['k8s-component-volumes-drop-global@27'],
    );
    const standalone = cr(TLS1, '    proxy:\n      volumeMounts:\n        - name: certs\n          mountPath: /other\n');
    assert.ok(codes(await findingsOf({ [`${W}/m.yaml`]: standalone }, `${W}/m.yaml`)).includes('k8s-proxy-mount-standalone'));
  });

  it('internal TLS must be mounted in every component', async () => {
    const internal =
      'common:\n  security:\n    internaltlsEnabled: true\ninternaltls:\n  serverPemPath: /own/server.pem\n  serverKeyPath: /own/server.key\n  caPemPath: /own/ca.pem\n  sni: localhost\n';
    const own =
      '    proxy:\n      volumes:\n        - name: own\n          secret:\n            secretName: certs\n      volumeMounts:\n        - name: own\n          mountPath: /own\n';
    const findings = await findingsOf({ [`${W}/m.yaml`]: cr(internal, own, '  mode: cluster\n') }, `${W}/m.yaml`);
    assert.ok(
      findings
        .filter((finding) => finding.code === 'k8s-path-not-mounted')
        .every((finding) => /every Milvus component/.test(finding.message)),
    );
    assert.equal(findings.filter((finding) => finding.code === 'k8s-path-not-mounted').length, 3);
  });

  it('a Secret key that does not match the configured file name, with a fix to the key it has', async () => {
    const tlsSecret = secret('certs', { 'tls.crt': pki.server.certPem, 'tls.key': pki.server.keyPem }, 'type: kubernetes.io/tls\n');
    const values = `cluster:\n  enabled: false\n${MOUNT}${userYaml(TLS1)}`;
    const files = { [`${W}/values.yaml`]: values, [`${W}/certs.yaml`]: tlsSecret };
    const findings = await findingsOf(files, `${W}/values.yaml`);
    assert.deepEqual(codesAndLines(values, findings, 'warning'), ['k8s-secret-key-mismatch@19', 'k8s-secret-key-mismatch@20']);
    assert.match(
      findings[0]?.message ?? '',
      /has no key "server.pem" \(it has tls.crt, tls.key\).*Point tls.serverPemPath at \/certs\/tls.crt/,
    );
    let text = await applyFirstFix(files, `${W}/values.yaml`, 'k8s-secret-key-mismatch');
    text = await applyFirstFix({ ...files, [`${W}/values.yaml`]: text }, `${W}/values.yaml`, 'k8s-secret-key-mismatch');
    assert.deepEqual(codesAndLines(text, await findingsOf({ ...files, [`${W}/values.yaml`]: text }, `${W}/values.yaml`), 'warning'), []);
    const mutual = text
      .replace('tlsMode: 1', 'tlsMode: 2')
      .replace('serverKeyPath: /certs/tls.key', 'serverKeyPath: /certs/tls.key\n      caPemPath: /certs/ca.crt');
    assert.deepEqual(
      codesAndLines(mutual, await findingsOf({ ...files, [`${W}/values.yaml`]: mutual }, `${W}/values.yaml`), 'warning').map(
        (entry) => entry.split('@')[0],
      ),
      ['k8s-tls-secret-without-ca'],
    );
  });

  it('inside a Secret: data not base64, data and stringData together, and certificate findings on the key', async () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: certs\ndata:\n  note: plain text\n  ca.pem: ${Buffer.from('old').toString('base64')}\nstringData:\n  ca.pem: |\n${block(pki.ca.certPem, '    ')}\n  server.pem: |\n${block(pki.serverExpired.certPem, '    ')}\n  server.key: |\n${block(pki.client.keyPem, '    ')}\n`;
    const findings = await findingsOf({ [`${W}/s.yaml`]: text }, `${W}/s.yaml`);
    const lines = codesAndLines(text, findings, 'warning');
    assert.ok(lines.includes('k8s-secret-not-base64@6'), lines.join(', '));
    const lineOf = (key: string): number => text.slice(0, text.indexOf(`  ${key}: |`)).split('\n').length;
    assert.ok(lines.includes(`cert-expired@${lineOf('server.pem')}`), lines.join(', '));
    assert.ok(
      codesAndLines(text, findings).includes(`key-without-certificate@${lineOf('server.key')}`),
      "the key is not the certificate's",
    );
    assert.ok(!lines.some((entry) => entry.endsWith('@7')), 'the data ca.pem is replaced by stringData');
    const encoded = await applyFirstFix({ [`${W}/s.yaml`]: text }, `${W}/s.yaml`, 'k8s-secret-not-base64');
    assert.match(encoded, new RegExp(`note: ${Buffer.from('plain text').toString('base64')}`));
  });

  it('Services and ingress hosts the server certificate must cover', async () => {
    const files = (config: string, extra = '') => ({
      [`${W}/m.yaml`]: cr(config, extra),
      [`${W}/certs.yaml`]: secret('certs', { 'server.pem': pki.server.certPem, 'server.key': pki.server.keyPem }),
    });
    const findings = await findingsOf(files(TLS1), `${W}/m.yaml`);
    const san = findings.find((finding) => finding.code === 'k8s-san-missing');
    assert.equal(san?.severity, 'warning');
    assert.match(san?.message ?? '', /vdb-milvus, vdb-milvus.ai, vdb-milvus.ai.svc, vdb-milvus.ai.svc.cluster.local/);
    const values = `cluster:\n  enabled: false\n${MOUNT}${userYaml(TLS1)}`;
    const helm = await findingsOf(
      {
        [`${W}/values.yaml`]: values,
        [`${W}/certs.yaml`]: secret('certs', { 'server.pem': pki.server.certPem, 'server.key': pki.server.keyPem }),
      },
      `${W}/values.yaml`,
    );
    assert.equal(helm.find((finding) => finding.code === 'k8s-san-missing')?.severity, 'information', 'release name assumed');
  });

  it('ingress GRPC in front of TLS, the bundled Attu over http, serviceRestfulPort', async () => {
    const values = `cluster:\n  enabled: false\n${MOUNT}ingress:\n  enabled: true\nattu:\n  enabled: true\n${userYaml(TLS1)}`;
    const findings = await findingsOf({ [`${W}/v.yaml`]: values }, `${W}/v.yaml`);
    assert.ok(codes(findings).includes('k8s-ingress-grpc-backend'), "the chart's default annotation");
    assert.ok(codes(findings).includes('k8s-attu-http'));
    const annotated = values.replace(
      'ingress:\n  enabled: true\n',
      'ingress:\n  enabled: true\n  annotations:\n    nginx.ingress.kubernetes.io/backend-protocol: GRPC\n',
    );
    const fixed = await applyFirstFix({ [`${W}/v.yaml`]: annotated }, `${W}/v.yaml`, 'k8s-ingress-grpc-backend');
    assert.match(fixed, /backend-protocol: GRPCS\n/);
    const restful = cr(TLS1, '    standalone:\n      serviceRestfulPort: 9000\n');
    const restFindings = await findingsOf({ [`${W}/m.yaml`]: restful }, `${W}/m.yaml`);
    assert.ok(codes(restFindings).includes('k8s-restful-port-mismatch'));
    const restFixed = await applyFirstFix({ [`${W}/m.yaml`]: restful }, `${W}/m.yaml`, 'k8s-restful-port-mismatch');
    assert.match(restFixed, /serviceRestfulPort: 8080/);
  });

  it('the milvus.yaml rules on the effective config of a CR: REST sharing the gRPC port', async () => {
    const config = 'common:\n  security:\n    tlsMode: 1\n';
    const text = cr(config, '', '').replace('  components:\n', '  components:\n    image: milvusdb/milvus:v2.5.4\n');
    assert.ok(codes(await findingsOf({ [`${W}/m.yaml`]: text }, `${W}/m.yaml`)).includes('rest-port-shared-with-tls'));
    const fixed = await applyFirstFix({ [`${W}/m.yaml`]: text }, `${W}/m.yaml`, 'rest-port-shared-with-tls');
    assert.equal((parse(fixed) as { spec: { config: { proxy: { http: { port: number } } } } }).spec.config.proxy.http.port, 8080);
  });

  it('hostile: anchors shared across the values file, several documents, and an alias bomb stay bounded', async () => {
    const anchored = `cluster:\n  enabled: true\nvolumes: &vols\n  - name: certs\n    secret:\n      secretName: certs\nvolumeMounts: &mounts\n  - name: certs\n    mountPath: /certs\nproxy:\n  volumes: *vols\n  volumeMounts: *mounts\n${userYaml(TLS1)}`;
    assert.deepEqual(
      codes(await findingsOf({ [`${W}/v.yaml`]: anchored }, `${W}/v.yaml`)).filter((code) => code !== 'path-not-mapped'),
      [],
    );
    const lines = ['a0: &a0 {tlsMode: 1}'];
    for (let level = 1; level <= 9; level++) {
      lines.push(`a${level}: &a${level} {${Array.from({ length: 9 }, (_, index) => `k${index}: *a${level - 1}`).join(', ')}}`);
    }
    const bomb = `cluster:\n  enabled: false\n${lines.join('\n')}\nproxy: *a9\n`;
    const started = process.hrtime.bigint();
    await findingsOf({ [`${W}/v.yaml`]: bomb }, `${W}/v.yaml`);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 5000, 'no expansion of 9^9 leaves');
  });
});
