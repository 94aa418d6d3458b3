// Enable / Disable TLS on Kubernetes files through the one use case (planEnableTlsChanges dispatches
// on the deployment's kind): one edit set that keeps every comment, a second run that changes
// nothing, a Milvus resource the CRD's schema accepts, and a result our own diagnostics pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { Deployment } from '../../../src/core/deployment';
import { deploymentsForFile, LoadedFileCache, ParseCache } from '../../../src/core/deployment';
import { applyTextEdits, EditPlanError } from '../../../src/core/edit';
import { secretManifestFile } from '../../../src/core/kubernetes';
import { generateCertificateSet } from '../../../src/core/pki/generate';
import { defaultCertificateSetOptions, defaultServerSans } from '../../../src/core/pki/defaults';
import { planDisableTlsChanges, planEnableTlsChanges } from '../../../src/core/usecases';
import { memoryFileSystem } from '../../../src/core/workspace';
import { analyseFile, codesAndLines } from './checkHelpers';
import { CHART_VALUES, k8sFile, OPERATOR_DEFAULT_SAMPLES } from './corpus';
import { milvusCrdValidator } from './crdSchema';
import { REPO_ROOT } from '../compose/shippedFiles';

const W = '/ws';
const FILE = `${W}/deploy.yaml`;

function contextOf(files: Record<string, string>) {
  return { fs: memoryFileSystem(files), cache: new LoadedFileCache(), parsed: new ParseCache() };
}

async function deploymentOf(files: Record<string, string>): Promise<Deployment> {
  const [deployment] = await deploymentsForFile(FILE, [W], contextOf(files));
  assert.ok(deployment, 'a Kubernetes deployment');
  return deployment;
}

async function enable(files: Record<string, string>, mode: 1 | 2, secretName = 'milvus-tls'): Promise<{ text: string; summary: string[] }> {
  const deployment = await deploymentOf(files);
  const outcome = await planEnableTlsChanges({ root: W, mode, certsDir: `${W}/tls`, deployment, secretName }, contextOf(files));
  const edits = outcome.changes[0]?.edits;
  assert.ok(Array.isArray(edits));
  return { text: applyTextEdits(files[FILE] ?? '', edits), summary: outcome.summary };
}

function comments(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('#'));
}

/** Every document of the file, parsed as kubectl would: Milvus resources must pass the CRD schema. */
function assertValidResources(text: string): void {
  for (const document of text.split(/^---\s*$/m).map((part) => parse(part) as unknown)) {
    if (typeof document !== 'object' || document === null || (document as { kind?: unknown }).kind !== 'Milvus') continue;
    const validate = milvusCrdValidator();
    assert.ok(validate(document), JSON.stringify(validate.errors));
  }
}

const HOSTILE_VALUES: Record<string, string> = {
  'CRLF, four-space indent':
    'cluster:\r\n    enabled: false\r\nvolumes: []\r\nvolumeMounts: []\r\nextraConfigFiles:\r\n    user.yaml: |-\r\n        # mine\r\n        proxy:\r\n            maxUserNum: 10\r\n',
  'no extraConfigFiles at all': '# my values\ncluster:\n  enabled: false\n',
  'extraConfigFiles: {}': 'cluster:\n  enabled: false\nextraConfigFiles: {}\n',
  'user.yaml with nothing': 'cluster:\n  enabled: false\nextraConfigFiles:\n  user.yaml:\n',
  'an existing volume of the Secret, and a list of items':
    'cluster:\n  enabled: false\nvolumes:\n  - name: data\n    emptyDir: {}\n  - name: tls # ours\n    secret:\n      secretName: milvus-tls\nvolumeMounts:\n  - name: data\n    mountPath: /data\n  - name: tls\n    mountPath: /etc/milvus/tls\n    readOnly: true\n',
};

