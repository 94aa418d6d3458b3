// The Kubernetes flags of `milvus-tls generate` (--k8s-secret, --release, --namespace, --cert-manager),
// checked before anything is loaded: the code that resolves them (kubernetesTarget.ts, with the
// deployment model and the YAML parser) is a bundle of its own that only these flags load.
import { isDnsLabel, isDnsSubdomain } from '../core/kubernetes/serviceNames';
import { UsageError } from './exitCodes';

export interface KubernetesFlags {
  'k8s-secret'?: string | undefined;
  release?: string | undefined;
  namespace?: string | undefined;
}

function checkName(value: string | undefined, flag: string, valid: (name: string) => boolean, what: string): void {
  if (value !== undefined && !valid(value)) {
    throw new UsageError(
      `${flag} '${value}' is not a valid ${what} (lower-case letters, digits and '-', starting and ending with a letter or digit)`,
    );
  }
}

/**
 * Whether the flags ask for a Kubernetes target: --k8s-secret NAME, or `always` (--cert-manager).
 * Throws a UsageError for --release/--namespace without either, or a name Kubernetes would refuse.
 */
export function kubernetesTargetWanted(values: KubernetesFlags, always: boolean): boolean {
  if (values['k8s-secret'] === undefined && !always) {
    if (values.release !== undefined || values.namespace !== undefined) {
      throw new UsageError('--release and --namespace go with --k8s-secret NAME or --cert-manager');
    }
    return false;
  }
  checkName(values['k8s-secret'], '--k8s-secret', isDnsSubdomain, 'Secret name');
  checkName(values.release, '--release', isDnsLabel, 'release name');
  checkName(values.namespace, '--namespace', isDnsLabel, 'namespace');
  return true;
}
