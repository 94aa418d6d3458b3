// Restricted Mode: a cloned repository must not make the language server read outside its folder.
// Through a `../secret:/milvus/tls` volume, a `- /:/host` volume, a symlink out of the workspace, or
// an absolute path with no compose file, the server reports "outside the workspace" instead of the
// file's content, lists no outside folder in completion, links nothing there, and calls a device "not
// a regular file". Trusted, the same workspace reads the files as before.
import { strict as assert } from 'node:assert';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Diagnostic, DocumentLink, Hover } from 'vscode-languageserver/node';
import { createTestPki } from '../helpers/testPki';
import type { TestPki } from '../helpers/testPki';
import { makeTempDir } from '../helpers/tempDir';
import { startHarness } from './lspHarness';

const CONFIG = (folder: string): string => `common:
  security:
    tlsMode: 1
tls:
  serverPemPath: ${folder}/server.pem
  serverKeyPath: ${folder}/server.key
proxy:
  http:
    port: 8080
`;

const COMPOSE = `services:
  standalone:
    image: milvusdb/milvus:v2.6.20
    volumes:
      - ../secret:/milvus/tls
      - /:/host
      - ./linked:/milvus/linked
      - ./milvus.yaml:/milvus/configs/milvus.yaml
`;

describe('language server containment (Restricted Mode)', () => {
  let pki: TestPki;
  let root: { dir: string; cleanup: () => Promise<void> };
  let workspace = '';

  before(async () => {
    pki = await createTestPki();
    root = await makeTempDir('containment');
    workspace = join(root.dir, 'workspace');
    await mkdir(join(root.dir, 'secret'), { recursive: true });
    await mkdir(workspace, { recursive: true });
    await copyFile(pki.server.certPath, join(root.dir, 'secret', 'server.pem'));
    await copyFile(pki.server.keyPath, join(root.dir, 'secret', 'server.key'));
    await symlink(join(root.dir, 'secret'), join(workspace, 'linked'));
    await writeFile(join(workspace, 'docker-compose.yml'), COMPOSE);
  });
  after(async () => {
    await root.cleanup();
    await pki.cleanup();
  });

  async function analyse(
    trusted: boolean,
    folder: string,
  ): Promise<{ diagnostics: Diagnostic[]; hover: Hover | null; links: DocumentLink[]; completion: CompletionItem[] }> {
    const harness = await startHarness(workspace, { trusted });
    try {
      const text = CONFIG(folder);
      const uri = await harness.open(join(workspace, 'milvus.yaml'), text);
      const diagnostics = await harness.diagnostics(uri);
      const hover = await harness.client.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 4, character: 18 },
      });
      const links = await harness.client.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
      const completion = await harness.client.sendRequest<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 4, character: 17 },
      });
      return { diagnostics, hover, links, completion };
    } finally {
      await harness.close();
    }
  }

  for (const [name, folder] of [
    ['a ../secret volume', '/milvus/tls'],
    ['a symlink out of the workspace', '/milvus/linked'],
    ['a /:/host volume', '/host'],
  ] as const) {
    it(`does not read through ${name} when untrusted, and does when trusted`, async () => {
      const target = folder === '/host' ? `/host${root.dir}/secret` : folder;
      const untrusted = await analyse(false, target);
      const codes = untrusted.diagnostics.map((diagnostic) => String(diagnostic.code));
      assert.ok(codes.includes('path-outside-workspace'), codes.join(', '));
      assert.ok(!codes.includes('key-mismatch') && !codes.includes('file-not-found'), codes.join(', '));
      const hoverText = JSON.stringify(untrusted.hover);
      assert.match(hoverText, /outside the workspace folders, not read/);
      assert.doesNotMatch(hoverText, /Certificate|SHA-256|workspace file/);
      assert.deepEqual(untrusted.links, []);
      assert.ok(!untrusted.completion.some((item) => item.label.toString().endsWith('.pem')), 'no outside folder listed');

      const trusted = await analyse(true, target);
      const trustedCodes = trusted.diagnostics.map((diagnostic) => String(diagnostic.code));
      assert.ok(!trustedCodes.includes('path-outside-workspace'), trustedCodes.join(', '));
      assert.match(JSON.stringify(trusted.hover), /Certificate/);
      // A mount of a folder outside the project is no "workspace file" (the symlink's path is inside).
      if (folder !== '/milvus/linked') assert.match(JSON.stringify(trusted.hover), /file outside the project folder/);
      if (folder !== '/host') {
        assert.ok(
          trusted.completion.some((item) => item.label.toString().endsWith('.pem')),
          'trusted, the mounted folder is listed',
        );
      }
    });
  }

  it('calls /dev/zero not a regular file', async () => {
    const harness = await startHarness(workspace, { trusted: true });
    try {
      const uri = await harness.open(join(workspace, 'milvus.yaml'), CONFIG('/host/dev').replace('/host/dev/server.pem', '/host/dev/zero'));
      const messages = (await harness.diagnostics(uri)).map((diagnostic) =>
        typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      );
      assert.ok(
        messages.some((message) => /zero is not a regular file/.test(message)),
        messages.join('\n'),
      );
    } finally {
      await harness.close();
    }
  });
});
