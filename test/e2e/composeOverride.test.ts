// Scenario g: the shipped docker-compose.yml left as it is, TLS kept in docker-compose.override.yml
// (the certificate folder mounted there, the REST port published there) and milvus.yaml set up for
// mutual TLS. The language server reads the project as Compose merges it: no problem in milvus.yaml.
// Enable TLS finds everything in place and changes no file.
import { strict as assert } from 'node:assert';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCertificates } from './harness/cli';
import { waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import { milvusYamlProblemsOnceAnalysed } from './harness/problems';
import { answerQuickInput, waitForQuickInput } from './harness/quickInput';
import type { Session } from './harness/session';
import { openSession } from './harness/session';

const OVERRIDE = `# TLS for Milvus, kept apart from the shipped docker-compose.yml.
services:
  standalone:
    volumes:
      - ./tls:/milvus/tls:ro
    ports:
      - "8080:8080"
`;

/** The example's milvus.yaml set up for mutual TLS, as Enable TLS would leave it. */
async function configureMutualTls(workspace: string): Promise<void> {
  const file = join(workspace, 'milvus.yaml');
  const text = (await readFile(file, 'utf8'))
    .replace(/^(\s*tlsMode:\s*)\S+/m, '$12')
    .replace(/^(\s*serverPemPath:\s*)\S+/m, '$1/milvus/tls/server.pem')
    .replace(/^(\s*serverKeyPath:\s*)\S+/m, '$1/milvus/tls/server.key')
    .replace(/^(\s*caPemPath:\s*)\S+/m, '$1/milvus/tls/ca.pem')
    .replace(/^(\s*port:)\s*# high-level restful api/m, '$1 8080 # high-level restful api');
  await writeFile(file, text);
}

describe('g: TLS kept in docker-compose.override.yml', { timeout: 300_000 }, () => {
  let session: Session | undefined;
  const before_: Record<string, string> = {};
  before(async () => {
    session = await openSession({
      scenario: 'compose-override',
      prepare: async (workspace) => {
        await generateCertificates(join(workspace, 'tls'));
        await writeFile(join(workspace, 'docker-compose.override.yml'), OVERRIDE);
        await configureMutualTls(workspace);
        for (const name of ['milvus.yaml', 'docker-compose.yml', 'docker-compose.override.yml']) {
          before_[name] = await readFile(join(workspace, name), 'utf8');
        }
      },
    });
  });
  after(async () => {
    await session?.close();
  });

  it('reports no problem in milvus.yaml: the override mounts the certificates', async () => {
    const s = session!;
    await s.guard(async () => {
      const problems = await milvusYamlProblemsOnceAnalysed(s.page, s.workspace, /tlsMode: 2\s*→ mutual TLS/, 90_000);
      console.log(`problems: ${JSON.stringify(problems)}`);
      assert.deepEqual(problems, []);
      await s.screenshot('problems');
    });
  });

  it('Enable TLS finds everything in place and changes nothing', async () => {
    const s = session!;
    await s.guard(async () => {
      await runCommand(s.page, 'Milvus TLS: Enable TLS…');
      const step = await waitForQuickInput(s.page);
      assert.match(step.placeholder, /TLS mode/);
      await answerQuickInput(s.page, 'Mutual TLS');
      const message = await waitForNotification(s.page, /TLS is already enabled \(tlsMode 2\)/, 60_000);
      console.log(`message: ${message}`);
      for (const [name, text] of Object.entries(before_)) {
        assert.equal(await readFile(join(s.workspace, name), 'utf8'), text, `${name} unchanged`);
      }
      await s.screenshot('enable-unchanged');
    });
  });
});
