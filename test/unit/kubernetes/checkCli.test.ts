import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkCommand } from '../../../src/cli/check';
import { makeTempDir } from '../../helpers/tempDir';
import { k8sFile } from './corpus';

async function run(args: string[], cwd: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const original = console.log;
  const originalCwd = process.cwd();
  console.log = (line: unknown) => {
    lines.push(String(line));
  };
  process.chdir(cwd);
  try {
    return { code: await checkCommand.run(args), lines };
  } finally {
    console.log = original;
    process.chdir(originalCwd);
  }
}

describe('milvus-tls check on Kubernetes files', () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };
  before(async () => {
    workspace = await makeTempDir('check-k8s');
    await writeFile(join(workspace.dir, 'external_tls.yaml'), k8sFile('operator-1.3.8/external_tls.yaml'));
    await writeFile(join(workspace.dir, 'values.yaml'), k8sFile('helm-milvus-5.0.19/values.yaml'));
    await writeFile(join(workspace.dir, 'workflow.yaml'), 'name: CI\non: [push]\n');
  });
  after(async () => {
    await workspace.cleanup();
  });

  it('finds them by content in the folder, and reports the same findings as the editor', async () => {
    const { code, lines } = await run([], workspace.dir);
    assert.equal(code, 1);
    assert.deepEqual(
      lines.map((line) => line.split(' ').slice(0, 3).join(' ')),
      [
        'external_tls.yaml:12:3 error pem-bad-base64',
        'external_tls.yaml:16:3 error k8s-secret-pem-folded',
        'external_tls.yaml:20:3 error k8s-secret-pem-folded',
        'external_tls.yaml:40:9 warning bundled-test-certificate',
        'external_tls.yaml:40:9 warning bundled-test-certificate',
        'external_tls.yaml:43:7 warning misplaced-block',
      ],
    );
  });

  it("the chart's values.yaml is clean", async () => {
    const { code, lines } = await run(['--json', 'values.yaml'], workspace.dir);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(lines.join('\n')), []);
  });
});
