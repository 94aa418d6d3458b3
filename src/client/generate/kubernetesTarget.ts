// The Kubernetes part of "Generate Certificates…" as plain steps: after the user picks one of the
// workspace's Kubernetes deployments as the target, the release (Helm only: a values file does not
// name it) and namespace whose Service names the server certificate must cover, and the name of the
// Secret manifest written beside the files.
import type { Deployment, KubernetesGenerationTarget } from '../../core/deployment';
import { DEFAULT_SECRET_NAME, generationTargetOf } from '../../core/deployment';
import { isDnsLabel, isDnsSubdomain } from '../../core/kubernetes';
import type { InputStep } from '../quickInput/steps';

export interface KubernetesChoice {
  deployment: Deployment;
  release: string;
  namespace: string;
  secretName: string;
}

const DNS_LABEL_HINT = 'lower-case letters, digits and "-", at most 63, starting and ending with a letter or digit';

export function validateDnsLabel(value: string, what: string): string | undefined {
  return isDnsLabel(value.trim()) ? undefined : `A ${what} is a DNS label: ${DNS_LABEL_HINT}`;
}

export function validateSecretName(value: string): string | undefined {
  return isDnsSubdomain(value.trim()) ? undefined : `A Secret name is a DNS name: ${DNS_LABEL_HINT}, in parts separated by "."`;
}

/** The defaults: the settings' release and namespace for a values file, the resource's own names otherwise, the Secret the pods mount. */
export function initialChoice(deployment: Deployment, settings: { release?: string; namespace?: string }): KubernetesChoice {
  const facts = deployment.kubernetes;
  const assumedNamespace = facts?.namespace.from.kind === 'default';
  return {
    deployment,
    release: facts?.flavour === 'helm' ? (settings.release ?? facts.release.value) : (facts?.release.value ?? ''),
    namespace: assumedNamespace ? (settings.namespace ?? facts.namespace.value) : (facts?.namespace.value ?? 'default'),
    secretName: generationTargetOf(deployment)?.secretName ?? DEFAULT_SECRET_NAME,
  };
}

export function chosenTarget(choice: KubernetesChoice): KubernetesGenerationTarget | undefined {
  return generationTargetOf(choice.deployment, { release: choice.release, namespace: choice.namespace, secretName: choice.secretName });
}

/** Release (Helm only), namespace and Secret name, each validated as Kubernetes validates it. */
export function kubernetesSteps(choice: KubernetesChoice): InputStep[] {
  const release: InputStep = {
    kind: 'input',
    title: 'Helm release',
    prompt: 'The release name of `helm install RELEASE milvus/milvus`: its Service is RELEASE-milvus',
    value: () => choice.release,
    validate: (value) => validateDnsLabel(value, 'release name'),
    accept: (value) => {
      choice.release = value.trim();
    },
  };
  const namespace: InputStep = {
    kind: 'input',
    title: 'Namespace',
    prompt: 'The namespace Milvus runs in: clients reach its Service as NAME.NAMESPACE.svc',
    value: () => choice.namespace,
    validate: (value) => validateDnsLabel(value, 'namespace'),
    accept: (value) => {
      choice.namespace = value.trim();
    },
  };
  const secret: InputStep = {
    kind: 'input',
    title: 'Secret name',
    prompt: 'The Secret the Milvus pods mount: its manifest (server.pem, server.key, ca.pem) is written beside the files',
    value: () => choice.secretName,
    validate: validateSecretName,
    accept: (value) => {
      choice.secretName = value.trim();
    },
  };
  return choice.deployment.kubernetes?.flavour === 'helm' ? [release, namespace, secret] : [namespace, secret];
}
