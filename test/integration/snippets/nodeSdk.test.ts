// Executes the generated Node SDK snippet (an ES module, as written) with node against gRPC servers
// set up like the Milvus proxy: tlsMode 1, and tlsMode 2 (verified client certificate, TLS 1.3).
// The SDK itself is replaced by nodeSdkShim.ts, which maps the options to grpc-js the way the SDK
// does, so what is tested is the snippet's option names and values and its quoting.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { SnippetInput } from '../../../src/core/snippets';
import { nodeSdkSnippet } from '../../../src/core/snippets';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer, TEST_MILVUS_VERSION } from '../../helpers/servers/milvusGrpcServer';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import type { ClientFiles } from './awkwardFiles';
import { awkwardClientFiles, milvusServerFiles } from './awkwardFiles';
import { installNodeSdkShim } from './nodeSdkShim';
import { ServerSet } from '../../helpers/servers/serverSet';

const run = promisify(execFile);

describe('Node SDK snippet, executed', () => {
  let pki: TestPki;
  let files: ClientFiles;
  const servers = new ServerSet();
  let mode1: RunningServer;
  let mode2: RunningServer;
  let withAuth: RunningServer;
  let counter = 0;
  /** Where the snippet and the shim live: Node's ESM loader refuses a backslash in a module's path. */
  let runDir: string;

  before(async () => {
    pki = await createTestPki();
    files = await awkwardClientFiles(pki);
    runDir = join(pki.dir, 'node-run');
    await installNodeSdkShim(runDir);
    mode1 = await servers.start(startMilvusGrpcServer({ mode: 1, files: milvusServerFiles(pki) }));
    mode2 = await servers.start(startMilvusGrpcServer({ mode: 2, files: milvusServerFiles(pki) }));
    withAuth = await servers.start(startMilvusGrpcServer({ mode: 1, files: milvusServerFiles(pki), requiredToken: 'root:Milvus' }));
  });
  after(async () => {
    await servers.closeAll();
    await pki.cleanup();
  });

  const input = (mode: 1 | 2, port: number, auth = false): SnippetInput => ({
    mode,
    host: '127.0.0.1',
    port,
    serverName: 'localhost',
    auth,
    caPath: files.caPath,
    certPath: files.certPath,
    keyPath: files.keyPath,
  });

  /** Writes the snippet next to the shim's node_modules and runs it (the files it names stay in the awkward folder); async, the servers live in this process. */
  async function runSnippet(text: string, token?: string): Promise<{ ok: boolean; stdout: string; stderr: string }> {
    const file = join(runDir, `snippet-${++counter}.mjs`);
    await writeFile(file, text);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', ...(token !== undefined ? { MILVUS_TOKEN: token } : {}) };
    try {
      const { stdout, stderr } = await run(process.execPath, [file], { cwd: runDir, env, timeout: 30000 });
      return { ok: true, stdout, stderr };
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      return { ok: false, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  it('tlsMode 1: GetVersion over one-way TLS, by IP with the certificate name', async () => {
    const result = await runSnippet(nodeSdkSnippet(input(1, mode1.port)).text);
    assert.equal(result.ok, true, result.stderr);
    assert.equal(result.stdout.trim(), `Connected to Milvus ${TEST_MILVUS_VERSION}`);
  });

  it('tlsMode 2: GetVersion with the client certificate', async () => {
    const result = await runSnippet(nodeSdkSnippet(input(2, mode2.port)).text);
    assert.equal(result.ok, true, result.stderr);
    assert.equal(result.stdout.trim(), `Connected to Milvus ${TEST_MILVUS_VERSION}`);
  });

  it('tlsMode 2 server: the one-way snippet fails (the client options matter)', async () => {
    const result = await runSnippet(nodeSdkSnippet(input(1, mode2.port)).text);
    assert.equal(result.ok, false);
    assert.match(result.stderr, /UNAVAILABLE|certificate/i);
  });

  it('sends $MILVUS_TOKEN as the token', async () => {
    const snippet = nodeSdkSnippet(input(1, withAuth.port, true)).text;
    const authenticated = await runSnippet(snippet, 'root:Milvus');
    assert.equal(authenticated.ok, true, authenticated.stderr);
    const anonymous = await runSnippet(snippet);
    assert.equal(anonymous.ok, false);
    assert.match(anonymous.stderr, /UNAUTHENTICATED/);
  });
});
