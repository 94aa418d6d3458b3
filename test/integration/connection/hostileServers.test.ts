// The connection test against servers that misbehave (test/helpers/servers/hostileServers.ts):
// garbage after the handshake, an invalid HTTP/2 preface, a grpc-message that does not decode,
// escape sequences and megabytes in answers, huge headers, and servers that drip a byte at a time.
// Each step must end within its time limit with a cause (code, text, fix), the report must carry no
// control character and no endless line, and neither the engine nor `milvus-tls ping` may crash:
// the engine runs in this process, and the CLI is the bundle users install.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConnectionReport, ConnectionTarget, StepId, StepResult } from '../../../src/core/connection';
import { testConnection } from '../../../src/core/connection';
import { closedPort } from '../../helpers/servers/closedPort';
import {
  startAnsweringServer,
  startBadPrefaceServer,
  startGarbageServer,
  startSlowLorisServer,
} from '../../helpers/servers/hostileServers';
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { ServerSet } from '../../helpers/servers/serverSet';
import { REPO_ROOT, runProcess } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import type { TestPki } from '../../helpers/testPki';
import { createTestPki } from '../../helpers/testPki';

const TIMEOUT_MS = 1500;
const ESCAPES = '%1B%5B2J%1B%5D0%3Bpwned%07';

/** Every string in the report, wherever it sits. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function step(report: ConnectionReport, id: StepId): StepResult {
  const found = report.steps.find((candidate) => candidate.id === id);
  assert.ok(found, `no ${id} step`);
  return found;
}

/** What every report must be, whatever the server did. */
function assertWellFormed(report: ConnectionReport): void {
  for (const result of report.steps) {
    assert.ok(result.durationMs <= 2 * TIMEOUT_MS, `${result.id} took ${result.durationMs} ms, over its ${TIMEOUT_MS} ms limit`);
    if (result.status === 'fail') {
      assert.ok(
        result.cause && result.cause.message !== '' && result.cause.fix !== '',
        `${result.id} failed without a cause: ${result.summary}`,
      );
    }
  }
  for (const text of strings(report)) {
    assert.doesNotMatch(text, /\p{Cc}/u, `a control character reached the report: ${JSON.stringify(text.slice(0, 80))}`);
    assert.ok(text.length <= 1100, `a line of ${text.length} characters reached the report`);
  }
}

function expectStep(report: ConnectionReport, id: StepId, status: StepResult['status'], codes: readonly string[]): void {
  const found = step(report, id);
  const shown = JSON.stringify({ status: found.status, summary: found.summary, cause: found.cause?.code });
  assert.equal(found.status, status, `${id}: ${shown}`);
  assert.ok(codes.includes(found.cause?.code ?? ''), `${id}: ${shown}, expected a cause among ${codes.join(', ')}`);
}

