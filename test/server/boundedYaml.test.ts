// The language server on hostile YAML: alias bombs and self-references in milvus.yaml and in the
// compose file next to it answer with a diagnostic on the alias, and the server keeps serving.
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';
import { makeTempDir } from '../helpers/tempDir';
import { mapBomb, mergeBomb } from '../helpers/yamlBombs';
import type { Harness } from './lspHarness';
import { startHarness } from './lspHarness';

function limitDiagnostic(diagnostics: readonly Diagnostic[]): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === 'yaml-alias-limit');
  assert.ok(found, `no yaml-alias-limit among ${JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code))}`);
  return found;
}

describe('language server: bounded YAML', () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };
  let harness: Harness;

  before(async () => {
    workspace = await makeTempDir('lsp-bombs');
    harness = await startHarness(workspace.dir);
  });
  after(async () => {
    await harness.close();
    await workspace.cleanup();
  });

  it('reports a self-reference as an error on the alias', async () => {
    const uri = await harness.open(join(workspace.dir, 'self', 'milvus.yaml'), 'common:\n  security:\n    tlsMode: 1\na: &a {b: *a}\n');
    const diagnostic = limitDiagnostic(await harness.diagnostics(uri));
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range.start, { line: 3, character: 10 });
  });

  it('answers a map bomb with a diagnostic, and still hovers', async () => {
    const text = `common:\n  security:\n    tlsMode: 3\n${mapBomb()}`;
    const uri = await harness.open(join(workspace.dir, 'bomb', 'milvus.yaml'), text);
    const diagnostics = await harness.diagnostics(uri);
    limitDiagnostic(diagnostics);
    // The rest of the file is still checked.
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'tls-mode-unknown'));
    const hover = await harness.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
    assert.ok(hover, 'no hover on tlsMode after the bomb');
  });

  it('says on milvus.yaml when the compose file next to it was cut off', async () => {
    const folder = join(workspace.dir, 'compose-bomb');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'docker-compose.yml'),
      `${mergeBomb()}services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    environment: *e6\n`);
    const uri = await harness.open(join(folder, 'milvus.yaml'), 'common:\n  security:\n    tlsMode: 0\n');
    const diagnostic = limitDiagnostic(await harness.diagnostics(uri));
    assert.ok(typeof diagnostic.message === 'string' && diagnostic.message.startsWith('docker-compose.yml: '), JSON.stringify(diagnostic.message));
  });
});
