// The language server's cost per keystroke: the median time from an edit of the largest shipped
// milvus.yaml (tlsMode 2, three certificates behind a compose volume) to its diagnostics, over the
// protocol, against a bare `yaml` parse of the same text in the same run. Certificates are cached by
// stat, so the target is at most 1.5x. Then the server's resident memory with ten such documents open.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { createTestPki } from '../helpers/testPki';
import { makeTempDir } from '../helpers/tempDir';
import { startHarness } from '../server/lspHarness';
import { SHIPPED_CONFIGS_DIR } from '../unit/compose/shippedFiles';
import { docsCompose } from '../unit/rules/ruleHelpers';
import { formatTable, median } from './benchTable';

const ROUNDS = 30;

function tlsOn(text: string): string {
  return text.replace(/tlsMode: 0/, 'tlsMode: 2')
    .replace(/configs\/cert\//g, '/milvus/tls/')
    .replace(/(\n {4}port:)( *#.*)?\n/, '$1 8080$2\n');
}

export async function runLanguageServerBench(): Promise<void> {
  const pki = await createTestPki();
  const workspace = await makeTempDir('bench-lsp');
  try {
    await mkdir(join(workspace.dir, 'tls'));
    for (const [from, to] of [[pki.server.certPath, 'server.pem'], [pki.server.keyPath, 'server.key'], [pki.ca.certPath, 'ca.pem']] as const) {
      await copyFile(from, join(workspace.dir, 'tls', to));
    }
    await writeFile(join(workspace.dir, 'docker-compose.yml'), docsCompose());
    const text = tlsOn(await readFile(join(SHIPPED_CONFIGS_DIR, 'milvus-master-2026-08-07.yaml'), 'utf8'));
    const harness = await startHarness(workspace.dir);
    try {
      const uri = await harness.open(join(workspace.dir, 'milvus.yaml'), text);
      await harness.diagnostics(uri);
      const ours: number[] = [];
      const baseline: number[] = [];
      let edited = text;
      const lastLine = text.split('\n').length - 1;
      for (let round = 0; round < ROUNDS; round++) {
        // One character typed per round at the end of the file, sent incrementally as editors do.
        edited += 'x';
        let start = performance.now();
        await harness.insert(uri, { line: lastLine, character: round }, 'x', round + 2);
        await harness.diagnostics(uri);
        ours.push(performance.now() - start);
        start = performance.now();
        parseDocument(edited);
        baseline.push(performance.now() - start);
      }
      console.log(`${formatTable('Language server: edit to diagnostics (largest shipped milvus.yaml, 3 certificates)', [{
        name: `${text.split('\n').length} lines, tlsMode 2, in-memory LSP, incremental edits`,
        oursMs: median(ours),
        baselineMs: median(baseline),
        baseline: 'yaml parseDocument',
        targetRatio: 1.5,
        rounds: ROUNDS,
      }])}\n`);
      // The server runs in this process here, so this process's memory is the server's (plus the client's).
      for (let index = 0; index < 10; index++) {
        const other = await harness.open(join(workspace.dir, `copy-${index}-milvus.yaml`), text);
        await harness.diagnostics(other);
      }
      const memory = process.memoryUsage();
      console.log(`Memory with 11 such documents open: ${(memory.rss / 1_048_576).toFixed(0)} MB resident, ${(memory.heapUsed / 1_048_576).toFixed(0)} MB heap\n`);
    } finally {
      await harness.close();
    }
  } finally {
    await workspace.cleanup();
    await pki.cleanup();
  }
}
