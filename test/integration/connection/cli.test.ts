// `milvus-tls ping` as a user runs it: a child process against real servers on loopback, checking
// exit codes (0 ok / warnings, 1 usage, 3 a step failed), the printed diagnosis, --json, and that the
// token never appears in the output.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConnectionReport } from '../../../src/core/connection';
import { closedPort } from '../../helpers/servers/closedPort';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../../helpers/servers/milvusRestServer';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';
import { serverFiles } from './steps';

const ROOT = join(__dirname, '..', '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// Asynchronous on purpose: the servers live in this process and must keep answering meanwhile.
function ping(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'ping', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('milvus-tls ping', () => {
  let pki: TestPki;
  let grpc: RunningServer;
  let rest: RunningServer;
  let auth: RunningServer;

  before(async () => {
    pki = await createTestPki();
    grpc = await startMilvusGrpcServer({ mode: 1, files: serverFiles(pki, pki.server) });
    rest = await startMilvusRestServer({ mode: 1, files: serverFiles(pki, pki.server) });
    auth = await startMilvusGrpcServer({ mode: 1, files: serverFiles(pki, pki.server), requiredToken: 'root:S3cret-Token' });
  });
  after(async () => {
    await grpc.close();
    await rest.close();
    await auth.close();
    await pki.cleanup();
  });

  it('exits 0 and prints every step when everything passes', async () => {
    const run = await ping([`https://localhost:${grpc.port}`, '--ca', pki.ca.certPath, '--http-port', String(rest.port)]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const title of ['TCP connect', 'TLS handshake', 'Go certificate rules', 'gRPC GetVersion', 'REST collections/list']) {
      assert.match(run.stdout, new RegExp(`PASS {2}${title} \\(\\d+ ms\\)`));
    }
    assert.match(run.stdout, /Result: OK/);
  });

  it('exits 3 with the cause and the fix when a step fails', async () => {
    const run = await ping([`127.0.0.1:${await closedPort()}`, '--timeout', '2000']);
    assert.equal(run.code, 3, run.stdout + run.stderr);
    assert.match(run.stdout, /FAIL {2}TCP connect/);
    assert.match(run.stdout, /cause: connection-refused/);
    assert.match(run.stdout, /fix: {3}Start Milvus/);
    assert.match(run.stdout, /Result: FAILED/);
  });

  it('exits 1 on bad usage or an unreadable file', async () => {
    for (const args of [
      ['--dir', pki.dir],
      ['localhost:99999'],
      ['localhost', '--ca', join(pki.dir, 'missing.pem')],
      ['localhost', '--cert', pki.client.certPath],
    ]) {
      const run = await ping(args);
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
    }
  });

  it('prints the JSON report, counts UNAUTHENTICATED as a warning and never prints the token', async () => {
    const token = 'root:S3cret-Token';
    const run = await ping([
      `127.0.0.1:${auth.port}`,
      '--ca',
      pki.ca.certPath,
      '--server-name',
      'localhost',
      '--token',
      'root:nope',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as ConnectionReport;
    assert.equal(report.steps.find((s) => s.id === 'grpc')?.cause?.code, 'unauthenticated');
    assert.equal(report.target.tokenGiven, true);
    assert.ok(!run.stdout.includes('root:nope'));
    // From the environment, so it is not in `ps` either; right token, so the call passes.
    const fromEnv = await ping([`127.0.0.1:${auth.port}`, '--ca', pki.ca.certPath], { MILVUS_TOKEN: token });
    assert.equal(fromEnv.code, 0, fromEnv.stdout + fromEnv.stderr);
    assert.match(fromEnv.stdout, /PASS {2}gRPC GetVersion/);
    for (const secret of [token, Buffer.from(token).toString('base64')]) {
      assert.ok(!(fromEnv.stdout + fromEnv.stderr).includes(secret), 'token printed');
    }
  });
});
