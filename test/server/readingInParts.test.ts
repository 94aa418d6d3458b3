// The server reads a file again after an edit reusing the unchanged top-level parts of its last
// reading (core/config/segmentedConfig.ts, core/kubernetes/segmentedManifest.ts). Over the protocol:
// after each edit, typed as an editor sends it, the diagnostics are exactly those a fresh server
// gives for the same text, also when the edit makes the file unreadable in parts and back.
import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { copyServerCertificates, createTestPki } from '../helpers/testPki';
import type { TestPki } from '../helpers/testPki';
import { makeTempDir } from '../helpers/tempDir';
import { docsCompose } from '../unit/rules/ruleHelpers';
import { docsHelmValues } from '../unit/kubernetes/corpus';
import { startHarness } from './lspHarness';

const CONFIG = `# Milvus, TLS on
common:
  security:
    tlsMode: 2
tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
proxy:
  port: 19530
  http:
    enabled: true
    port: 8080
`;

const USER_YAML =
  'common:\n  security:\n    tlsMode: 2\ntls:\n  serverPemPath: /certs/server.pem\n  serverKeyPath: /certs/server.key\n  caPemPath: /certs/ca.pem\n';

/** Typed one after the other: [line, character, text]. */
type Edit = [number, number, string];

const CONFIG_EDITS: { what: string; edit: Edit }[] = [
  { what: 'a wrong tlsMode in the first part', edit: [3, 13, '7'] },
  { what: 'a line above every part, moving all of them', edit: [0, 0, '# top\n'] },
  { what: 'the same top-level key again (read whole)', edit: [14, 0, 'common:\n  security:\n    tlsMode: 1\n'] },
  { what: 'a syntax error (read whole)', edit: [5, 0, 'broken: [\n'] },
  { what: 'the syntax error closed, a key with another spelling', edit: [5, 9, ']\nTLS:\n  caPemPath: /milvus/tls/other.pem'] },
  { what: 'an alias to another part (read whole)', edit: [0, 0, 'anchored: &a /milvus/tls/ca.pem\n'] },
];

function sorted(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => JSON.stringify(diagnostic)).sort();
}

describe('the language server reading an edited file in parts', () => {
  let pki: TestPki;
  let workspace: { dir: string; cleanup: () => Promise<void> };

  before(async () => {
    pki = await createTestPki();
    workspace = await makeTempDir('lsp-parts');
    await copyServerCertificates(pki, join(workspace.dir, 'tls'));
    await writeFile(join(workspace.dir, 'docker-compose.yml'), docsCompose());
  });
  after(async () => {
    await workspace.cleanup();
    await pki.cleanup();
  });

  for (const { name, text, edits } of [
    { name: 'milvus.yaml', text: CONFIG, edits: CONFIG_EDITS },
    {
      name: 'values.yaml',
      text: docsHelmValues(USER_YAML, 'image:\n  all:\n    tag: v2.5.27\n'),
      edits: [
        { what: 'a wrong tlsMode inside user.yaml', edit: [14, 17, '7'] as Edit },
        { what: 'a line above every part', edit: [0, 0, '# values\n'] as Edit },
        { what: 'the same top-level key again (read whole)', edit: [0, 0, 'image:\n  all:\n    tag: v2.4.0\n'] as Edit },
      ],
    },
  ]) {
    it(`${name}: after each edit, the diagnostics of a fresh server`, async () => {
      const edited = await startHarness(workspace.dir);
      try {
        const filePath = join(workspace.dir, name);
        const uri = await edited.open(filePath, text);
        let current = text;
        let version = 1;
        for (const { what, edit } of edits) {
          const [line, character, inserted] = edit;
          version++;
          await edited.insert(uri, { line, character }, inserted, version);
          const lines = current.split('\n');
          lines[line] = `${(lines[line] ?? '').slice(0, character)}${inserted}${(lines[line] ?? '').slice(character)}`;
          current = lines.join('\n');
          const fresh = await startHarness(workspace.dir);
          try {
            const expected = await fresh.diagnostics(await fresh.open(filePath, current));
            const actual = await edited.diagnostics(uri);
            assert.deepEqual(sorted(actual), sorted(expected), what);
            assert.ok(expected.length > 0 || what.startsWith('a line above'), `${what}: the edit is one a rule reports`);
          } finally {
            await fresh.close();
          }
        }
      } finally {
        await edited.close();
      }
    });
  }
});
