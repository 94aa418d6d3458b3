// The CLI reads only the project folder (and the files named on its command line): a repository
// checked in CI cannot make `milvus-tls check` or `status` print what a volume such as `- /:/host` or
// `../secret:/milvus/tls` points at, unless the user passes --allow-outside.
import { strict as assert } from 'node:assert';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../helpers/spawnHelpers';
import { createTestPki } from '../../helpers/testPki';
import type { TestPki } from '../../helpers/testPki';
import { makeTempDir } from '../../helpers/tempDir';

describe('CLI containment', () => {
  let pki: TestPki;
  let root: { dir: string; cleanup: () => Promise<void> };
  let project = '';

  before(async () => {
    pki = await createTestPki();
    root = await makeTempDir('cli-containment');
    project = join(root.dir, 'project');
    await mkdir(join(root.dir, 'secret'), { recursive: true });
    await mkdir(project, { recursive: true });
    await copyFile(pki.client.certPath, join(root.dir, 'secret', 'server.pem'));
    await copyFile(pki.server.keyPath, join(root.dir, 'secret', 'server.key'));
    await writeFile(
      join(project, 'docker-compose.yml'),
      'services:\n  standalone:\n    image: milvusdb/milvus:v2.6.20\n    volumes:\n      - ../secret:/milvus/tls\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n',
    );
    await writeFile(
      join(project, 'milvus.yaml'),
      'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /milvus/tls/server.pem\n  serverKeyPath: /milvus/tls/server.key\nproxy:\n  http:\n    port: 8080\n',
    );
  });
  after(async () => {
    await root.cleanup();
    await pki.cleanup();
  });

  it('check reports files outside the project as not read, and reads them with --allow-outside', async () => {
    const contained = await runCli(['check', '--json', '--hints', 'milvus.yaml'], { cwd: project });
    const codes = (JSON.parse(contained.stdout) as { code: string }[]).map((finding) => finding.code);
    assert.deepEqual(codes, ['path-outside-workspace', 'path-outside-workspace'], contained.stderr);
    const allowed = await runCli(['check', '--json', '--allow-outside', 'milvus.yaml'], { cwd: project });
    const allowedCodes = (JSON.parse(allowed.stdout) as { code: string }[]).map((finding) => finding.code);
    // The "server" certificate is really a client certificate and the key another pair's: only visible once read.
    assert.ok(allowedCodes.includes('key-mismatch'), allowedCodes.join(', '));
  });

  it('status names the outside location without reading it', async () => {
    const status = await runCli(['status', '--json'], { cwd: project });
    const [deployment] = (JSON.parse(status.stdout) as { deployments: { paths: Record<string, { location: string }> }[] }).deployments;
    assert.equal(deployment?.paths['tls.serverPemPath']?.location, 'outside-workspace');
  });
});
