// One deployment, every front: for each folder layout, the language server (over the protocol), the
// CLI (`milvus-tls status --json` and `ping`, as processes) and Test Connection's pipeline (the core
// functions the command calls) must see the same Milvus: the same config files, tlsMode and its
// origin, certificate paths, addresses and client files. Each layout also states what that is.
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DeploymentSummary } from '../../../src/core/deployment';
import { resolveContext } from '../../../src/core/deployment';
import type { ConnectionPlanSummary } from '../../../src/core/usecases';
import { planConnection, selectDeployment, summarizeConnectionPlan } from '../../../src/core/usecases';
import { nodeFileSystem } from '../../../src/core/workspace';
import { DeploymentRequest } from '../../../src/shared/protocol';
import { runCli } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import { startHarness } from '../../server/lspHarness';
import type { Layout } from './layouts';
import { LAYOUTS } from './layouts';

type StatusEntry = DeploymentSummary & { client: ConnectionPlanSummary };

async function writeLayout(dir: string, layout: Layout): Promise<void> {
  for (const [name, text] of Object.entries(layout.files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/** The fields every front must agree on (notes and labels are worded per front). */
function comparable(summary: DeploymentSummary): unknown {
  return {
    id: summary.id,
    kind: summary.kind,
    version: summary.version,
    configFiles: summary.configFiles,
    tlsMode: summary.tlsMode,
    internalTls: summary.internalTls,
    paths: summary.paths,
    grpc: summary.grpc,
    rest: summary.rest,
  };
}

describe('every front sees the same deployment', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('agreement'));
  });
  after(() => cleanup());

  LAYOUTS.forEach((layout, index) => {
    it(layout.name, async () => {
      const dir = path.join(root, `layout-${index}`);
      await writeLayout(dir, layout);
      const document = path.join(dir, layout.document);

      // The language server, over the protocol, for the open document.
      const harness = await startHarness(dir);
      let fromServer: DeploymentSummary | null;
      try {
        const uri = await harness.open(document, layout.files[layout.document] ?? '');
        fromServer = await harness.client.sendRequest<DeploymentSummary | null>(DeploymentRequest.method, { textDocument: { uri } });
      } finally {
        await harness.close();
      }
      assert.ok(fromServer, 'the language server resolved the deployment');
      const relative = (file: string | null): string => (file === null ? 'image' : path.relative(dir, file).split(path.sep).join('/'));
      assert.equal(fromServer.kind, layout.expect.kind);
      assert.equal(fromServer.tlsMode.value, layout.expect.tlsMode);
      assert.match(fromServer.tlsMode.from, layout.expect.tlsModeFrom);
      assert.equal(fromServer.grpc.port, layout.expect.grpcPort);
      assert.equal(fromServer.rest?.port ?? null, layout.expect.restPort);
      assert.deepEqual(
        Object.fromEntries(fromServer.configFiles.map((file) => [file.slot, relative(file.path)])),
        layout.expect.configFiles,
      );

      // The CLI, as a user runs it in the workspace folder.
      const status = await runCli(['status', '--dir', dir, '--json']);
      assert.equal(status.code, 0, status.stderr);
      const fromCli = (JSON.parse(status.stdout) as { deployments: StatusEntry[] }).deployments.find(
        (entry) => entry.id === fromServer?.id,
      );
      assert.ok(fromCli, `milvus-tls status lists ${fromServer.id}`);
      assert.deepEqual(comparable(fromCli), comparable(fromServer));

      // Test Connection's pipeline: the deployment of the open document, then what a client uses.
      const context = resolveContext(nodeFileSystem());
      const selection = await selectDeployment(dir, context, document);
      assert.equal(selection.chosen?.id, fromServer.id);
      const fromTestConnection = summarizeConnectionPlan(
        await planConnection(selection.chosen, { root: dir, outputFolder: 'tls' }, context),
      );
      assert.equal(fromTestConnection.ca === null ? null : relative(fromTestConnection.ca), layout.expect.ca);
      assert.equal(fromTestConnection.mode, layout.expect.tlsMode);
      assert.equal(fromTestConnection.restPort, layout.expect.restPort);
      assert.deepEqual(fromCli.client, fromTestConnection);

      // ping without an address takes the same inputs (nothing listens: only what it used is compared).
      const ping = await runCli(['ping', '--dir', dir, '--json', '--timeout', '300']);
      const inputs = (JSON.parse(ping.stdout) as { inputs: string[] }).inputs;
      assert.match(
        inputs.find((line) => line.startsWith('address')) ?? '',
        new RegExp(`^address\\s+localhost:${layout.expect.grpcPort}\\b`),
      );
      if (layout.expect.ca !== null) {
        assert.ok(
          inputs.some((line) => line.startsWith('CA') && line.includes(path.join(dir, layout.expect.ca ?? ''))),
          inputs.join('\n'),
        );
      }
    });
  });
});
