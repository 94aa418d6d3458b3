// Each keystroke re-reads what a milvus.yaml depends on, as it is at that moment: a compose file or
// a certificate changed on disk (with no watcher event, as when the editor's watcher misses one) or
// a compose file edited in the editor and not saved changes the very next diagnostics. Nothing the
// server keeps between keystrokes may answer for them (only caches keyed by exact text or stat).
import { strict as assert } from 'node:assert';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { copyServerCertificates, createTestPki, type TestPki } from '../helpers/testPki';
import { makeTempDir } from '../helpers/tempDir';
import { docsCompose } from '../unit/rules/ruleHelpers';
import { startHarness, type Harness } from './lspHarness';

const CONFIG = `common:
  security:
    tlsMode: 1
tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
proxy:
  http:
    port: 8080
# typed:
`;
const TYPED_LINE = CONFIG.split('\n').length - 2;

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((diagnostic) => String(diagnostic.code)))].sort();
}

describe('language server: a keystroke sees the files the config depends on as they are now', () => {
  let pki: TestPki;
  let workspace: { dir: string; cleanup: () => Promise<void> };
  let harness: Harness;
  let uri: string;
  let version = 1;
  let column = '# typed:'.length;

  /** Types one character into the comment (the config itself stays the same) and pulls the diagnostics. */
  async function keystroke(): Promise<string[]> {
    await harness.insert(uri, { line: TYPED_LINE, character: column++ }, 'x', ++version);
    return codes(await harness.diagnostics(uri));
  }

  before(async () => {
    pki = await createTestPki();
    workspace = await makeTempDir('lsp-dependencies');
    await copyServerCertificates(pki, join(workspace.dir, 'tls'));
    await writeFile(join(workspace.dir, 'docker-compose.yml'), docsCompose());
    await writeFile(join(workspace.dir, 'milvus.yaml'), CONFIG);
    harness = await startHarness(workspace.dir);
    uri = await harness.open(join(workspace.dir, 'milvus.yaml'), CONFIG);
    assert.deepEqual(codes(await harness.diagnostics(uri)), [], 'a clean start');
  });
  after(async () => {
    await harness.close();
    await workspace.cleanup();
    await pki.cleanup();
  });

  it('a compose file changed on disk: its volumes as they are now', async () => {
    const compose = join(workspace.dir, 'docker-compose.yml');
    await writeFile(compose, docsCompose().replace(/^ {6}- .*\/tls:\/milvus\/tls\n/m, ''));
    assert.ok((await keystroke()).includes('path-not-mapped'), 'the certificates are no longer mounted');
    await writeFile(compose, docsCompose());
    assert.deepEqual(await keystroke(), []);
  });

  it('a certificate replaced on disk: its contents as they are now', async () => {
    const key = join(workspace.dir, 'tls', 'server.key');
    const original = await readFile(key);
    await writeFile(key, await readFile(pki.client.keyPath));
    // Another key of the same size can be written within the file system's timestamp granularity:
    // the stat must differ for any cache keyed on it (the one a keystroke may use), as it does in life.
    await utimes(key, new Date(), new Date(Date.now() + 5_000));
    assert.ok((await keystroke()).includes('key-mismatch'), 'server.key no longer matches server.pem');
    await writeFile(key, original);
    await utimes(key, new Date(), new Date(Date.now() + 10_000));
    assert.deepEqual(await keystroke(), []);
  });

  it("a compose file edited in the editor and not saved: the editor's text", async () => {
    const composeUri = await harness.open(join(workspace.dir, 'docker-compose.yml'), docsCompose());
    await harness.change(composeUri, docsCompose().replace(/^ {6}- .*\/tls:\/milvus\/tls\n/m, ''), 2);
    assert.ok((await keystroke()).includes('path-not-mapped'));
    await harness.change(composeUri, docsCompose(), 3);
    assert.deepEqual(await keystroke(), []);
  });
});
