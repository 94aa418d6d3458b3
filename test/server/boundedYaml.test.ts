// The language server on hostile YAML: alias bombs and self-references in milvus.yaml and in the
// compose file next to it answer with a diagnostic on the alias, and the server keeps serving.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';
import { mapBomb, mergeBomb } from '../helpers/yamlBombs';
import type { Harness } from './lspHarness';
import { startWorkspaceHarness } from './lspHarness';

function limitDiagnostic(diagnostics: readonly Diagnostic[]): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === 'yaml-alias-limit');
  assert.ok(found, `no yaml-alias-limit among ${JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code))}`);
  return found;
}

describe('language server: bounded YAML', () => {
  const composeBomb = `${mergeBomb()}services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    environment: *e6\n`;
  let dir = '';
  let harness: Harness;
  let close: () => Promise<void> = () => Promise.resolve();

  before(
    async () => ({ dir, harness, close } = await startWorkspaceHarness('lsp-bombs', { 'compose-bomb/docker-compose.yml': composeBomb })),
  );
  after(() => close());

  it('reports a self-reference as an error on the alias', async () => {
    const uri = await harness.open(join(dir, 'self', 'milvus.yaml'), 'common:\n  security:\n    tlsMode: 1\na: &a {b: *a}\n');
    const diagnostic = limitDiagnostic(await harness.diagnostics(uri));
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range.start, { line: 3, character: 10 });
  });

  it('answers a map bomb with a diagnostic, and still hovers', async () => {
    const text = `common:\n  security:\n    tlsMode: 3\n${mapBomb()}`;
    const uri = await harness.open(join(dir, 'bomb', 'milvus.yaml'), text);
    const diagnostics = await harness.diagnostics(uri);
    limitDiagnostic(diagnostics);
    // The rest of the file is still checked.
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'tls-mode-unknown'));
    const hover = await harness.client.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 6 },
    });
    assert.ok(hover, 'no hover on tlsMode after the bomb');
  });

  it('says on milvus.yaml when the compose file next to it was cut off', async () => {
    const uri = await harness.open(join(dir, 'compose-bomb', 'milvus.yaml'), 'common:\n  security:\n    tlsMode: 0\n');
    const diagnostic = limitDiagnostic(await harness.diagnostics(uri));
    assert.ok(
      typeof diagnostic.message === 'string' && diagnostic.message.startsWith('docker-compose.yml: '),
      JSON.stringify(diagnostic.message),
    );
  });
});
