// `milvus-tls enable` / `disable` with paths and files the edits cannot carry: a certificate folder
// named with `:` or a newline is refused with exit 3 and nothing written (it used to exit 0 after
// writing a compose file that mounts something else), `$` is written as `$$`, and a file whose
// aliases loop is refused instead of crashing.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findMilvusServices, parseComposeFile } from '../../../src/core/compose/composeFile';
import { runCliIn, type ProcessResult } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

const COMPOSE = `services:
  standalone:
    image: milvusdb/milvus:v2.5.27
    volumes:
      - '\${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus'
`;
const YAML = 'common:\n  security:\n    tlsMode: 0\n';

function assertExit(result: ProcessResult, code: number): void {
  assert.equal(result.code, code, `exit ${String(result.code)}, expected ${code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

async function contents(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.yml') || name.endsWith('.yaml')) files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
}

describe('milvus-tls enable / disable: edits that cannot corrupt', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let counter = 0;
  before(async () => ({ dir: root, cleanup } = await makeTempDir('safe-edits')));
  after(() => cleanup());

  async function project(certs: string, yaml = YAML): Promise<string> {
    const dir = join(root, `p${++counter}`);
    await mkdir(join(dir, certs), { recursive: true });
    for (const name of ['server.pem', 'server.key']) await writeFile(join(dir, certs, name), 'placeholder\n');
    await writeFile(join(dir, 'docker-compose.yml'), COMPOSE);
    await writeFile(join(dir, 'milvus.yaml'), yaml);
    return dir;
  }

  for (const [what, certs] of [
    ['a colon', 'a:b'],
    ['a newline', 'tl\ns'],
  ] as const) {
    it(`refuses a certificate folder with ${what}: exit 3, nothing written`, async () => {
      const dir = await project(certs);
      const before_ = await contents(dir);
      const result = await runCliIn(dir, ['enable', '--mode', '1', '--certs', certs]);
      assertExit(result, 3);
      assert.match(result.stderr, /Nothing was written/);
      assert.deepEqual(await contents(dir), before_);
    });
  }

  it('writes $ in the certificate folder as $$, so compose mounts that very folder', async () => {
    const dir = await project('tl$s');
    assertExit(await runCliIn(dir, ['enable', '--mode', '1', '--certs', 'tl$s']), 0);
    const compose = parseComposeFile(await readFile(join(dir, 'docker-compose.yml'), 'utf8'), join(dir, 'docker-compose.yml'));
    const mount = findMilvusServices(compose)[0]?.volumes.find((volume) => volume.target === '/milvus/tls');
    assert.equal(mount?.hostPath, join(dir, 'tl$s'));
  });

  it('disable refuses a milvus.yaml whose aliases loop: exit 3, a reason, nothing written', async () => {
    const dir = await project('tls', 'common: &c\n  security:\n    tlsMode: 1\n  again: *c\n');
    const before_ = await contents(dir);
    const result = await runCliIn(dir, ['disable', '--config', 'milvus.yaml']);
    assertExit(result, 3);
    assert.match(result.stderr, /cannot be edited safely: .*contains itself[\s\S]*Nothing was written/);
    assert.deepEqual(await contents(dir), before_);
  });
});
