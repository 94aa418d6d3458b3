// `milvus-tls generate --k8s-secret NAME [--namespace NS] [--release R]`: which Service names the
// server certificate covers (from a values file or Milvus resource in the current folder, else the
// release and namespace given), and the Secret manifest written with the set.
import type { KubernetesGenerationTarget } from '../core/deployment';
import { DEFAULT_SECRET_NAME, discoverDeployments, generationTargetOf, kubernetesTarget } from '../core/deployment';
import { DEFAULT_RELEASE, isDnsLabel, isDnsSubdomain } from '../core/kubernetes';
import { UsageError } from './exitCodes';
import { cliContext } from './workspace';

export interface KubernetesSecretRequest {
  secretName: string;
  /** Written into the manifest only when known (given, or the resource's own). */
  namespace: string | undefined;
  target: KubernetesGenerationTarget;
}

interface KubernetesFlags {
  'k8s-secret'?: string | undefined;
  release?: string | undefined;
  namespace?: string | undefined;
}

function checkName(value: string | undefined, flag: string, valid: (name: string) => boolean, what: string): void {
  if (value !== undefined && !valid(value)) throw new UsageError(`${flag} '${value}' is not a valid ${what} (lower-case letters, digits and '-', starting and ending with a letter or digit)`);
}

/**
 * The target of --k8s-secret (undefined without it), or of --cert-manager (`always`: the Secret name
 * then defaults to the one the folder's deployment mounts, else milvus-tls).
 */
export async function kubernetesTargetFor(values: KubernetesFlags, dir = process.cwd(), always = false): Promise<KubernetesSecretRequest | undefined> {
  const given = values['k8s-secret'];
  if (given === undefined && !always) {
    if (values.release !== undefined || values.namespace !== undefined) throw new UsageError('--release and --namespace go with --k8s-secret NAME or --cert-manager');
    return undefined;
  }
  checkName(given, '--k8s-secret', isDnsSubdomain, 'Secret name');
  checkName(values.release, '--release', isDnsLabel, 'release name');
  checkName(values.namespace, '--namespace', isDnsLabel, 'namespace');
  const names = { ...(values.release !== undefined ? { release: values.release } : {}), ...(values.namespace !== undefined ? { namespace: values.namespace } : {}) };
  const found = (await discoverDeployments(dir, cliContext({ dir }), 0, names)).deployments.find((deployment) => deployment.kind === 'kubernetes');
  const fromFolder = found ? generationTargetOf(found) : undefined;
  const secretName = given ?? fromFolder?.secretName ?? DEFAULT_SECRET_NAME;
  const target = fromFolder
    ? { ...fromFolder, secretName }
    : kubernetesTarget({ flavour: 'helm', release: values.release ?? DEFAULT_RELEASE, ...(values.namespace !== undefined ? { namespace: values.namespace } : {}), secretName });
  const ownNamespace = found?.kubernetes && found.kubernetes.namespace.from.kind !== 'default' ? found.kubernetes.namespace.value : undefined;
  return { secretName, namespace: values.namespace ?? ownNamespace, target };
}
