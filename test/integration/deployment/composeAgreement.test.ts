// Every front sees the same compose project on every compose fixture (override files, COMPOSE_FILE,
// include:, local-driver binds, `~`, Windows drives, profiles, !reset): the language server (its
// milvusTls/deployment answer and its diagnostics), `milvus-tls check` (a real process), Test
// Connection's plan for the open config (the core use case the command calls), `milvus-tls snippet`
// (a real process) against the same plan for the folder, and Enable TLS: `milvus-tls enable` (a real
// process) writes exactly what the use case the editor calls plans, or both refuse alike; after it,
// the fronts agree again, read the new tlsMode and certificates, and a second run changes nothing.
// The language server runs in Restricted Mode so it reads only the workspace, as the CLI does
// without --allow-outside.
import { strict as assert } from 'node:assert';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DEFAULT_OUTPUT_FOLDER } from '../../../src/cli/deploymentOption';
import { cliContext } from '../../../src/cli/workspace';
import type { DeploymentSummary } from '../../../src/core/deployment';
import { deploymentForConfigFile, summarizeDeployment } from '../../../src/core/deployment';
import { EditPlanError, isEmptyPlan } from '../../../src/core/edit';
import { SNIPPET_CLIENTS } from '../../../src/core/snippets';
import type { EnableTlsOutcome } from '../../../src/core/usecases';
import {
  planConnection,
  planEnableTlsChanges,
  resultText,
  selectDeployment,
  snippetInput,
  UnsafeTargetError,
} from '../../../src/core/usecases';
import { writeGeneratedSet } from '../../helpers/certificateSetOnDisk';
import { COMPOSE_FIXTURES, type ComposeFixture, writeFixture } from '../../helpers/composeFixtures';
import { runCli } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import { startHarness } from '../../server/lspHarness';

const CONFIG = 'common:\n  security:\n    tlsMode: 0\n';

/** The config a user would open: the fixture's own milvus.yaml, else one written at the project root. */
function configOf(fixture: ComposeFixture): string {
  return Object.keys(fixture.files).find((file) => path.posix.basename(file) === 'milvus.yaml') ?? 'milvus.yaml';
}

interface LocatedFinding {
  line: number;
  severity: string;
  code: string;
  message: string;
}

const SEVERITIES = ['', 'error', 'warning', 'information', 'hint'];

