// The real Kubernetes files (chart values, the Operator's CRD and samples), found beside the
// repository as ../shared/k8s-configs, like the Milvus corpus in ../compose/shippedFiles.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../compose/shippedFiles';

export const K8S_CONFIGS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'k8s-configs');

export function k8sFile(relative: string): string {
  return readFileSync(path.join(K8S_CONFIGS_DIR, relative), 'utf8');
}

export const CHART_VALUES = ['helm-milvus-5.0.19/values.yaml', 'helm-milvus-4.2.58/values.yaml'] as const;
export const OPERATOR_DEFAULT_SAMPLES = ['operator-1.3.8/milvus_default.yaml', 'operator-1.3.8/milvus_cluster_default.yaml'] as const;
export const OPERATOR_TLS_SAMPLES = ['operator-1.3.8/external_tls.yaml', 'operator-1.3.8/internal_tls.yaml'] as const;
export const MILVUS_CRD = 'operator-1.3.8/milvus.io_milvuses.yaml';

/**
 * The Milvus docs' Helm recipe: a Secret `certs` mounted globally at /certs (read-only), standalone,
 * and `userYaml` (unindented) as the `extraConfigFiles.user.yaml: |+` block; `extra` follows at the root.
 */
export function docsHelmValues(userYaml: string, extra = ''): string {
  const block = userYaml
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? line : `    ${line}`))
    .join('\n');
  return (
    `cluster:\n  enabled: false\nvolumes:\n  - name: certs\n    secret:\n      secretName: certs\n` +
    `volumeMounts:\n  - name: certs\n    mountPath: /certs\n    readOnly: true\nextraConfigFiles:\n  user.yaml: |+\n${block}\n${extra}`
  );
}
