// Scenario h: a cloned repository that tries to make Milvus TLS read outside it and send a stored
// credential where it points (issue 13, items 1 and 3), opened in Restricted Mode and then trusted.
// The repository's compose file mounts ../secret (a folder next to the workspace holding a certificate
// and key) and its milvus.yaml points tls.serverPemPath/serverKeyPath there; tls/outside.pem is a
// symbolic link to that certificate, for the Certificates view's walk; compose publishes the gRPC
// port and the REST port (proxy.http.port 9999) to listeners of this test, which record every credential.
//  - Restricted Mode: the paths are not read (the hover says so; the Certificates view lists the link as
//    outside the workspace; nothing of the outside certificate shows, in the page or in any log), and
//    Test Connection completes without sending the stored credential.
//  - Trusted: the same paths are read (the outside certificate now shows, in the hover and in the
//    Certificates view: the checks above could fail);
//    Test Connection asks before sending the credential, naming the REST port; "Test Without It" sends
//    nothing; "Send" sends it, to the two endpoints the question named and nowhere else.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_MILVUS_VERSION } from '../helpers/servers/milvusGrpcServer';
import type { PemPair, TestPki } from '../helpers/testPki';
import { createTestPki, issueServerCertificate } from '../helpers/testPki';
import { EDITOR_AREA, escapeRegExp } from './harness/aria';
import { editComposeService } from './harness/compose';
import { answerModalDialog, waitForModalDialog } from './harness/dialogs';
import { goToPosition, openFromExplorer } from './harness/editor';
import { waitForHoverAtCursor } from './harness/hover';
import type { Needles } from './harness/leaks';
import { certificateNeedles, findNeedles, logsText, pageText } from './harness/leaks';
import { configValuePosition, setConfigValue, setTlsMode } from './harness/milvusYaml';
import { clearNotifications, waitForNotification } from './harness/notifications';
import { showOutputChannel } from './harness/output';
import { runCommand } from './harness/palette';
import { readProblems } from './harness/problems';
import { answerQuickInput, waitForQuickInput } from './harness/quickInput';
import type { RecordingMilvus, SeenRequest } from './harness/recordingMilvus';
import { carries, startRecordingMilvus } from './harness/recordingMilvus';
import { saveElementScreenshot } from './harness/screenshot';
import type { Session } from './harness/session';
import { openSession } from './harness/session';
import { restrictedModeIndicator, trustWorkspace } from './harness/trust';
import { expandAll, openViewContainer, treeItems, waitForTreeItem } from './harness/views';

const CONNECTED = new RegExp(`Connected to Milvus ${TEST_MILVUS_VERSION.replace(/\./g, '\\.')} over TLS`);
const OUTSIDE = /outside the workspace folders, not read/;
const SEND_QUESTION = /Send the stored Milvus credential to/;
const REST_CONTAINER_PORT = 9999;

