// The push path: a client without the textDocument.diagnostic capability (Neovim before 0.10)
// gets textDocument/publishDiagnostics on open, change and watched-file change, one per burst of
// edits, and an empty list on close. A client that pulls gets no pushes.
import { strict as assert } from 'node:assert';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { pathToUri } from '../../src/server/convert';
import { pushesDiagnostics } from '../../src/server/languageServer';
import { makeTempDir } from '../helpers/tempDir';
import type { Harness } from './lspHarness';
import { startHarness, waitFor } from './lspHarness';

const config = (mode: string): string => `common:\n  security:\n    tlsMode: ${mode}\n`;

function codesOf(params: PublishDiagnosticsParams | undefined): string[] {
  return params?.diagnostics.map((diagnostic) => String(diagnostic.code)) ?? [];
}

describe('language server: pushed diagnostics for clients that cannot pull', () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };
  let harness: Harness;

  before(async () => {
    workspace = await makeTempDir('lsp-push');
    harness = await startHarness(workspace.dir, { pull: false });
  });

  after(async () => {
    await harness.close();
    await workspace.cleanup();
  });

  const forUri = (uri: string): PublishDiagnosticsParams[] => harness.published.filter((params) => params.uri === uri);

  it("publishes on open, on the server's own line and code", async () => {
    const uri = await harness.open(join(workspace.dir, 'milvus.yaml'), config('3'));
    await waitFor(() => forUri(uri).length > 0);
    const [first] = forUri(uri);
    assert.equal(first?.version, 1);
    assert.deepEqual(codesOf(first), ['tls-mode-unknown']);
    assert.equal(first?.diagnostics[0]?.range.start.line, 2);
  });

  it('publishes once for a burst of edits, for the last version', async () => {
    const uri = pathToUri(join(workspace.dir, 'milvus.yaml'));
    const before = forUri(uri).length;
    for (let version = 2; version <= 6; version++) await harness.change(uri, config(version === 6 ? '1' : String(version + 10)), version);
    await waitFor(() => forUri(uri).at(-1)?.version === 6);
    // The debounce itself (one publish per burst) is tested with a mock clock in pushDebounce.test.ts.
    const after = forUri(uri).slice(before);
    assert.ok(
      after.every((params) => params.version === 6),
      `only the last version is published: ${after.map((params) => params.version).join(', ')}`,
    );
    assert.ok(!codesOf(after[0]).includes('tls-mode-unknown'), codesOf(after[0]).join(', '));
  });

  it('publishes again when a watched file changes', async () => {
    const uri = pathToUri(join(workspace.dir, 'milvus.yaml'));
    const before = forUri(uri).length;
    const pem = join(workspace.dir, 'server.pem');
    await writeFile(pem, 'not a certificate\n');
    try {
      await harness.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(pem), type: 1 }] });
      await waitFor(() => forUri(uri).length > before);
    } finally {
      await rm(pem, { force: true });
    }
  });

  it('sends an empty list on close', async () => {
    const uri = pathToUri(join(workspace.dir, 'milvus.yaml'));
    await harness.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await waitFor(() => forUri(uri).at(-1)?.diagnostics.length === 0);
  });

  it('does not push to a client that pulls', async () => {
    assert.equal(pushesDiagnostics({ textDocument: { diagnostic: { dynamicRegistration: false } } }), false);
    assert.equal(pushesDiagnostics({ textDocument: {} }), true);
    const pulling = await startHarness(workspace.dir);
    try {
      const uri = await pulling.open(join(workspace.dir, 'user.yaml'), config('3'));
      assert.deepEqual(
        (await pulling.diagnostics(uri)).map((diagnostic) => String(diagnostic.code)),
        ['tls-mode-unknown'],
      );
      assert.deepEqual(pulling.published, []);
    } finally {
      await pulling.close();
    }
  });
});
