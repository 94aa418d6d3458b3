// A language server in its own process, driven over stdio as an editor drives it: for comparing
// servers (ours, yaml-language-server) on equal terms and for reading a server's resident memory.
import type { ChildProcessByStdio } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { pathToUri } from '../../src/server/convert';

export interface StdioServerOptions {
  /** Node script and its arguments; run with this process's node. */
  args: string[];
  cwd: string;
  root: string;
  capabilities: ClientCapabilities;
  /** The answer to workspace/configuration, per section. */
  configuration?: (section: string | undefined) => unknown;
}

export interface StdioServer {
  pid: number;
  client: ProtocolConnection;
  open(uri: string, text: string): Promise<void>;
  insert(uri: string, position: { line: number; character: number }, text: string, version: number): Promise<void>;
  /** textDocument/diagnostic (pull). */
  pull(uri: string): Promise<Diagnostic[]>;
  /** The next publishDiagnostics for the URI: call before the edit that causes it. */
  nextPublished(uri: string, timeoutMs?: number): Promise<Diagnostic[]>;
  /** VmRSS of the server process, from /proc/<pid>/status, in bytes. */
  residentBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function startStdioServer(options: StdioServerOptions): Promise<StdioServer> {
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.args.join(' ')}`);
  const client = createProtocolConnection(child.stdout, child.stdin);
  const waiters = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const pending = waiters.get(params.uri) ?? [];
    waiters.delete(params.uri);
    for (const resolve of pending) resolve(params.diagnostics);
  });
  client.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => options.configuration?.(item.section) ?? null),
  );
  // Servers register capabilities and ask for refreshes; an editor says yes and carries on.
  for (const method of [
    'client/registerCapability',
    'client/unregisterCapability',
    'workspace/diagnostic/refresh',
    'workspace/inlayHint/refresh',
    'workspace/codeLens/refresh',
    'window/workDoneProgress/create',
  ]) {
    client.onRequest(method, () => null);
  }
  client.listen();
  const rootUri = pathToUri(options.root);
  await client.sendRequest('initialize', {
    // No processId: the server would poll for this process and it is not the editor.
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: options.capabilities,
  });
  await client.sendNotification('initialized', {});
  return {
    pid,
    client,
    async open(uri, text) {
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    },
    async insert(uri, position, text, version) {
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text }],
      });
    },
    async pull(uri) {
      return (await client.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
    },
    nextPublished(uri, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no publishDiagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        const pending = waiters.get(uri) ?? [];
        pending.push((diagnostics) => {
          clearTimeout(timer);
          resolve(diagnostics);
        });
        waiters.set(uri, pending);
      });
    },
    async residentBytes() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (kb === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
      return Number(kb) * 1024;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        await client.sendRequest('shutdown');
        await client.sendNotification('exit');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      } finally {
        client.dispose();
        // Only this child, and only if it ignored exit.
        if (child.exitCode === null) child.kill();
      }
    },
  };
}
