// Executes the generated curl snippets with sh against HTTPS servers set up like the Milvus REST
// listener (tlsMode 1, and tlsMode 2 with a verified client certificate and TLS 1.3), from a
// folder whose name needs quoting, connecting by IP while the URL keeps the certificate's name.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { SnippetInput } from '../../../src/core/snippets';
import { curlSnippet } from '../../../src/core/snippets';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../../helpers/servers/milvusRestServer';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import type { ClientFiles } from './awkwardFiles';
import { awkwardClientFiles, milvusServerFiles } from './awkwardFiles';
import { ServerSet } from '../../helpers/servers/serverSet';

const run = promisify(execFile);

/** Runs the snippet as the user would paste it into sh; async, because the servers live in this process. */
async function runSnippet(text: string, token?: string): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...(token !== undefined ? { MILVUS_TOKEN: token } : {}) };
  try {
    const { stdout, stderr } = await run('sh', ['-c', text], { env, timeout: 20000 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('curl snippet, executed', () => {
  let pki: TestPki;
  let files: ClientFiles;
  const servers = new ServerSet();
  let mode1: RunningServer;
  let mode2: RunningServer;
  let withAuth: RunningServer;

  before(async () => {
    pki = await createTestPki();
    files = await awkwardClientFiles(pki);
    mode1 = await servers.start(startMilvusRestServer({ mode: 1, files: milvusServerFiles(pki) }));
    mode2 = await servers.start(startMilvusRestServer({ mode: 2, files: milvusServerFiles(pki) }));
    withAuth = await servers.start(startMilvusRestServer({ mode: 1, files: milvusServerFiles(pki), requiredToken: 'root:Milvus' }));
  });
  after(async () => {
    await servers.closeAll();
    await pki.cleanup();
  });

  const input = (mode: 1 | 2, httpPort: number, auth = false): SnippetInput => ({
    mode,
    host: '127.0.0.1',
    port: 19530,
    httpPort,
    serverName: 'localhost',
    auth,
    caPath: files.caPath,
    certPath: files.certPath,
    keyPath: files.keyPath,
  });

  it('tlsMode 1: lists collections over one-way TLS', async () => {
    const result = await runSnippet(curlSnippet(input(1, mode1.port)).text);
    assert.equal(result.ok, true, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { code: 0, data: [] });
  });

  it('tlsMode 2: lists collections with the client certificate', async () => {
    const result = await runSnippet(curlSnippet(input(2, mode2.port)).text);
    assert.equal(result.ok, true, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { code: 0, data: [] });
  });

  it('tlsMode 2 server: the one-way snippet is refused (the client files matter)', async () => {
    const result = await runSnippet(curlSnippet(input(1, mode2.port)).text);
    assert.equal(result.ok, false);
  });

  it('sends $MILVUS_TOKEN as the bearer token', async () => {
    const snippet = curlSnippet(input(1, withAuth.port, true)).text;
    assert.deepEqual(JSON.parse((await runSnippet(snippet, 'root:Milvus')).stdout), { code: 0, data: [] });
    assert.equal((JSON.parse((await runSnippet(snippet)).stdout) as { code: number }).code, 1800);
  });
});
