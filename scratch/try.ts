import path from 'node:path';
import { applyTextEdits } from '../src/core/edit';
import { deploymentsForFile, LoadedFileCache, ParseCache } from '../src/core/deployment';
import { memoryFileSystem } from '../src/core/workspace';
import { planEnableTlsChanges } from '../src/core/usecases';
import { k8sFile } from '../test/unit/kubernetes/corpus';
import { analyseFile, codesAndLines } from '../test/unit/kubernetes/checkHelpers';
async function main() {
  for (const f of ['helm-milvus-5.0.19/values.yaml', 'operator-1.3.8/milvus_default.yaml', 'operator-1.3.8/milvus_cluster_default.yaml', 'operator-1.3.8/external_tls.yaml']) {
    let text = k8sFile(f);
    for (let round = 0; round < 2; round++) {
      const context = { fs: memoryFileSystem({ '/ws/x.yaml': text }), cache: new LoadedFileCache(), parsed: new ParseCache() };
      const [deployment] = await deploymentsForFile('/ws/x.yaml', ['/ws'], context);
      const outcome = await planEnableTlsChanges({ root: '/ws', mode: 1, certsDir: '/ws/tls', deployment, ...(f.includes('external') ? {} : { secretName: 'milvus-tls' }) }, context);
      const edits = outcome.changes[0]?.edits;
      console.log(f, 'round', round, 'edits', Array.isArray(edits) ? edits.length : 'create', outcome.summary);
      if (Array.isArray(edits)) text = applyTextEdits(text, edits);
    }
    if (!f.includes('values')) console.log(text); else console.log(text.split('\n').filter((l, i) => /extraConfigFiles|user.yaml|tls|volume|secret|mountPath|readOnly|tlsMode|port: 8080|^    [a-z]/.test(l)).slice(0, 40).join('\n'));
    const r = await analyseFile({ '/ws/x.yaml': text }, '/ws/x.yaml');
    console.log('findings', codesAndLines(text, r.findings));
  }
}
void main();
