// Kubernetes, as a user meets it in VS Code:
// k1: the Milvus Operator's own TLS sample (external_tls.yaml) shows its real faults — tls nested under
//     common, PEMs folded onto one line — on their lines, and the quick fixes clear them.
// k2: Enable TLS on the Helm example with the Secret manifest generate --k8s-secret wrote: the values
//     file is set up, and the language server reports no problem for it.
// k3: the certificates of that Secret manifest appear in the Certificates view, named by Secret and key.
import { strict as assert } from 'node:assert';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { plainValue } from '../../src/core/config/yamlSource';
import { runCli } from './harness/cli';
import { applyCodeAction } from './harness/codeActions';
import { waitForText } from './harness/dom';
import { goToPosition, openFromExplorer } from './harness/editor';
import { waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import { REPO_ROOT } from './harness/paths';
import { readProblems, waitForNoProblem, waitForProblem } from './harness/problems';
import { answerQuickInput, waitForQuickInput } from './harness/quickInput';
import { saveElementScreenshot } from './harness/screenshot';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { expandAll, openViewContainer, waitForTreeItem } from './harness/views';
import { waitForDisk } from './harness/workspace';

const OPERATOR_SAMPLE = join(REPO_ROOT, '..', 'shared', 'k8s-configs', 'operator-1.3.8', 'external_tls.yaml');

describe('k1: the Operator TLS sample, its faults and their quick fixes', { timeout: 300_000 }, () => {
  let session: Session | undefined;
  before(async () => {
    session = await openSession({
      scenario: 'k8s-operator',
      workspace: join(REPO_ROOT, 'examples', 'milvus-operator'),
      prepare: (workspace) => copyFile(OPERATOR_SAMPLE, join(workspace, 'external_tls.yaml')),
    });
  });
  after(async () => {
    await session?.close();
  });

  it('shows tls under common (line 43) and the folded PEMs (lines 16, 20) in the Problems panel', async () => {
    const s = session!;
    await s.guard(async () => {
      await openFromExplorer(s.page, 'external_tls.yaml');
      const misplaced = await waitForProblem(s.page, /"common\.tls" is never read[\s\S]*\[Ln 43, Col 7\]/, 90_000);
      console.log(`problem: ${misplaced}`);
      await waitForProblem(s.page, /key server\.key: the PEM is written without "\|"[\s\S]*\[Ln 16, Col 3\]/);
      await waitForProblem(s.page, /key ca\.pem: the PEM is written without "\|"[\s\S]*\[Ln 20, Col 3\]/);
      await saveElementScreenshot(s.page.locator('.part.panel'), 'k8s-operator-problems');
    });
  });

  it('the quick fixes move tls to the top of spec.config and write the PEMs as literal blocks', async () => {
    const s = session!;
    await s.guard(async () => {
      await goToPosition(s.page, 43, 7);
      await applyCodeAction(s.page, 'Move tls: to the top level');
      await waitForNoProblem(s.page, /is never read/, 60_000);
      for (const [line, key] of [
        [16, 'server.key'],
        [20, 'ca.pem'],
      ] as const) {
        await goToPosition(s.page, line, 3);
        await applyCodeAction(s.page, `Write ${key} as a literal block (|)`);
        // Each fix's own problem gone before the next: the Problems list may be empty for a moment
        // while the server re-analyses, which a wait for "no such problem at all" would take as done.
        await waitForNoProblem(s.page, new RegExp(`key ${key.replace('.', '\\.')}: the PEM is written without`), 60_000);
      }
      await waitForNoProblem(s.page, /written without "\|"/, 60_000);
      await runCommand(s.page, 'File: Save');
      const text = await waitForDisk(
        () => readFile(join(s.workspace, 'external_tls.yaml'), 'utf8'),
        (value) => value.includes('server.key: |') && value.includes('ca.pem: |'),
      );
      const [secret, milvus] = parseAllDocuments(text)
        .map((document) => plainValue(document.contents, document) as Record<string, unknown>)
        .filter((document) => document !== null);
      assert.match(String((secret?.stringData as Record<string, string>)['ca.pem']), /^-----BEGIN CERTIFICATE-----\n/);
      const config = (milvus?.spec as { config: Record<string, unknown> }).config;
      assert.deepEqual(config.tls, { serverPemPath: '/certs/server.pem', serverKeyPath: '/certs/server.key', caPemPath: '/certs/ca.pem' });
      await s.screenshot('fixed');
    });
  });
});

describe("k2, k3: Enable TLS on the Helm example; the Secret's certificates in the tree", { timeout: 300_000 }, () => {
  let session: Session | undefined;
  before(async () => {
    session = await openSession({
      scenario: 'k8s-helm',
      workspace: join(REPO_ROOT, 'examples', 'milvus-helm'),
      prepare: async (workspace) => {
        await runCli(['generate', '--out', join(workspace, 'tls'), '--k8s-secret', 'milvus-tls', '--key', 'ecdsa-p256']);
      },
    });
  });
  after(async () => {
    await session?.close();
  });

  it('k2: Enable TLS asks for the mode and the Secret, edits values.yaml, and leaves no problem', async () => {
    const s = session!;
    await s.guard(async () => {
      await runCommand(s.page, 'Milvus TLS: Enable TLS…');
      const mode = await waitForQuickInput(s.page);
      assert.match(mode.placeholder, /TLS mode/);
      await answerQuickInput(s.page, 'One-way TLS');
      const secret = await waitForQuickInput(s.page);
      assert.equal(secret.value, 'milvus-tls');
      await answerQuickInput(s.page);
      const message = await waitForNotification(s.page, /TLS enabled \(tlsMode 1\)/, 60_000);
      console.log(`message: ${message}`);
      assert.match(message, /helm upgrade my-release milvus\/milvus -f values\.yaml/);
      const values = parse(await readFile(join(s.workspace, 'values.yaml'), 'utf8')) as {
        extraConfigFiles: Record<string, string>;
        volumes: unknown[];
      };
      assert.deepEqual((parse(values.extraConfigFiles['user.yaml'] ?? '') as { tls: unknown }).tls, {
        serverPemPath: '/milvus/tls/server.pem',
        serverKeyPath: '/milvus/tls/server.key',
        caPemPath: '/milvus/tls/ca.pem',
      });
      assert.deepEqual(values.volumes, [{ name: 'milvus-tls', secret: { secretName: 'milvus-tls' } }]);

      await openFromExplorer(s.page, 'values.yaml');
      // The inlay hint after tlsMode comes from the language server's analysis of the edited file.
      await waitForText(s.page, '.part.editor .monaco-editor .view-lines', /tlsMode: 1\s*→ one-way TLS/, 60_000);
      const problems = await readProblems(s.page);
      console.log(`problems: ${JSON.stringify(problems)}`);
      assert.deepEqual(
        problems.filter((row) => /milvus-tls|values\.yaml/.test(row)),
        [],
      );
      await s.screenshot('enabled');
    });
  });

  it("k3: the Secret manifest's certificates appear in the Certificates view", async () => {
    const s = session!;
    await s.guard(async () => {
      await openViewContainer(s.page, 'Milvus TLS');
      await expandAll(s.page);
      const row = await waitForTreeItem(s.page, /Secret milvus-tls\/server\.pem/, 60_000);
      console.log(`tree: ${row}`);
      await waitForTreeItem(s.page, /Secret milvus-tls\/ca\.pem/);
      await saveElementScreenshot(s.page.locator('.part.sidebar'), 'k8s-secret-tree');
    });
  });
});
