import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver/node';
import { REPO_ROOT } from '../unit/compose/shippedFiles';

describe('milvus-tls-language-server --stdio', () => {
  it('initializes and reports diagnostics as a separate process', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src', 'server', 'main.ts'), '--stdio'], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const client = createProtocolConnection(child.stdout, child.stdin);
    client.listen();
    try {
      const result = await client.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'milvus-tls-language-server');
      // The version has one source, package.json.
      assert.equal(
        result.serverInfo?.version,
        (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
      );
      await client.sendNotification('initialized', {});
      const uri = 'file:///nowhere/milvus.yaml';
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: 1, text: 'common:\n  security:\n    tlsMode: "2"x\n' },
      });
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'common:\n  security:\n    tlsMode: "1.0"\n' }],
      });
      const report = await client.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(
        report.items.map((item) => item.code),
        ['tls-mode-not-integer'],
      );
      await client.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await client.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      client.dispose();
      child.kill();
    }
  });
});