describe('Enable / Disable TLS for Kubernetes', () => {
  let secret = '';
  before(async () => {
    const names = [
      'my-release-milvus',
      'my-release-milvus.default',
      'my-release-milvus.default.svc',
      'my-release-milvus.default.svc.cluster.local',
    ];
    const files = await generateCertificateSet(
      defaultCertificateSetOptions({
        keyType: 'ecdsa-p256',
        serverCommonName: 'my-release-milvus',
        serverSans: defaultServerSans('my-release-milvus', names),
      }),
    );
    secret = secretManifestFile('milvus-tls', undefined, files)?.contents ?? assert.fail('a Secret manifest');
  });

  const subjects: [string, string][] = [
    ...['examples/milvus-helm/values.yaml', 'examples/milvus-operator/milvus.yaml'].map((file): [string, string] => [
      file,
      readFileSync(path.join(REPO_ROOT, file), 'utf8'),
    ]),
    ...CHART_VALUES.map((file): [string, string] => [file, k8sFile(file)]),
    ...OPERATOR_DEFAULT_SAMPLES.map((file): [string, string] => [file, k8sFile(file)]),
    ...Object.entries(HOSTILE_VALUES),
  ];
  for (const [name, original] of subjects) {
    for (const mode of [1, 2] as const) {
      it(`${name}, tlsMode ${mode}: comments kept, idempotent, schema-valid, clean to our own diagnostics`, async () => {
        const first = await enable({ [FILE]: original }, mode);
        assert.notEqual(first.text, original);
        for (const comment of comments(original)) assert.ok(comments(first.text).includes(comment), `comment kept: ${comment}`);
        if (original.includes('\r\n')) assert.doesNotMatch(first.text.replace(/\r\n/g, ''), /\n/, 'CRLF kept');
        const second = await enable({ [FILE]: first.text }, mode);
        assert.equal(second.text, first.text, 'a second run changes nothing');
        assertValidResources(first.text);
        const files = { [FILE]: first.text, [`${W}/tls/milvus-tls.secret.yaml`]: secret };
        const deployment = await deploymentOf(files);
        assert.equal(deployment.tlsMode.mode, mode);
        const server = deployment.paths.get('tls.serverPemPath');
        assert.equal(server?.location.kind, 'manifest', 'the path is a key of the Secret manifest');
        assert.equal(server?.file?.read?.objects[0]?.kind, 'certificate');
        const findings = (await analyseFile(files, FILE, { release: 'my-release', namespace: 'default' })).findings;
        assert.deepEqual(codesAndLines(first.text, findings, 'information'), []);
        const disabled = await planDisableTlsChanges({ root: W, deployment }, contextOf(files));
        const edits = disabled.changes[0]?.edits;
        assert.ok(Array.isArray(edits) && edits.length > 0);
        const off = applyTextEdits(first.text, edits);
        assert.equal((await deploymentOf({ ...files, [FILE]: off })).tlsMode.mode, 0);
        assert.deepEqual(
          (
            await planDisableTlsChanges(
              { root: W, deployment: await deploymentOf({ ...files, [FILE]: off }) },
              contextOf({ ...files, [FILE]: off }),
            )
          ).changes,
          [],
        );
      });
    }
  }

  it("an existing Secret mount is reused (the Operator sample's /certs), and cert-manager's keys are used", async () => {
    const { text } = await enable({ [FILE]: k8sFile('operator-1.3.8/external_tls.yaml') }, 1, 'certs');
    const milvus = text
      .split(/^---$/m)
      .map((part) => parse(part) as { kind?: string; spec?: { config: { tls: unknown } } } | null)
      .find((document) => document?.kind === 'Milvus');
    assert.deepEqual(milvus?.spec?.config.tls, {
      serverPemPath: '/certs/server.pem',
      serverKeyPath: '/certs/server.key',
      caPemPath: '/certs/ca.pem',
    });
    const certificate =
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: milvus\nspec:\n  secretName: milvus-cm\n  issuerRef:\n    name: ca\n';
    const files = { [FILE]: 'cluster:\n  enabled: false\n', [`${W}/cert-manager.yaml`]: certificate };
    const deployment = await deploymentOf(files);
    const outcome = await planEnableTlsChanges(
      { root: W, mode: 2, certsDir: `${W}/tls`, deployment, secretName: 'milvus-cm' },
      contextOf(files),
    );
    const edits = outcome.changes[0]?.edits;
    assert.ok(Array.isArray(edits));
    const result = applyTextEdits(files[FILE], edits);
    assert.match(result, /serverPemPath: \/milvus\/tls\/tls\.crt/);
    assert.match(result, /caPemPath: \/milvus\/tls\/ca\.crt/);
  });

  it('refuses what it cannot edit in place, and says why', async () => {
    const folded = 'cluster:\n  enabled: false\nextraConfigFiles:\n  user.yaml: >\n    proxy:\n      maxUserNum: 1\n';
    await assert.rejects(
      enable({ [FILE]: folded }, 1),
      (error: unknown) => error instanceof EditPlanError && /folded block scalar/.test(error.message),
    );
    const custom = 'cluster:\n  enabled: false\ncustomConfigMap: mine\n';
    await assert.rejects(
      enable({ [FILE]: custom }, 1),
      (error: unknown) => error instanceof EditPlanError && /customConfigMap/.test(error.message),
    );
  });
});
