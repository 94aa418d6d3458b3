// The language server's cost per keystroke on a Kubernetes file: the chart's own values.yaml
// (milvus-helm 5.0.19, ~1500 lines) with TLS enabled in its extraConfigFiles.user.yaml block and the
// Secret manifest beside it (three certificates), typing inside the block. Timed from the edit to its
// diagnostics over the protocol, against a bare `yaml` parse of the same text in the same run.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyTextEdits } from '../../src/core/edit';
import { deploymentsForFile, LoadedFileCache, ParseCache } from '../../src/core/deployment';
import { secretManifestFile } from '../../src/core/kubernetes';
import { defaultCertificateSetOptions, defaultServerSans } from '../../src/core/pki/defaults';
import { generateCertificateSet } from '../../src/core/pki/generate';
import { planEnableTlsChanges } from '../../src/core/usecases';
import { memoryFileSystem } from '../../src/core/workspace';
import { makeTempDir } from '../helpers/tempDir';
import { startHarness } from '../server/lspHarness';
import { k8sFile } from '../unit/kubernetes/corpus';
import type { BenchRow } from './benchTable';
import { formatTable } from './benchTable';
import { timeTyping } from './typing';

const ROUNDS = Number(process.env.ROUNDS ?? 30);
const SERVICE_NAMES = [
  'my-release-milvus',
  'my-release-milvus.default',
  'my-release-milvus.default.svc',
  'my-release-milvus.default.svc.cluster.local',
];

/** The chart's values.yaml with TLS on, as Enable TLS leaves it (the same use case). */
async function enabledValues(): Promise<string> {
  const original = k8sFile('helm-milvus-5.0.19/values.yaml');
  const context = { fs: memoryFileSystem({ '/ws/values.yaml': original }), cache: new LoadedFileCache(), parsed: new ParseCache() };
  const [deployment] = await deploymentsForFile('/ws/values.yaml', ['/ws'], context);
  const outcome = await planEnableTlsChanges({ root: '/ws', mode: 2, certsDir: '/ws/tls', deployment, secretName: 'milvus-tls' }, context);
  const edits = outcome.changes[0]?.edits;
  if (!Array.isArray(edits)) throw new Error('Enable TLS planned no edits');
  return applyTextEdits(original, edits);
}

export async function runKubernetesLanguageServerBench(): Promise<void> {
  const workspace = await makeTempDir('bench-k8s');
  try {
    const files = await generateCertificateSet(
      defaultCertificateSetOptions({
        keyType: 'ecdsa-p256',
        serverCommonName: 'my-release-milvus',
        serverSans: defaultServerSans('my-release-milvus', SERVICE_NAMES),
      }),
    );
    await mkdir(join(workspace.dir, 'tls'));
    await writeFile(
      join(workspace.dir, 'tls', 'milvus-tls.secret.yaml'),
      secretManifestFile('milvus-tls', undefined, files)?.contents ?? '',
    );
    // A comment line inside the block: typing there keeps the YAML valid, so every rule runs.
    const text = (await enabledValues()).replace('  user.yaml: |+\n', '  user.yaml: |+\n    # typed: \n');
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate === '    # typed: ');
    const harness = await startHarness(workspace.dir);
    const rows: BenchRow[] = [];
    try {
      const uri = await harness.open(join(workspace.dir, 'values.yaml'), text);
      const first = await harness.diagnostics(uri);
      if (first.length > 0) throw new Error(`the bench file has diagnostics: ${first.map((item) => String(item.code)).join(', ')}`);
      const { ours, baseline } = await timeTyping(harness, uri, text, { line, column: '    # typed: '.length }, ROUNDS);
      const left = await harness.diagnostics(uri);
      if (left.length > 0) throw new Error(`diagnostics after typing: ${left.map((item) => String(item.code)).join(', ')}`);
      rows.push({
        name: `chart values.yaml (${lines.length} lines), typing in user.yaml, Secret beside it, in-memory LSP, pull`,
        // Issue 11's line for diagnostics holds for the Kubernetes files too: at most 1.2x a bare parse.
        ours,
        baseline,
        baselineName: 'yaml parseDocument',
        targetRatio: 1.2,
      });
    } finally {
      await harness.close();
    }
    console.log(`${formatTable('Language server on Kubernetes: edit inside extraConfigFiles.user.yaml to diagnostics', rows)}\n`);
  } finally {
    await workspace.cleanup();
  }
}