function sorted(findings: LocatedFinding[]): LocatedFinding[] {
  return findings.sort((a, b) => a.line - b.line || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
}

function fromDiagnostics(diagnostics: Diagnostic[]): LocatedFinding[] {
  return sorted(
    diagnostics.map((diagnostic) => ({
      line: diagnostic.range.start.line + 1,
      severity: SEVERITIES[diagnostic.severity ?? 1] ?? '',
      code: String(diagnostic.code),
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    })),
  );
}

/** The language server, check, Test Connection and snippet on one folder; the server's summary of the config's deployment. */
async function assertFrontsAgree(dir: string, configPath: string): Promise<DeploymentSummary> {
  const server = await startHarness(dir, { trusted: false });
  let fromServer: DeploymentSummary | null;
  let diagnostics: Diagnostic[];
  try {
    const uri = await server.open(configPath, await readFile(configPath, 'utf8'));
    diagnostics = await server.diagnostics(uri);
    fromServer = await server.client.sendRequest<DeploymentSummary | null>('milvusTls/deployment', { textDocument: { uri } });
  } finally {
    await server.close();
  }
  assert.ok(fromServer, 'the server resolved the document');
  // `check`'s resolution, in process: the context the CLI builds for this folder.
  const context = cliContext({ dir, explicitPaths: [configPath] });
  assert.deepEqual(summarizeDeployment(await deploymentForConfigFile(configPath, [dir], context)), fromServer);

  const checked = await runCli(['check', '--json', '--hints', configPath], { cwd: dir });
  assert.ok(checked.code === 0 || checked.code === 1, checked.stderr);
  assert.deepEqual(
    sorted(
      (JSON.parse(checked.stdout) as LocatedFinding[]).map(({ line, severity, code, message }) => ({ line, severity, code, message })),
    ),
    fromDiagnostics(diagnostics),
  );

  // Test Connection with the config open: the plan of the document's deployment.
  const testConnection = await planConnection(
    (await selectDeployment(dir, context, configPath)).chosen,
    { root: dir, outputFolder: DEFAULT_OUTPUT_FOLDER },
    context,
  );
  assert.equal(testConnection.mode?.value, fromServer.tlsMode.value);
  assert.deepEqual(
    { port: testConnection.grpc.port.value, from: testConnection.grpc.port.from.text },
    { port: fromServer.grpc.port, from: fromServer.grpc.from },
  );
  assert.deepEqual(
    testConnection.rest ? { port: testConnection.rest.port.value, from: testConnection.rest.port.from.text } : null,
    fromServer.rest ? { port: fromServer.rest.port, from: fromServer.rest.from } : null,
  );

  // `milvus-tls snippet` for the folder, against the same use case in process.
  const folderPlan = await planConnection(
    (await selectDeployment(dir, context)).chosen,
    { root: dir, outputFolder: DEFAULT_OUTPUT_FOLDER },
    context,
  );
  const curl = SNIPPET_CLIENTS.find((client) => client.id === 'curl');
  assert.ok(curl);
  const { input } = snippetInput(folderPlan, {
    mode: folderPlan.mode?.value === 2 ? 2 : 1,
    host: folderPlan.grpc.host.value,
    port: folderPlan.grpc.port.value,
    credentialsStored: false,
    outputDir: path.resolve(dir, DEFAULT_OUTPUT_FOLDER),
    joinPath: (folder, name) => path.join(folder, name),
  });
  const snippet = await runCli(['snippet', '--client', 'curl', '--dir', dir], { cwd: dir });
  assert.equal(snippet.code, 0, snippet.stderr);
  assert.equal(snippet.stdout, `${curl.generate(input).text}\n`);
  return fromServer;
}

/** Where Enable TLS is refused, and why: a mount of another folder already sits where the certificates go. */
const REFUSALS: Readonly<Record<string, RegExp>> = {
  'override-replaces-mount-and-image': /already mounts "~\/milvus\/tls:\/milvus\/tls:ro" at \/milvus\/tls/,
  'named-volume-bind': /already mounts "certs:\/milvus\/tls:ro" at \/milvus\/tls/,
  'reset-and-override-tags': /"volumes" is a flow list/,
  'windows-drive-paths': /already mounts "C:\\Users\\me\\milvus\\tls:\/milvus\/tls:ro" at \/milvus\/tls/,
};

/** The folder the project mounts at /milvus/tls when it is a workspace folder (the user keeps the certificates there), else ./tls. */
async function certificateFolder(dir: string): Promise<string> {
  const context = cliContext({ dir });
  const location = (await selectDeployment(dir, context)).chosen?.mounts.locate('/milvus/tls');
  return location?.kind === 'host' && location.hostPath.startsWith(dir) ? location.hostPath : path.join(dir, 'tls');
}

/** What the editor's Enable TLS would plan (the use case it calls), or why it refuses. */
async function plannedEnable(dir: string, certsDir: string): Promise<EnableTlsOutcome | Error> {
  const context = cliContext({ dir });
  try {
    return await planEnableTlsChanges({ root: dir, mode: 2, certsDir, deployment: (await selectDeployment(dir, context)).chosen }, context);
  } catch (error) {
    if (error instanceof EditPlanError || error instanceof UnsafeTargetError) return error;
    throw error;
  }
}

describe('compose fixtures: the fronts agree', () => {
  let root = '';
  let certificates = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('compose-agreement'));
    certificates = path.join(root, 'certificates');
    await writeGeneratedSet(certificates, { keyType: 'ecdsa-p256' });
  });
  after(() => cleanup());

  for (const fixture of COMPOSE_FIXTURES) {
    it(fixture.name, async () => {
      const dir = await writeFixture(fixture, root, { [configOf(fixture)]: CONFIG });
      const certsDir = await certificateFolder(dir);
      await cp(certificates, certsDir, { recursive: true });
      const configPath = path.join(dir, ...configOf(fixture).split('/'));
      await assertFrontsAgree(dir, configPath);

      const planned = await plannedEnable(dir, certsDir);
      const refusal = REFUSALS[fixture.name];
      if (refusal) assert.match(planned instanceof Error ? planned.message : 'planned, not refused', refusal);
      else assert.ok(!(planned instanceof Error), planned instanceof Error ? planned.message : '');
      const before = await Promise.all(
        [configPath, ...Object.keys(fixture.files).map((file) => path.join(dir, ...file.split('/')))].map(
          async (file) => [file, await readFile(file, 'utf8')] as const,
        ),
      );
      const cli = await runCli(['enable', '--mode', '2', '--dir', dir, '--certs', certsDir, '--json'], { cwd: dir });
      if (planned instanceof Error) {
        assert.equal(cli.code, 3, cli.stdout);
        assert.ok(cli.stderr.includes(planned.message), `${cli.stderr}\nexpected: ${planned.message}`);
        for (const [file, text] of before) assert.equal(await readFile(file, 'utf8'), text, `${file} untouched`);
        return;
      }
      assert.equal(cli.code, 0, cli.stderr);
      assert.equal((JSON.parse(cli.stdout) as { changed: boolean }).changed, !isEmptyPlan(planned.plan));
      for (const change of planned.changes) assert.equal(await readFile(change.path, 'utf8'), resultText(change), change.label);

      const afterEnable = await assertFrontsAgree(dir, planned.configPath);
      assert.equal(afterEnable.tlsMode.value, 2);
      assert.deepEqual(
        afterEnable.paths['tls.serverPemPath'] && {
          location: afterEnable.paths['tls.serverPemPath'].location,
          file: afterEnable.paths['tls.serverPemPath'].file,
        },
        { location: 'host', file: path.join(certsDir, 'server.pem') },
      );
      const again = await runCli(['enable', '--mode', '2', '--dir', dir, '--certs', certsDir, '--json'], { cwd: dir });
      assert.equal(again.code, 0, again.stderr);
      assert.equal((JSON.parse(again.stdout) as { changed: boolean }).changed, false, 'a second run changes nothing');
    });
  }
});
