// `milvus-tls generate --k8s-secret NAME [--namespace NS] [--release R]`: which Service names the
// server certificate covers (from a values file or Milvus resource in the current folder, else the
// release and namespace given), and the Secret manifest written with the set. Loaded lazily, through
// generateKubernetes.ts, only when a Kubernetes flag is given.
import type { KubernetesGenerationTarget } from '../core/deployment';
import { DEFAULT_SECRET_NAME, discoverDeployments, generationTargetOf, kubernetesTarget, targetServerSans } from '../core/deployment';
import { DEFAULT_RELEASE } from '../core/kubernetes';
import { kubernetesTargetWanted, type KubernetesFlags } from './kubernetesFlags';
import { cliContext } from './workspace';

export interface KubernetesSecretRequest {
  secretName: string;
  /** Written into the manifest only when known (given, or the resource's own). */
  namespace: string | undefined;
  target: KubernetesGenerationTarget;
  /** The server SANs the target asks for, worked out here so that generate.ts needs no deployment model. */
  serverSans: string[];
}

/**
 * The target of --k8s-secret (undefined without it), or of --cert-manager (`always`: the Secret name
 * then defaults to the one the folder's deployment mounts, else milvus-tls).
 */
export async function kubernetesTargetFor(
  values: KubernetesFlags,
  dir = process.cwd(),
  always = false,
): Promise<KubernetesSecretRequest | undefined> {
  if (!kubernetesTargetWanted(values, always)) return undefined;
  const given = values['k8s-secret'];
  const names = {
    ...(values.release !== undefined ? { release: values.release } : {}),
    ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
  };
  const found = (await discoverDeployments(dir, cliContext({ dir }), 0, names)).deployments.find(
    (deployment) => deployment.kind === 'kubernetes',
  );
  const fromFolder = found ? generationTargetOf(found) : undefined;
  const secretName = given ?? fromFolder?.secretName ?? DEFAULT_SECRET_NAME;
  const target = fromFolder
    ? { ...fromFolder, secretName }
    : kubernetesTarget({
        flavour: 'helm',
        release: values.release ?? DEFAULT_RELEASE,
        ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
        secretName,
      });
  const ownNamespace =
    found?.kubernetes && found.kubernetes.namespace.from.kind !== 'default' ? found.kubernetes.namespace.value : undefined;
  return { secretName, namespace: values.namespace ?? ownNamespace, target, serverSans: targetServerSans(target) };
}
