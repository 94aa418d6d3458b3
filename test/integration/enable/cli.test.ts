// `milvus-tls enable` and `disable` as a user runs them in a project folder: exit codes, the diff
// printed, files written atomically with their mode kept, dry runs and refusals writing nothing.
import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { getConfigEntry, parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import { SHIPPED_CONFIGS_DIR } from '../../unit/compose/shippedFiles';
import { REPO_ROOT, runProcess, type ProcessResult } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';

// tsx by file URL: the CLI runs with the project folder as its working directory, outside the repo.
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const MAIN = join(REPO_ROOT, 'src', 'cli', 'main.ts');

function cli(cwd: string, args: string[]): Promise<ProcessResult> {
  return runProcess(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, timeoutMs: 60_000 });
}

function assertExit(result: ProcessResult, code: number): void {
  assert.equal(result.code, code, `exit ${String(result.code)}, expected ${code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name !== 'tls') files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
}

describe('milvus-tls enable / disable (CLI)', () => {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let shippedYaml = '';
  let shippedCompose = '';
  let counter = 0;
  before(async () => {
    ({ dir: root, cleanup } = await makeTempDir('enable'));
    shippedYaml = await readFile(join(SHIPPED_CONFIGS_DIR, 'milvus-v2.5.27.yaml'), 'utf8');
    shippedCompose = await readFile(join(SHIPPED_CONFIGS_DIR, 'milvus-standalone-docker-compose-v2.5.27.yml'), 'utf8');
  });
  after(() => cleanup());

  /** A project folder like the docs': docker-compose.yml, milvus.yaml and tls/ with the given files. */
  async function project(options: { yaml?: string | null; compose?: string | null; certs?: string[] } = {}): Promise<string> {
    const dir = join(root, `project-${++counter}`);
    await mkdir(join(dir, 'tls'), { recursive: true });
    if (options.yaml !== null) await writeFile(join(dir, 'milvus.yaml'), options.yaml ?? shippedYaml);
    if (options.compose !== null) await writeFile(join(dir, 'docker-compose.yml'), options.compose ?? shippedCompose);
    for (const name of options.certs ?? ['ca.pem', 'server.pem', 'server.key']) await writeFile(join(dir, 'tls', name), 'placeholder\n');
    return dir;
  }

  it('enables mutual TLS with the defaults, prints a diff, keeps the file mode, and then has nothing to do', async () => {
    const dir = await project();
    await chmod(join(dir, 'milvus.yaml'), 0o640);
    const result = await cli(dir, ['enable', '--mode', '2']);
    assertExit(result, 0);
    assert.match(
      result.stdout,
      /^--- a\/milvus\.yaml\n\+\+\+ b\/milvus\.yaml\n@@ -328,1 \+328,1 @@\n- {4}port: {2}# high-level restful api\n\+ {4}port: 8080 {2}# high-level restful api\n/,
    );
    assert.match(result.stdout, /\+ {4}tlsMode: 2\n/);
    assert.match(result.stdout, /\+ {6}- "8080:8080"\n/);
    assert.match(result.stdout, /TLS enabled \(tlsMode 2\)/);
    const config = parseMilvusConfig(await readFile(join(dir, 'milvus.yaml'), 'utf8'));
    assert.equal(getConfigEntry(config, 'common.security.tlsMode')?.value, '2');
    assert.equal(getConfigEntry(config, 'tls.caPemPath')?.value, '/milvus/tls/ca.pem');
    assert.match(await readFile(join(dir, 'docker-compose.yml'), 'utf8'), /- \$\{DOCKER_VOLUME_DIRECTORY:-\.\}\/tls:\/milvus\/tls\n/);
    assert.equal((await stat(join(dir, 'milvus.yaml'))).mode & 0o777, 0o640);
    assert.deepEqual((await readdir(dir)).sort(), ['docker-compose.yml', 'milvus.yaml', 'tls'], 'no temp files left');

    const written = await snapshot(dir);
    const again = await cli(dir, ['enable', '--mode', '2']);
    assertExit(again, 0);
    assert.match(again.stdout, /already enabled \(tlsMode 2\).*nothing to change/);
    assert.deepEqual(await snapshot(dir), written);

    const disable = await cli(dir, ['disable']);
    assertExit(disable, 0);
    assert.match(disable.stdout, /- {4}tlsMode: 2\n\+ {4}tlsMode: 0\n/);
    assert.equal(
      getConfigEntry(parseMilvusConfig(await readFile(join(dir, 'milvus.yaml'), 'utf8')), 'common.security.tlsMode')?.value,
      '0',
    );
    assert.match((await cli(dir, ['disable'])).stdout, /already disabled/);
  });

  it('--dry-run prints the changes and writes nothing', async () => {
    const dir = await project();
    const before_ = await snapshot(dir);
    const result = await cli(dir, ['enable', '--mode', '1', '--dry-run']);
    assertExit(result, 0);
    assert.match(result.stdout, /\+ {4}tlsMode: 1\n/);
    assert.match(result.stdout, /Dry run: nothing was written/);
    assert.deepEqual(await snapshot(dir), before_);
    assertExit(await cli(dir, ['disable', '--dry-run']), 0);
    assert.deepEqual(await snapshot(dir), before_);
  });

  it('creates milvus.yaml when there is none and reports JSON', async () => {
    const dir = await project({ yaml: null });
    const result = await cli(dir, ['enable', '--mode', '1', '--http-port', '8443', '--json']);
    assertExit(result, 0);
    const report = JSON.parse(result.stdout) as {
      changed: boolean;
      httpPort: number;
      files: { path: string; created: boolean; diff: string }[];
      summary: string[];
    };
    assert.equal(report.changed, true);
    assert.equal(report.httpPort, 8443);
    assert.deepEqual(
      report.files.map((file) => [file.path, file.created]),
      [
        [join(dir, 'milvus.yaml'), true],
        [join(dir, 'docker-compose.yml'), false],
      ],
    );
    const created = parseMilvusConfig(await readFile(join(dir, 'milvus.yaml'), 'utf8'));
    assert.deepEqual(created.problems, []);
    assert.equal(getConfigEntry(created, 'proxy.http.port')?.value, '8443');
    // 2.5 reads user.yaml over the image's own milvus.yaml, so the new minimal file does not replace it.
    assert.match(await readFile(join(dir, 'docker-compose.yml'), 'utf8'), /milvus\.yaml:\/milvus\/configs\/user\.yaml\n/);
  });

  it('works with explicit --config, --compose and --certs outside the working directory', async () => {
    const dir = await project({ certs: [] });
    await mkdir(join(dir, 'certs'));
    for (const name of ['server.pem', 'server.key']) await writeFile(join(dir, 'certs', name), 'placeholder\n');
    const result = await cli(root, [
      'enable',
      '--mode',
      '1',
      '--config',
      join(dir, 'milvus.yaml'),
      '--compose',
      join(dir, 'docker-compose.yml'),
      '--certs',
      join(dir, 'certs'),
    ]);
    assertExit(result, 0);
    assert.match(await readFile(join(dir, 'docker-compose.yml'), 'utf8'), /- \$\{DOCKER_VOLUME_DIRECTORY:-\.\}\/certs:\/milvus\/tls\n/);
  });

  it('refuses without the certificates, pointing at milvus-tls generate', async () => {
    const dir = await project({ certs: ['server.pem', 'server.key'] });
    const before_ = await snapshot(dir);
    const mutual = await cli(dir, ['enable', '--mode', '2']);
    assertExit(mutual, 1);
    assert.match(mutual.stderr, /tls has no ca\.pem\. Create the certificates first:\n {2}milvus-tls generate --out tls/);
    assert.deepEqual(await snapshot(dir), before_);
    assertExit(await cli(dir, ['enable', '--mode', '1', '--dry-run']), 0);
  });

  it('exits 1 on bad usage and 3 on a file it will not edit, writing nothing', async () => {
    const dir = await project({ yaml: 'tls: {serverPemPath: a}\n' });
    const before_ = await snapshot(dir);
    assertExit(await cli(dir, ['enable']), 1);
    assertExit(await cli(dir, ['enable', '--mode', '3']), 1);
    assertExit(await cli(dir, ['enable', '--mode', '1', '--http-port', '99999']), 1);
    assertExit(await cli(dir, ['enable', '--mode', '1', '--compose', 'missing.yml']), 1);
    const refused = await cli(dir, ['enable', '--mode', '1']);
    assertExit(refused, 3);
    assert.match(refused.stderr, /flow mapping.*\nNothing was written/s);
    assert.deepEqual(await snapshot(dir), before_);
    assertExit(await cli(dir, ['disable', '--config', 'nope.yaml']), 1);
  });

  it('edits the config the compose file mounts when --config is not given', async () => {
    const compose = shippedCompose.replace(
      '      - ${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus\n',
      '      - ${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus\n      - ./configs/milvus.yaml:/milvus/configs/milvus.yaml\n',
    );
    const dir = await project({ yaml: null, compose });
    await mkdir(join(dir, 'configs'));
    await writeFile(join(dir, 'configs', 'milvus.yaml'), shippedYaml);
    const result = await cli(dir, ['enable', '--mode', '1']);
    assertExit(result, 0);
    assert.match(result.stdout, /^--- a\/configs\/milvus\.yaml\n/);
    assert.equal(
      getConfigEntry(parseMilvusConfig(await readFile(join(dir, 'configs', 'milvus.yaml'), 'utf8')), 'common.security.tlsMode')?.value,
      '1',
    );
    const after_ = await readFile(join(dir, 'docker-compose.yml'), 'utf8');
    assert.doesNotMatch(
      after_,
      /\/milvus\.yaml:\/milvus\/configs\/milvus\.yaml\n(.*\n)*.*\/milvus\.yaml:\/milvus\/configs\/milvus\.yaml/,
      'mounted once',
    );
    assert.deepEqual((await readdir(dir)).sort(), ['configs', 'docker-compose.yml', 'tls']);
    assertExit(await cli(dir, ['disable']), 0);
    assert.equal(
      getConfigEntry(parseMilvusConfig(await readFile(join(dir, 'configs', 'milvus.yaml'), 'utf8')), 'common.security.tlsMode')?.value,
      '0',
    );
  });

  it('never writes through a symbolic link, even to a file in the project', async () => {
    const dir = await project({ yaml: null });
    await writeFile(join(dir, 'real.yaml'), shippedYaml);
    await symlink('real.yaml', join(dir, 'milvus.yaml'));
    const before_ = await snapshot(dir);
    const refused = await cli(dir, ['enable', '--mode', '1']);
    assertExit(refused, 3);
    assert.match(
      refused.stderr,
      /milvus\.yaml is a symbolic link to .*real\.yaml: Milvus TLS does not write through links.*\nNothing was written/s,
    );
    assert.ok((await lstat(join(dir, 'milvus.yaml'))).isSymbolicLink());
    assert.deepEqual(await snapshot(dir), before_);
  });

  it('never edits a config outside the project that the compose file mounts, unless it is named', async () => {
    const outside = join(root, `outside-${++counter}`);
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'app.yaml'), shippedYaml);
    const compose = shippedCompose.replace(
      '      - ${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus\n',
      `      - \${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus\n      - ../${outside.split('/').pop() ?? ''}/app.yaml:/milvus/configs/milvus.yaml\n`,
    );
    const dir = await project({ yaml: null, compose });
    const before_ = await readFile(join(outside, 'app.yaml'), 'utf8');
    const refused = await cli(dir, ['enable', '--mode', '1']);
    assertExit(refused, 3);
    assert.match(refused.stderr, /app\.yaml is outside the project folder.*--config/s);
    assert.equal(await readFile(join(outside, 'app.yaml'), 'utf8'), before_);
    const named = await cli(dir, ['enable', '--mode', '1', '--config', join(outside, 'app.yaml')]);
    assertExit(named, 0);
    assert.equal(
      getConfigEntry(parseMilvusConfig(await readFile(join(outside, 'app.yaml'), 'utf8')), 'common.security.tlsMode')?.value,
      '1',
    );
  });
});
