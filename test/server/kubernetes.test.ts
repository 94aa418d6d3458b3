// The language server on Kubernetes files: recognised by content under any name, findings on the
// exact lines (inside user.yaml blocks too), quick fixes that clear them, nothing for other YAML.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { makeTempDir } from '../helpers/tempDir';
import { docsHelmValues, k8sFile } from '../unit/kubernetes/corpus';
import type { Harness } from './lspHarness';
import { startHarness } from './lspHarness';

function codesAndLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line + 1}`);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), [...edits]);
}

/** Applies the preferred quick fix of every diagnostic with one of `codes`, one at a time, as a user would. */
async function fixAll(
  harness: Harness,
  uri: string,
  text: string,
  codes: readonly string[],
  version: number,
): Promise<{ text: string; version: number }> {
  let current = text;
  let currentVersion = version;
  for (;;) {
    const diagnostics = (await harness.diagnostics(uri)).filter((diagnostic) => codes.includes(String(diagnostic.code)));
    const [first] = diagnostics;
    if (!first) return { text: current, version: currentVersion };
    const actions = await harness.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    });
    const preferred = actions.find((action) => action.isPreferred) ?? actions[0];
    const edits = preferred?.edit?.changes?.[uri];
    assert.ok(edits && edits.length > 0, `a quick fix for ${String(first.code)}`);
    current = applyEdits(current, edits);
    currentVersion++;
    await harness.change(uri, current, currentVersion);
  }
}

const VALUES = `# Milvus on Kubernetes, the way the docs describe it\n${docsHelmValues(`proxy:
  http:
    port: 8080
common:
  security:
    tlsMode: 1
  # the Operator sample's mistake, copied
  tls:
    serverPemPath: /certs/server.pem
    serverKeyPath: /certs/server.key
`)}`;

describe('language server on Kubernetes files', () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };
  let harness: Harness;

  before(async () => {
    workspace = await makeTempDir('lsp-k8s');
    harness = await startHarness(workspace.dir);
  });
  after(async () => {
    await harness.close();
    await workspace.cleanup();
  });

  it("the Operator's TLS sample: its real faults on their lines, and the quick fixes clear them", async () => {
    const text = k8sFile('operator-1.3.8/external_tls.yaml');
    const uri = await harness.open(join(workspace.dir, 'external_tls.yaml'), text);
    assert.deepEqual(codesAndLines(await harness.diagnostics(uri)), [
      'pem-bad-base64@12',
      'k8s-secret-pem-folded@16',
      'k8s-secret-pem-folded@20',
      'bundled-test-certificate@40',
      'bundled-test-certificate@40',
      'misplaced-block@43',
    ]);
    const fixed = await fixAll(harness, uri, text, ['misplaced-block', 'k8s-secret-pem-folded'], 1);
    const after = codesAndLines(await harness.diagnostics(uri));
    assert.ok(!after.some((entry) => /misplaced-block|k8s-secret-pem-folded|bundled-test-certificate/.test(entry)), after.join(', '));
    const [secret, milvus] = fixed.text
      .split(/^---$/m)
      .slice(1)
      .map((document) => parse(document) as Record<string, unknown>);
    assert.match(String((secret?.stringData as Record<string, string>)['server.key']), /^-----BEGIN RSA PRIVATE KEY-----\nchange/);
    const config = (milvus?.spec as { config: Record<string, unknown> }).config;
    assert.deepEqual(config.tls, { serverPemPath: '/certs/server.pem', serverKeyPath: '/certs/server.key', caPemPath: '/certs/ca.pem' });
    assert.equal((config.common as Record<string, unknown>).tls, undefined);
    assert.match(fixed.text, /# Configure the proxy tls certificates/, 'comments stay');
  });

  it("a values file under any name: findings inside the user.yaml block, a fix at the block's indentation", async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = VALUES.replace(/\n/g, eol);
      const uri = await harness.open(join(workspace.dir, eol === '\n' ? 'prod.yaml' : 'prod-crlf.yaml'), text);
      const diagnostics = await harness.diagnostics(uri);
      assert.deepEqual(
        codesAndLines(diagnostics).filter((entry) => !entry.startsWith('path-not-mapped')),
        ['bundled-test-certificate@19', 'bundled-test-certificate@19', 'misplaced-block@21'],
      );
      const hover = await harness.client.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 18, character: 10 },
      });
      assert.match(JSON.stringify(hover?.contents ?? ''), /tlsMode/);
      const fixed = await fixAll(harness, uri, text, ['misplaced-block'], 1);
      const userYaml = (parse(fixed.text) as { extraConfigFiles: Record<string, string> }).extraConfigFiles['user.yaml'] ?? '';
      assert.deepEqual((parse(userYaml) as { tls: unknown }).tls, {
        serverPemPath: '/certs/server.pem',
        serverKeyPath: '/certs/server.key',
      });
      if (eol === '\r\n') assert.doesNotMatch(fixed.text.replace(/\r\n/g, ''), /\n/, 'CRLF kept');
      const remaining = codesAndLines(await harness.diagnostics(uri));
      assert.deepEqual(
        remaining.filter((entry) => !entry.startsWith('path-not-mapped')),
        [],
        remaining.join(', '),
      );
    }
  });

  it('ordinary YAML files get nothing', async () => {
    for (const [name, text] of [
      ['ci.yaml', 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n'],
      [
        'deployment.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: []\n',
      ],
      ['values.yaml', 'replicaCount: 1\nimage:\n  repository: nginx\ntls: [broken\n'],
    ] as const) {
      const uri = await harness.open(join(workspace.dir, name), text);
      assert.deepEqual(await harness.diagnostics(uri), [], name);
      const hover = await harness.client.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 1 },
      });
      assert.equal(hover, null);
    }
  });
});
