import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkCommand, defaultConfigFiles } from '../../../src/cli/check';
import { makeTempDir } from '../../helpers/tempDir';
import { docsCompose } from './ruleHelpers';

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (line: unknown) => {
    lines.push(String(line));
  };
  try {
    return { code: await checkCommand.run(args), lines };
  } finally {
    console.log = original;
  }
}

describe('milvus-tls check', () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };
  before(async () => {
    workspace = await makeTempDir('check');
    await mkdir(join(workspace.dir, 'tls'));
    await writeFile(join(workspace.dir, 'docker-compose.yml'), docsCompose());
    await writeFile(
      join(workspace.dir, 'milvus.yaml'),
      'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /milvus/tls/server.pem\n  serverKeyPath: /milvus/tls/server.key\nproxy:\n  http:\n    port: 8080\n',
    );
    await writeFile(join(workspace.dir, 'ok-milvus.yaml'), 'common:\n  security:\n    tlsMode: 0\n');
    await writeFile(join(workspace.dir, 'milvus-docker-compose.yml'), 'services: {}\n');
  });
  after(async () => {
    await workspace.cleanup();
  });

  it('finds the configs of a folder, not its compose files', () => {
    assert.deepEqual(
      defaultConfigFiles(workspace.dir).map((file) => file.slice(workspace.dir.length + 1)),
      ['milvus.yaml', 'ok-milvus.yaml'],
    );
  });

  it('prints file:line:col severity code message and exits 1 on an error', async () => {
    const file = join(workspace.dir, 'milvus.yaml');
    const { code, lines } = await run([file]);
    assert.equal(code, 1);
    assert.deepEqual(
      lines.map((line) => line.split(' ').slice(0, 3).join(' ')),
      [`${file}:5:18 error file-not-found`, `${file}:6:18 error file-not-found`],
    );
  });

  it('exits 0 without errors, and prints JSON', async () => {
    const { code, lines } = await run(['--json', join(workspace.dir, 'ok-milvus.yaml')]);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(lines.join('\n')), []);
  });
});