describe('h: a hostile repository in Restricted Mode, then trusted', { timeout: 480_000 }, () => {
  const token = `e2e-token-${randomBytes(8).toString('hex')}`;
  let session: Session | undefined;
  let pki: TestPki | undefined;
  let milvus: RecordingMilvus | undefined;
  let outside: Needles = {};

  before(async () => {
    pki = await createTestPki();
    // The outside pair: signed by the same CA, with a CommonName found nowhere else.
    const secret: PemPair = await issueServerCertificate(pki, 'outside', `outside-secret-${randomBytes(4).toString('hex')}`);
    outside = certificateNeedles(secret.certPem, secret.keyPem);
    milvus = await startRecordingMilvus({ certPem: pki.server.certPem, keyPem: pki.server.keyPem, caPem: pki.ca.certPem });
    const { grpcPort, restPort } = milvus;
    const ca = pki.ca.certPem;
    session = await openSession({
      scenario: 'restricted-mode',
      trusted: false,
      prepare: async (workspace) => {
        const secretDir = join(workspace, '..', 'secret');
        await mkdir(secretDir, { recursive: true });
        await writeFile(join(secretDir, 'server.pem'), secret.certPem);
        await writeFile(join(secretDir, 'server.key'), secret.keyPem, { mode: 0o600 });
        await symlink(join(secretDir, 'server.pem'), join(workspace, 'tls', 'outside.pem'));
        await writeFile(join(workspace, 'tls', 'ca.pem'), ca);
        await setTlsMode(workspace, '1');
        await setConfigValue(workspace, 'tls.serverPemPath', '/milvus/secret/server.pem');
        await setConfigValue(workspace, 'tls.serverKeyPath', '/milvus/secret/server.key');
        await setConfigValue(workspace, 'tls.caPemPath', '/milvus/tls/ca.pem');
        await setConfigValue(workspace, 'proxy.http.port', String(REST_CONTAINER_PORT));
        await editComposeService(workspace, {
          addVolumes: ['../secret:/milvus/secret', './tls:/milvus/tls'],
          ports: [`${grpcPort}:19530`, `${restPort}:${REST_CONTAINER_PORT}`],
        });
      },
    });
  });
  after(async () => {
    await session?.close();
    await milvus?.close();
    await pki?.cleanup();
  });

  /** Fails if anything of the outside certificate is in the page or in the logs (Output channels). */
  async function assertNothingOutsideShown(s: Session, when: string): Promise<void> {
    assert.deepEqual(findNeedles(await pageText(s.page), outside), [], `${when}: shown in the page`);
    assert.deepEqual(findNeedles(await logsText(s.server.userDataDir), outside), [], `${when}: written to a log`);
  }

  /** Runs Test Connection on the proposed address (the compose file's published gRPC port). */
  async function startTestConnection(s: Session): Promise<void> {
    await clearNotifications(s.page);
    await runCommand(s.page, 'Milvus TLS: Test Connection…');
    const step = await waitForQuickInput(s.page);
    assert.equal(step.value, `localhost:${milvus!.grpcPort}`);
    await answerQuickInput(s.page);
  }

  it('Restricted Mode: the paths outside the workspace are not read, and the hover says so', async () => {
    const s = session!;
    await s.guard(async () => {
      await restrictedModeIndicator(s.page).waitFor({ state: 'visible', timeout: 30_000 });
      await openFromExplorer(s.page, 'milvus.yaml');
      for (const key of ['tls.serverPemPath', 'tls.serverKeyPath']) {
        const at = await configValuePosition(s.workspace, key);
        await goToPosition(s.page, at.line, at.valueColumn);
        // The finding (a hint: the Problems view lists only errors, warnings and infos) and the key's
        // hover, which says where the path leads, in one hover once the language server has looked.
        const { text } = await waitForHoverAtCursor(s.page, new RegExp(`path-outside-workspace[\\s\\S]*${OUTSIDE.source}`), 90_000);
        console.log(`hover ${key}: ${text.replace(/\s+/g, ' ')}`);
        assert.match(text, /outside the workspace folders: not read here/);
        if (key === 'tls.serverPemPath') await saveElementScreenshot(s.page.locator(EDITOR_AREA), 'restricted-mode-hover');
        await assertNothingOutsideShown(s, `hover over ${key}`);
        await s.page.keyboard.press('Escape');
      }
      const problems = await readProblems(s.page);
      console.log(`problems: ${JSON.stringify(problems)}`);
      await openViewContainer(s.page, 'Milvus TLS');
      // The view's walk has passed the link once it shows a row for it: read (its CommonName, the leak
      // this checks for) or listed as not read.
      const linked = await waitForTreeItem(
        s.page,
        new RegExp(`outside\\.pem|${escapeRegExp(outside.CommonName ?? '')}`),
        90_000,
        'Certificates',
      );
      await expandAll(s.page, 50, 'Certificates');
      console.log(`certificates: ${JSON.stringify(await treeItems(s.page, 'Certificates'))}`);
      await showOutputChannel(s.page, 'Milvus TLS');
      await assertNothingOutsideShown(s, 'Problems, Certificates, Output');
      assert.match(linked, /outside\.pem cannot be read: it leads outside the workspace folders, which are not read in Restricted Mode/);
    });
  });

  it('Restricted Mode: a stored credential is not sent; Test Connection completes without it', async () => {
    const s = session!;
    const m = milvus!;
    await s.guard(async () => {
      await runCommand(s.page, 'Milvus TLS: Set Connection Credentials…');
      const address = await waitForQuickInput(s.page);
      assert.equal(address.value, `localhost:${m.grpcPort}`);
      await answerQuickInput(s.page);
      await answerQuickInput(s.page, token);
      await waitForNotification(s.page, new RegExp(`credentials for localhost:${m.grpcPort} stored`));

      await startTestConnection(s);
      const message = await waitForNotification(s.page, CONNECTED, 90_000);
      console.log(`notification: ${message}`);
      await s.screenshot('test-connection');
      assertReached(m.seen, [m.grpcPort, m.restPort]);
      assert.deepEqual(
        m.seen.filter((request) => carries(request, token)),
        [],
        'no listener received the token',
      );
      await assertNothingOutsideShown(s, 'after Test Connection');
    });
  });

  it('trusted: the same paths are read, so the checks above could see the outside certificate', async () => {
    const s = session!;
    await s.guard(async () => {
      await trustWorkspace(s.page);
      await openViewContainer(s.page, 'Explorer');
      await openFromExplorer(s.page, 'milvus.yaml');
      const at = await configValuePosition(s.workspace, 'tls.serverPemPath');
      await goToPosition(s.page, at.line, at.valueColumn);
      // The language server restarts on trust and now reads ../secret: its certificate is described.
      const { text } = await waitForHoverAtCursor(s.page, new RegExp(escapeRegExp(outside.CommonName ?? '')), 90_000);
      console.log(`hover: ${text.replace(/\s+/g, ' ')}`);
      const found = findNeedles(text, outside);
      assert.ok(found.includes('CommonName') && found.includes('certificate SHA-256'), `found ${found.join(', ')}`);
      await saveElementScreenshot(s.page.locator(EDITOR_AREA), 'restricted-mode-trusted-hover');
      await s.page.keyboard.press('Escape');
      // Trust reads the link too: the Certificates view now shows the outside certificate under its CA.
      await openViewContainer(s.page, 'Milvus TLS');
      const row = await waitForTreeItem(s.page, new RegExp(escapeRegExp(outside.CommonName ?? '')), 90_000, 'Certificates');
      console.log(`certificates, trusted: ${row}`);
    });
  });

  it('trusted: asks before sending, naming the REST port; "Test Without It" sends nothing, "Send" only where it said', async () => {
    const s = session!;
    const m = milvus!;
    await s.guard(async () => {
      const before = m.seen.length;
      await startTestConnection(s);
      const question = await waitForModalDialog(s.page, SEND_QUESTION, 60_000);
      console.log(`question: ${question.replace(/\s+/g, ' ')}`);
      assert.match(question, new RegExp(`localhost:${m.restPort} \\(REST\\)`));
      assert.match(question, new RegExp(`localhost:${m.grpcPort}\\b`));
      await s.screenshot('send-question');
      await answerModalDialog(s.page, 'Test Without It');
      await waitForNotification(s.page, CONNECTED, 90_000);
      const declined = m.seen.slice(before);
      assertReached(declined, [m.grpcPort, m.restPort]);
      assert.deepEqual(
        declined.filter((request) => carries(request, token)),
        [],
        '"Test Without It" sent the token',
      );

      const beforeSend = m.seen.length;
      await startTestConnection(s);
      await waitForModalDialog(s.page, SEND_QUESTION, 60_000);
      await answerModalDialog(s.page, 'Send');
      await waitForNotification(s.page, CONNECTED, 90_000);
      await s.screenshot('sent');
      const sent = m.seen.slice(beforeSend);
      // Every request of this run carried it, and only the two listeners the question named received it.
      assert.ok(sent.length > 0 && sent.every((request) => request.credential === token), JSON.stringify(sent));
      const named = [...question.matchAll(/localhost:(\d+)/g)].map((match) => Number(match[1]));
      assert.deepEqual(
        [...new Set(m.seen.filter((request) => carries(request, token)).map((request) => request.port))].sort(),
        [...new Set(named)].sort(),
      );
    });
  });
});

/** Fails unless each of `ports` received at least one request among `seen`: a test that reached nothing proves nothing. */
function assertReached(seen: readonly SeenRequest[], ports: readonly number[]): void {
  for (const port of ports) {
    assert.ok(
      seen.some((request) => request.port === port),
      `no request reached port ${port}: ${JSON.stringify(seen)}`,
    );
  }
}
