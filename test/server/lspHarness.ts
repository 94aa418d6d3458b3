// An LSP client for the server tests: the real server (startServer + the node host) on one end of
// an in-memory stream pair, a protocol connection on the other. The client answers
// workspace/configuration and records refresh requests, as VS Code would.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { pathToUri } from '../../src/server/convert';
import { startServer } from '../../src/server/languageServer';
import type { WorkspaceFileSystem } from '../../src/core/workspace';
import { makeTempDir } from '../helpers/tempDir';

export interface Harness {
  client: ProtocolConnection;
  initializeResult: InitializeResult;
  refreshes: { diagnostics: number };
  /** Every textDocument/publishDiagnostics, in order (only a client started with `pull: false` gets any). */
  published: PublishDiagnosticsParams[];
  open(filePath: string, text: string, version?: number): Promise<string>;
  change(uri: string, text: string, version: number): Promise<void>;
  /** An incremental change, as editors send while typing. */
  insert(uri: string, position: { line: number; character: number }, text: string, version: number): Promise<void>;
  diagnostics(uri: string): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

/** `pull: false` leaves out the textDocument.diagnostic capability, as Neovim before 0.10 does. */
export async function startHarness(
  root: string,
  options: { markdown?: boolean; pull?: boolean; trusted?: boolean; disk?: WorkspaceFileSystem } = {},
): Promise<Harness> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(ProposedFeatures.all, toServer, toClient);
  startServer(serverConnection, options.disk ? { disk: options.disk } : {});
  const client = createProtocolConnection(toClient, toServer);
  const refreshes = { diagnostics: 0 };
  // Listeners go on before listen(): the server may ask as soon as it is initialized.
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ expiryWarningDays: 30 })));
  client.onRequest('workspace/diagnostic/refresh', () => {
    refreshes.diagnostics++;
    return null;
  });
  client.onRequest('workspace/inlayHint/refresh', () => null);
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
  });
  client.listen();
  const initializeResult = await client.sendRequest<InitializeResult>('initialize', {
    // No processId: the server would watch this very process with a timer that keeps the tests alive.
    processId: null,
    rootUri: pathToUri(root),
    workspaceFolders: [{ uri: pathToUri(root), name: 'ws' }],
    ...(options.trusted === undefined ? {} : { initializationOptions: { trusted: options.trusted } }),
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
      textDocument: {
        hover: { contentFormat: options.markdown === false ? ['plaintext'] : ['markdown', 'plaintext'] },
        ...(options.pull === false ? {} : { diagnostic: { dynamicRegistration: false } }),
      },
    },
  });
  await client.sendNotification('initialized', {});
  return {
    client,
    initializeResult,
    refreshes,
    published,
    async open(filePath, text, version = 1) {
      const uri = pathToUri(filePath);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
      return uri;
    },
    async change(uri, text, version) {
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async insert(uri, position, text, version) {
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text }],
      });
    },
    async diagnostics(uri) {
      const report = await client.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      return report.items;
    },
    async close() {
      await client.sendRequest('shutdown');
      // Ending the server's input stream makes vscode-languageserver call process.exit: dispose only.
      client.dispose();
      serverConnection.dispose();
    },
  };
}

/** Resolves when `check` passes, polling; fails after `timeoutMs` (never a fixed sleep). */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A temporary workspace holding `files` (relative path → text), a server on it, and one close for both. */
export async function startWorkspaceHarness(
  prefix: string,
  files: Readonly<Record<string, string>> = {},
): Promise<{ dir: string; harness: Harness; close: () => Promise<void> }> {
  const workspace = await makeTempDir(prefix);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(workspace.dir, name)), { recursive: true });
    await writeFile(join(workspace.dir, name), text);
  }
  const harness = await startHarness(workspace.dir);
  return {
    dir: workspace.dir,
    harness,
    close: async () => {
      await harness.close();
      await workspace.cleanup();
    },
  };
}
