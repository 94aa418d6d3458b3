/**
 * What a certificate for a Kubernetes deployment must cover, and where it goes: the Service clients
 * dial (`<release>-milvus` and its `.ns`, `.ns.svc`, `.ns.svc.cluster.local` forms), `localhost` for
 * `kubectl port-forward`, `internaltls.sni`, the ingress hosts; and the Secret the pods mount.
 * Generate Certificates… (editor and CLI) start from it.
 */
import { getEffectiveValue } from '../../config/effectiveConfig';
import { helmFullname } from '../../kubernetes/helmValues';
import type { HelmValues } from '../../kubernetes/helmValues';
import { locateInPod } from '../../kubernetes/volumes';
import { DEFAULT_NAMESPACE, serviceDnsNames } from '../../kubernetes/serviceNames';
import { defaultServerSans } from '../../pki/defaults';
import type { Deployment } from '../types';

export const DEFAULT_SECRET_NAME = 'milvus-tls';

export interface KubernetesGenerationTarget {
  /** For people: `Helm release "my-release" (values.yaml)`. */
  label: string;
  flavour: 'helm' | 'operator';
  release: string;
  namespace: string;
  serviceName: string;
  /** The server certificate's CommonName: the Service name. */
  commonName: string;
  /** Every name the certificate must carry besides the CommonName, in order. */
  extraNames: string[];
  /** The Secret the pods mount (or should): the manifest's name. */
  secretName: string;
}

/** The names for a release and namespace: the Helm chart's `milvus.fullname`, or `<name>-milvus` for a Milvus resource. */
export function kubernetesTarget(input: {
  flavour: 'helm' | 'operator';
  release: string;
  namespace?: string;
  values?: HelmValues;
  sni?: string;
  ingressHosts?: readonly string[];
  secretName?: string;
  label?: string;
}): KubernetesGenerationTarget {
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const serviceName =
    input.flavour === 'operator'
      ? `${input.release}-milvus`
      : input.values
        ? helmFullname(input.values, input.release)
        : input.release.includes('milvus')
          ? input.release
          : `${input.release}-milvus`;
  const extraNames = [
    ...serviceDnsNames(serviceName, namespace).slice(1),
    ...(input.sni !== undefined ? [input.sni] : []),
    ...(input.ingressHosts ?? []),
  ];
  return {
    label: input.label ?? `${input.flavour === 'helm' ? 'Helm release' : 'Milvus'} "${input.release}" in namespace ${namespace}`,
    flavour: input.flavour,
    release: input.release,
    namespace,
    serviceName,
    commonName: serviceName,
    extraNames: [...new Set(extraNames.filter((name) => name.trim() !== ''))],
    secretName: input.secretName ?? DEFAULT_SECRET_NAME,
  };
}

/** The server SANs a target asks for: the CommonName, the loopback names, then the Service forms, sni and hosts. */
export function targetServerSans(target: KubernetesGenerationTarget): string[] {
  return defaultServerSans(target.commonName, target.extraNames);
}

/** The Secret behind the server certificate path, else the first Secret the serving pod mounts. */
function mountedSecretName(deployment: Deployment): string | undefined {
  const facts = deployment.kubernetes;
  if (!facts) return undefined;
  const server = deployment.paths.get('tls.serverPemPath');
  const located = server ? locateInPod(server.containerPath, facts.servingPod) : undefined;
  if (located?.kind === 'volume-key' && located.volume.source.kind === 'secret') return located.volume.source.name;
  for (const volume of facts.servingPod.volumes) {
    if (volume.source.kind === 'secret' && volume.source.name !== '') return volume.source.name;
  }
  return undefined;
}

/** The target of a deployment; the user may name the release, namespace or Secret otherwise (a Helm values file does not name its release). */
export function generationTargetOf(
  deployment: Deployment,
  overrides: { release?: string; namespace?: string; secretName?: string } = {},
): KubernetesGenerationTarget | undefined {
  const facts = deployment.kubernetes;
  if (!facts) return undefined;
  const sni = getEffectiveValue(deployment.effective, 'internaltls.sni')?.value.trim();
  const secretName = overrides.secretName ?? mountedSecretName(deployment);
  return kubernetesTarget({
    flavour: facts.flavour,
    release: facts.flavour === 'helm' ? (overrides.release ?? facts.release.value) : facts.release.value,
    namespace: overrides.namespace ?? facts.namespace.value,
    ...(facts.values ? { values: facts.values } : {}),
    // The image's sni is `localhost`, already covered.
    ...(sni !== undefined && sni !== '' && sni !== 'localhost' ? { sni } : {}),
    ingressHosts: facts.dialNames.slice(4).map((name) => name.name),
    ...(secretName !== undefined ? { secretName } : {}),
    label: deployment.label,
  });
}