describe('the connection test against hostile servers', () => {
  const servers = new ServerSet();
  let pki: TestPki;
  let nothing = 0;
  const hostile: Record<string, RunningServer> = {};
  let workspace: { dir: string; cleanup: () => Promise<void> };
  let cli = '';

  before(async () => {
    pki = await createTestPki();
    nothing = await closedPort();
    const pair = { certPem: pki.server.certPem, keyPem: pki.server.keyPem };
    const grpcError = (status: string, message: string) => ({
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': status,
      'grpc-message': message,
    });
    hostile.garbage = await servers.start(startGarbageServer(pair));
    hostile.badPreface = await servers.start(startBadPrefaceServer(pair));
    hostile.badGrpcMessage = await servers.start(
      startAnsweringServer(pair, { h2: grpcError('13', '%E0%A4%A'), http1: { status: 404, body: 'not here' } }),
    );
    hostile.escapes = await servers.start(
      startAnsweringServer(pair, {
        h2: grpcError('2', `${ESCAPES}${'x'.repeat(5000)}`),
        http1: {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 5, message: `\u001b]0;pwned\u0007${'y'.repeat(2000)}` }),
        },
      }),
    );
    hostile.hugeHeaders = await servers.start(
      startAnsweringServer(pair, {
        h2: { ':status': 200, 'content-type': 'application/grpc', 'x-big': 'a'.repeat(1_000_000) },
        http1: { status: 200, headers: { 'x-big': 'b'.repeat(1_000_000) } },
      }),
    );
    hostile.slowHandshake = await servers.start(startSlowLorisServer(pair));
    hostile.slowAfterHandshake = await servers.start(startSlowLorisServer(pair, { after: 'handshake' }));
    workspace = await makeTempDir('hostile-cli');
    const build = await runProcess(process.execPath, [join(REPO_ROOT, '.ci', 'build.mjs')], {
      cwd: REPO_ROOT,
      env: { ...process.env, MILVUS_TLS_OUTDIR: join(workspace.dir, 'dist') },
    });
    assert.equal(build.code, 0, build.stderr);
    cli = join(workspace.dir, 'dist', 'cli.js');
  });
  after(async () => {
    await servers.closeAll();
    await pki.cleanup();
    await workspace.cleanup();
  });

  const target = (name: string, rest = false): ConnectionTarget => ({
    host: '127.0.0.1',
    serverName: 'localhost',
    caPem: pki.ca.certPem,
    timeoutMs: TIMEOUT_MS,
    // REST is tested on its own, with nothing on the gRPC port: a shared port is a diagnosis of its own.
    ...(rest ? { port: nothing, httpPort: hostile[name]?.port ?? 0 } : { port: hostile[name]?.port ?? 0 }),
  });

  async function run(name: string, rest = false): Promise<ConnectionReport> {
    const report = await testConnection(target(name, rest));
    assertWellFormed(report);
    return report;
  }

  it('garbage after the handshake: TLS passes, gRPC and REST say the protocol is wrong', async () => {
    const grpc = await run('garbage');
    expectStep(grpc, 'tls', 'pass', ['']);
    expectStep(grpc, 'grpc', 'fail', ['protocol-error']);
    expectStep(await run('garbage', true), 'rest', 'fail', ['unexpected-response']);
  });

  it('an invalid HTTP/2 preface: a protocol error at once, not a wait for the deadline', async () => {
    const report = await run('badPreface');
    expectStep(report, 'grpc', 'fail', ['protocol-error']);
    assert.ok(step(report, 'grpc').durationMs < TIMEOUT_MS);
    expectStep(await run('badPreface', true), 'rest', 'fail', ['unexpected-response']);
  });

  it('a grpc-message that does not decode: no URIError, the status is reported', async () => {
    const grpc = await run('badGrpcMessage');
    expectStep(grpc, 'grpc', 'fail', ['server-error']);
    const rest = await run('badGrpcMessage', true);
    expectStep(rest, 'rest', 'fail', ['rest-on-grpc-port']);
    assert.ok(step(rest, 'rest').details.some((line) => line.includes('grpc-status 13 %E0%A4%A')));
  });

  it('escape sequences and megabytes in answers: shown visibly and cut short', async () => {
    const grpc = await run('escapes');
    assert.ok(step(grpc, 'grpc').details.some((line) => line.includes('\u241b[2J') && line.endsWith('more characters)')));
    await run('escapes', true);
  });

  it('huge headers: each step ends in time with a cause', async () => {
    expectStep(await run('hugeHeaders'), 'grpc', 'fail', ['timeout', 'protocol-error']);
    expectStep(await run('hugeHeaders', true), 'rest', 'fail', ['unexpected-response']);
  });

  it('a server that drips bytes (slow loris), during or after the handshake: the step times out', async () => {
    expectStep(await run('slowHandshake'), 'tls', 'fail', ['timeout']);
    expectStep(await run('slowHandshake', true), 'rest', 'fail', ['timeout']);
    expectStep(await run('slowAfterHandshake'), 'grpc', 'fail', ['timeout']);
    expectStep(await run('slowAfterHandshake', true), 'rest', 'fail', ['unexpected-response']);
  });

  describe('milvus-tls ping (the built CLI)', () => {
    const ping = (name: string, rest: boolean, extra: string[] = []) => {
      const server = hostile[name]?.port ?? 0;
      const address = `127.0.0.1:${rest ? nothing : server}`;
      return runProcess(
        process.execPath,
        [
          cli,
          'ping',
          address,
          '--ca',
          pki.ca.certPath,
          '--server-name',
          'localhost',
          '--timeout',
          String(TIMEOUT_MS),
          ...(rest ? ['--http-port', String(server)] : []),
          ...extra,
        ],
        { cwd: workspace.dir, timeoutMs: 60_000 },
      );
    };

    for (const [name, rest, cause] of [
      ['badGrpcMessage', true, 'rest-on-grpc-port'],
      ['badGrpcMessage', false, 'server-error'],
      ['garbage', false, 'protocol-error'],
      ['escapes', false, 'server-error'],
      ['slowHandshake', false, 'timeout'],
    ] as const) {
      it(`${name}${rest ? ' (REST)' : ''}: exit 3 with the cause, no stack trace, no escape sequence`, async () => {
        const result = await ping(name, rest);
        assert.equal(result.code, 3, result.stdout + result.stderr);
        assert.match(result.stdout, new RegExp(`cause: ${cause}:`));
        assert.equal(result.stderr, '');
        // Newlines end the printed lines; any other control character is the server's.
        assert.doesNotMatch(result.stdout.replace(/\n/g, ''), /\p{Cc}/u, 'a control character reached the terminal');
      });
    }

    it('--json: one JSON report, no crash', async () => {
      const result = await ping('badGrpcMessage', true, ['--json']);
      assert.equal(result.code, 3, result.stderr);
      const report = JSON.parse(result.stdout) as ConnectionReport;
      assert.equal(report.steps.find((candidate) => candidate.id === 'rest')?.cause?.code, 'rest-on-grpc-port');
    });
  });
});
