// Every front sees the same compose project on every compose fixture (override files, COMPOSE_FILE,
// include:, local-driver binds, `~`, Windows drives, profiles, !reset): the language server (its
// milvusTls/deployment answer and its diagnostics), `milvus-tls check` (a real process), Test
// Connection's plan for the open config (the core use case the command calls) and `milvus-tls
// snippet` (a real process) against the same plan for the folder. The language server runs in
// Restricted Mode so it reads only the workspace, as the CLI does without --allow-outside.
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { deploymentForConfigFile, summarizeDeployment } from '../../../src/core/deployment';
import type { DeploymentSummary } from '../../../src/core/deployment';
import { SNIPPET_CLIENTS } from '../../../src/core/snippets';
import { planConnection, selectDeployment, snippetInput } from '../../../src/core/usecases';
import { DEFAULT_OUTPUT_FOLDER } from '../../../src/cli/deploymentOption';
import { cliContext } from '../../../src/cli/workspace';
import { COMPOSE_FIXTURES, type ComposeFixture } from '../../helpers/composeFixtures';
import { runCli } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import { startHarness } from '../../server/lspHarness';

const CONFIG = `tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
common:
  security:
    tlsMode: 2
proxy:
  http:
    port: 8080
`;

/** The config a user would open: the fixture's own milvus.yaml, else one written at the project root. */
function configOf(fixture: ComposeFixture): string {
  return Object.keys(fixture.files).find((file) => path.posix.basename(file) === 'milvus.yaml') ?? 'milvus.yaml';
}

function filesOf(fixture: ComposeFixture): Record<string, string> {
  return { [configOf(fixture)]: CONFIG, ...fixture.files };
}

async function materialise(fixture: ComposeFixture, root: string): Promise<string> {
  const dir = path.join(root, fixture.name);
  const files = filesOf(fixture);
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}

interface LocatedFinding { line: number; severity: string; code: string; message: string }

const SEVERITIES = ['', 'error', 'warning', 'information', 'hint'];

function fromDiagnostics(diagnostics: Diagnostic[]): LocatedFinding[] {
  return diagnostics.map((diagnostic) => ({
    line: diagnostic.range.start.line + 1, severity: SEVERITIES[diagnostic.severity ?? 1] ?? '', code: String(diagnostic.code), message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  })).sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}

describe('compose fixtures: the fronts agree', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => ({ dir: root, cleanup } = await makeTempDir('compose-agreement')));
  after(() => cleanup());

  for (const fixture of COMPOSE_FIXTURES) {
    it(fixture.name, async () => {
      const dir = await materialise(fixture, root);
      const configPath = path.join(dir, ...configOf(fixture).split('/'));

      const server = await startHarness(dir, { trusted: false });
      let fromServer: DeploymentSummary | null;
      let diagnostics: Diagnostic[];
      try {
        const uri = await server.open(configPath, filesOf(fixture)[configOf(fixture)] ?? '');
        diagnostics = await server.diagnostics(uri);
        fromServer = await server.client.sendRequest<DeploymentSummary | null>('milvusTls/deployment', { textDocument: { uri } });
      } finally {
        await server.close();
      }
      assert.ok(fromServer, 'the server resolved the document');

      // `check`'s resolution, in process: the same context the CLI builds for this folder.
      const context = cliContext({ dir, explicitPaths: [configPath] });
      assert.deepEqual(summarizeDeployment(await deploymentForConfigFile(configPath, [dir], context)), fromServer);

      const checked = await runCli(['check', '--json', '--hints', configPath], { cwd: dir });
      assert.ok(checked.code === 0 || checked.code === 1, checked.stderr);
      const fromCheck = (JSON.parse(checked.stdout) as LocatedFinding[]).map(({ line, severity, code, message }) => ({ line, severity, code, message }))
        .sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
      assert.deepEqual(fromCheck, fromDiagnostics(diagnostics));

      // Test Connection with the config open: the plan of the document's deployment.
      const testConnection = await planConnection((await selectDeployment(dir, context, configPath)).chosen, { root: dir, outputFolder: DEFAULT_OUTPUT_FOLDER }, context);
      assert.equal(testConnection.mode?.value, fromServer.tlsMode.value);
      assert.deepEqual({ port: testConnection.grpc.port.value, from: testConnection.grpc.port.from.text }, { port: fromServer.grpc.port, from: fromServer.grpc.from });
      assert.deepEqual(testConnection.rest ? { port: testConnection.rest.port.value, from: testConnection.rest.port.from.text } : null,
        fromServer.rest ? { port: fromServer.rest.port, from: fromServer.rest.from } : null);

      // `milvus-tls snippet` for the folder, against the same use case in process.
      const folderPlan = await planConnection((await selectDeployment(dir, context)).chosen, { root: dir, outputFolder: DEFAULT_OUTPUT_FOLDER }, context);
      const curl = SNIPPET_CLIENTS.find((client) => client.id === 'curl');
      assert.ok(curl);
      const mode = folderPlan.mode?.value === 2 ? 2 : 1;
      const { input } = snippetInput(folderPlan, {
        mode, host: folderPlan.grpc.host.value, port: folderPlan.grpc.port.value, credentialsStored: false,
        outputDir: path.resolve(dir, DEFAULT_OUTPUT_FOLDER), joinPath: (folder, name) => path.join(folder, name),
      });
      const snippet = await runCli(['snippet', '--client', 'curl', '--dir', dir], { cwd: dir });
      assert.equal(snippet.code, 0, snippet.stderr);
      assert.equal(snippet.stdout, `${curl.generate(input).text}\n`);
    });
  }
});
