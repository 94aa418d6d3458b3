import { strict as assert } from 'node:assert';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, Hover, InlayHint, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderMarkdown, visibleText } from '../helpers/renderMarkdown';
import { copyServerCertificates, createTestPki } from '../helpers/testPki';
import type { TestPki } from '../helpers/testPki';
import { makeTempDir } from '../helpers/tempDir';
import { docsCompose } from '../unit/rules/ruleHelpers';
import type { Harness } from './lspHarness';
import { startHarness, waitFor } from './lspHarness';

const CONFIG = `common:
  security:
    tlsMode: 1
tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
proxy:
  port: 19530
  http:
    enabled: true
    port:
`;

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), [...edits]);
}

describe('language server over the protocol', () => {
  let pki: TestPki;
  let workspace: { dir: string; cleanup: () => Promise<void> };
  let harness: Harness;
  let uri: string;

  before(async () => {
    pki = await createTestPki();
    workspace = await makeTempDir('lsp');
    await copyServerCertificates(pki, join(workspace.dir, 'tls'));
    await writeFile(join(workspace.dir, 'docker-compose.yml'), docsCompose());
    await writeFile(join(workspace.dir, 'milvus.yaml'), CONFIG);
    harness = await startHarness(workspace.dir);
    uri = await harness.open(join(workspace.dir, 'milvus.yaml'), CONFIG);
  });
  after(async () => {
    await harness.close();
    await workspace.cleanup();
    await pki.cleanup();
  });

  it('declares pull diagnostics and the other features', () => {
    const capabilities = harness.initializeResult.capabilities;
    assert.ok(capabilities.diagnosticProvider);
    assert.ok(
      capabilities.hoverProvider &&
        capabilities.completionProvider &&
        capabilities.codeActionProvider &&
        capabilities.documentLinkProvider &&
        capabilities.inlayHintProvider,
    );
  });

  it('reports the shared REST port on the port key, with source, code and fix data', async () => {
    const diagnostics = await harness.diagnostics(uri);
    assert.deepEqual(codes(diagnostics), ['rest-port-shared-with-tls']);
    const [diagnostic] = diagnostics;
    assert.deepEqual(diagnostic?.range, { start: { line: 10, character: 4 }, end: { line: 10, character: 8 } });
    assert.equal(diagnostic?.source, 'milvus-tls');
    assert.match(typeof diagnostic?.message === 'string' ? diagnostic.message : '', /refuses to start/);
  });

  it('offers quick fixes whose edit clears the diagnostic', async () => {
    const diagnostics = await harness.diagnostics(uri);
    const actions = await harness.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range,
      context: { diagnostics },
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Serve REST on its own port: proxy.http.port: 8080', 'Turn REST off: proxy.http.enabled: false'],
    );
    const edits = actions[0]?.edit?.changes?.[uri] ?? [];
    const fixed = applyEdits(CONFIG, edits);
    assert.match(fixed, /\n {4}port: 8080\n/);
    await harness.change(uri, fixed, 2);
    assert.deepEqual(codes(await harness.diagnostics(uri)), []);
    await harness.change(uri, CONFIG, 3);
  });

  it('hovers tlsMode and a path (markdown)', async () => {
    const mode = await harness.client.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 6 },
    });
    const value = mode.contents as { kind: string; value: string };
    assert.equal(value.kind, 'markdown');
    assert.match(value.value, /one-way TLS/);
    const file = await harness.client.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 22 },
    });
    // What a reader sees: values in the Markdown are escaped.
    assert.match(
      visibleText(renderMarkdown((file.contents as { value: string }).value)),
      /→ workspace file \.\/tls\/server\.pem[\s\S]*SANs: DNS:localhost, IP:127\.0\.0\.1[\s\S]*\(365 days left\)/,
    );
  });

  it('completes keys, tlsMode values and file paths', async () => {
    const typed = `${CONFIG}tls:\n  serverPemPath: /milvus/tls/s`;
    const other = await harness.open(
      join(workspace.dir, 'other-milvus.yaml'),
      `common:\n  security:\n    tlsMode: \ntls:\n  \n${'internaltls:\n  sni: x\n'}`,
    );
    const labels = async (target: string, line: number, character: number) =>
      (
        await harness.client.sendRequest<CompletionItem[]>('textDocument/completion', {
          textDocument: { uri: target },
          position: { line, character },
        })
      ).map((item) => item.label);
    assert.deepEqual(await labels(other, 2, 13), ['0', '1', '2']);
    assert.ok((await labels(other, 4, 2)).includes('serverPemPath'));
    const withPath = await harness.open(join(workspace.dir, 'typing-milvus.yaml'), typed);
    assert.deepEqual((await labels(withPath, 12, 29)).sort(), ['/milvus/tls/ca.pem', '/milvus/tls/server.key', '/milvus/tls/server.pem']);
  });

  it('links path values to the workspace files and shows inlay hints', async () => {
    const links = await harness.client.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((link) => link.target?.replace(/^.*\/tls\//, 'tls/')),
      ['tls/server.pem', 'tls/server.key'],
    );
    const hints = await harness.client.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    const labels = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
    assert.equal(labels[0], '→ one-way TLS');
    // The test PKI's server certificate was issued for 365 days a moment ago.
    assert.equal(labels[1], '365 days left');
  });

  it('offers to mount an unmapped folder, with the edit in the compose file', async () => {
    const text = CONFIG.replace(/\/milvus\/tls\//g, '/certs/').replace('    port:\n', '    port: 8080\n');
    const other = await harness.open(join(workspace.dir, 'certs-milvus.yaml'), text);
    const diagnostics = (await harness.diagnostics(other)).filter((diagnostic) => diagnostic.code === 'path-not-mapped');
    assert.equal(diagnostics.length, 2);
    const actions = await harness.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: other },
      range: diagnostics[0]?.range,
      context: { diagnostics: diagnostics.slice(0, 1) },
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Mount ./certs:/certs:ro in docker-compose.yml (service standalone)'],
    );
    const [composeUri, edits] = Object.entries(actions[0]?.edit?.changes ?? {})[0] ?? [];
    assert.match(composeUri ?? '', /docker-compose\.yml$/);
    assert.deepEqual(
      edits?.map((edit) => edit.newText),
      ['      - ./certs:/certs:ro\n'],
    );
  });

  it('re-validates when a referenced key file is deleted', async () => {
    const before = harness.refreshes.diagnostics;
    await rm(join(workspace.dir, 'tls', 'server.key'));
    await harness.client.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri.replace('milvus.yaml', 'tls/server.key'), type: 3 }],
    });
    await waitFor(() => harness.refreshes.diagnostics > before);
    const diagnostics = await harness.diagnostics(uri);
    assert.ok(codes(diagnostics).includes('file-not-found'));
    const actions = await harness.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range,
      context: { diagnostics: diagnostics.filter((diagnostic) => diagnostic.code === 'file-not-found') },
    });
    assert.deepEqual(
      actions.map((action) => action.command?.command),
      ['milvusTls.generateCertificates'],
    );
  });
});

describe('language server hover without markdown', () => {
  it('answers in plain text', async () => {
    const workspace = await makeTempDir('lsp-plain');
    const harness = await startHarness(workspace.dir, { markdown: false });
    try {
      const uri = await harness.open(join(workspace.dir, 'milvus.yaml'), 'common:\n  security:\n    tlsMode: 2\n');
      const hover = await harness.client.sendRequest<Hover>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 2, character: 6 },
      });
      assert.equal((hover.contents as { kind: string }).kind, 'plaintext');
      assert.doesNotMatch((hover.contents as { value: string }).value, /\*\*/);
    } finally {
      await harness.close();
      await workspace.cleanup();
    }
  });
});
