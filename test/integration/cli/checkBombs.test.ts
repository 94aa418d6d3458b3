// `milvus-tls check` as a process on hostile YAML: a self-reference used to end in "Maximum call
// stack size exceeded", a 500-byte alias bomb in seconds of CPU and hundreds of megabytes. Now each
// is one finding on the alias, and the rest of the file is checked.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliIn } from '../../helpers/spawnHelpers';
import { makeTempDir } from '../../helpers/tempDir';
import { mapBomb } from '../../helpers/yamlBombs';

describe('milvus-tls check on hostile YAML', () => {
  let dir = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir, cleanup } = await makeTempDir('check-bombs'));
    await writeFile(join(dir, 'self-milvus.yaml'), 'a: &a {b: *a}\n');
    await writeFile(join(dir, 'bomb-milvus.yaml'), `common:\n  security:\n    tlsMode: 3\n${mapBomb()}`);
  });
  after(() => cleanup());

  it('reports a self-reference as an error finding, not a crash', async () => {
    const result = await runCliIn(dir, ['check', 'self-milvus.yaml']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /self-milvus\.yaml:1:11 error yaml-alias-limit alias \*a refers to the node that contains it/);
    assert.equal(result.stderr, '');
  });

  it('answers an alias bomb with a finding on the alias and checks the rest', async () => {
    const result = await runCliIn(dir, ['check', '--json', 'bomb-milvus.yaml']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const findings = JSON.parse(result.stdout) as { code: string; line: number }[];
    assert.ok(findings.some((finding) => finding.code === 'yaml-alias-limit' && finding.line > 4));
    assert.ok(findings.some((finding) => finding.code === 'tls-mode-unknown' && finding.line === 3));
    assert.equal(result.stderr, '');
  });
});
