/**
 * Whether the pods that load the certificates have them (facts §1, §2):
 * - a path no volumeMount of the serving pod covers, and the image does not have: Milvus fails;
 * - internal TLS files must be mounted in every component (the chart's global lists);
 * - a Secret mounted without the key the path names (`tls.crt` mounted, `server.pem` configured);
 *   a kubernetes.io/tls Secret (no ca.crt) for tlsMode 2;
 * - the chart's proxy.volumes/volumeMounts in standalone mode (only the proxy Deployment reads
 *   them); the Operator's component `volumes` replacing the global list a global mount needs.
 */
import path from 'node:path';
import type { KubernetesFacts } from '../../deployment';
import { secretKeys } from '../../kubernetes/secret';
import type { ComponentPod } from '../../kubernetes/volumes';
import { coveringMount, locateInPod } from '../../kubernetes/volumes';
import type { RuleContext } from '../context';
import { referenceRange } from '../fileContent';
import type { PathReference } from '../pathReferences';
import type { RuleFinding } from '../types';

/** Keys a certificate-manager or `kubectl create secret tls` writes, by what a setting expects. */
const KEY_CANDIDATES: Record<'certificate' | 'key' | 'ca', RegExp> = {
  certificate: /^(tls\.crt|server\.(pem|crt)|.*(cert|crt).*\.pem|.*\.crt)$/i,
  key: /^(tls\.key|server\.key|.*\.key)$/i,
  ca: /^(ca\.(crt|pem)|.*ca.*\.(pem|crt))$/i,
};

function suggestedKey(keys: readonly string[], expect: 'certificate' | 'key' | 'ca'): string | undefined {
  const candidates = keys.filter((key) => KEY_CANDIDATES[expect].test(key) && (expect === 'ca' || !/(^|[^a-z])ca([^a-z]|$)/i.test(key)));
  return candidates[0];
}

function missingKeyFinding(ctx: RuleContext, facts: KubernetesFacts, reference: PathReference): RuleFinding | undefined {
  const location = reference.location;
  if (location.kind !== 'manifest' || reference.file) return undefined;
  const mounted = locateInPod(reference.containerPath, facts.servingPod);
  if (mounted?.kind !== 'volume-key') return undefined;
  const secretName = mounted.volume.source.name;
  const found = [...facts.manifests.secrets, ...facts.manifests.configMaps].find(
    (entry) => entry.file === location.manifestPath && entry.manifest.name === secretName,
  );
  if (!found) return undefined;
  const keys = secretKeys(found.manifest);
  const range = referenceRange(ctx, reference);
  const key = reference.slot.key;
  if (found.manifest.type === 'kubernetes.io/tls' && reference.slot.expect === 'ca') {
    return {
      code: 'k8s-tls-secret-without-ca',
      severity: 'error',
      message: `${key} is ${reference.containerPath}, in the Secret "${secretName}" of type kubernetes.io/tls, which holds only tls.crt and tls.key: there is no CA to verify clients with, and tlsMode ${ctx.tlsMode.mode} needs one. Add a ca.crt key to the Secret (cert-manager's CA issuer writes one), or mount the CA from another Secret.`,
      range,
    };
  }
  const suggestion = mounted.volume.source.items === undefined ? suggestedKey(keys, reference.slot.expect) : undefined;
  const target =
    suggestion !== undefined
      ? path.posix.join(
          mounted.mount.subPath === undefined ? mounted.mount.mountPath : path.posix.dirname(mounted.mount.mountPath),
          suggestion,
        )
      : undefined;
  return {
    code: 'k8s-secret-key-mismatch',
    severity: 'error',
    message: `${key} is ${reference.containerPath}, but the ${found.manifest.kind} "${secretName}" mounted at ${mounted.mount.mountPath} has no key "${mounted.key ?? mounted.relative}" (it has ${keys.length > 0 ? keys.join(', ') : 'no keys'}): the file does not exist in the pod and Milvus fails to start.${target !== undefined ? ` Point ${key} at ${target}.` : ''}`,
    range,
    ...(target !== undefined ? { data: { fix: 'set-value' as const, key, values: [target] } } : {}),
  };
}

function notMountedFinding(ctx: RuleContext, facts: KubernetesFacts, reference: PathReference): RuleFinding | undefined {
  if (reference.location.kind !== 'unmapped') return undefined;
  const proxyOnly =
    facts.values && !facts.values.clusterEnabled.value ? coveringMount(reference.containerPath, facts.values.proxyMounts) : undefined;
  const why = proxyOnly
    ? `only proxy.volumeMounts covers it (${proxyOnly.mountPath}), and the chart reads those only in cluster mode: this standalone pod does not have it`
    : `no volumeMount of the ${facts.servingPod.component} pod covers it, and the image has no such file`;
  return {
    code: 'k8s-path-not-mounted',
    severity: 'error',
    message: `${reference.slot.key} is ${reference.containerPath} in the container; ${why}: Milvus fails with "open ${reference.containerPath}: no such file or directory". Mount the Secret that holds it${facts.flavour === 'helm' ? ' with the global volumes and volumeMounts' : ' under spec.components.volumes and volumeMounts'}.`,
    range: referenceRange(ctx, reference),
  };
}

/** Internal TLS runs in every component: each pod must have the files, not only the serving one. */
function internalTlsFindings(ctx: RuleContext, facts: KubernetesFacts, reference: PathReference): RuleFinding[] {
  if (reference.slot.group !== 'internaltls' || reference.location.kind === 'image' || reference.location.kind === 'placeholder') return [];
  const missing = facts.internalPods.filter((pod) => pod !== facts.servingPod && !locateInPod(reference.containerPath, pod));
  return missing.map((pod: ComponentPod) => ({
    code: 'k8s-path-not-mounted',
    severity: 'error' as const,
    message: `${reference.slot.key} is ${reference.containerPath}: internal TLS is loaded by every Milvus component, and no volumeMount of the ${pod.component} pod covers it. Mount the Secret with the global volumes and volumeMounts.`,
    range: referenceRange(ctx, reference),
  }));
}

function proxyInStandalone(facts: KubernetesFacts): RuleFinding[] {
  if (facts.values && !facts.values.clusterEnabled.value && facts.values.proxyVolumeKeys.length > 0) {
    return facts.values.proxyVolumeKeys.map((range) => ({
      code: 'k8s-proxy-mount-standalone',
      severity: 'warning' as const,
      message:
        'cluster.enabled is false, so the chart renders no proxy Deployment and nothing reads proxy.volumes or proxy.volumeMounts: standalone Milvus reads only the global volumes and volumeMounts. Move them there.',
      range,
    }));
  }
  const proxy = facts.resource?.mode === 'standalone' ? facts.resource.proxy : undefined;
  if (proxy) {
    return [proxy.volumesKey, proxy.mountsKey]
      .filter((range): range is RuleFinding['range'] => range !== undefined)
      .map((range) => ({
        code: 'k8s-proxy-mount-standalone',
        severity: 'warning' as const,
        message:
          'spec.mode is standalone, so the operator runs no proxy: spec.components.proxy.volumes and volumeMounts are never used. Put them under spec.components (global) or spec.components.standalone.',
        range,
      }));
  }
  return [];
}

/** MergeComponentSpec: a component's own `volumes` replaces the global list the global mounts need. */
function droppedVolumes(facts: KubernetesFacts): RuleFinding[] {
  const resource = facts.resource;
  if (!resource) return [];
  const specs = [{ name: resource.servingName, spec: resource.serving }, ...resource.others];
  return specs.flatMap(({ name, spec }) => {
    if (spec.volumes === undefined || !spec.volumesKey) return [];
    const own = new Set(spec.volumes.map((volume) => volume.name));
    const lost = resource.global.mounts.filter(
      (mount) => !own.has(mount.name) && !spec.mounts.some((candidate) => candidate.mountPath === mount.mountPath),
    );
    const names = [...new Set(lost.map((mount) => mount.name))];
    if (names.length === 0) return [];
    return [
      {
        code: 'k8s-component-volumes-drop-global',
        severity: 'error' as const,
        message: `${spec.path}.volumes replaces the global spec.components.volumes for the ${name} pod (the operator's MergeComponentSpec), but the global volumeMounts still mount ${names.map((volume) => `"${volume}"`).join(', ')} there: Kubernetes refuses to create the pod. Add ${names.length === 1 ? 'that volume' : 'those volumes'} to ${spec.path}.volumes too.`,
        range: spec.volumesKey,
      },
    ];
  });
}

export function mountRules(
  ctx: RuleContext,
  references: readonly PathReference[],
): { findings: RuleFinding[]; supersedes: RuleFinding['range'][] } {
  const facts = ctx.deployment.kubernetes;
  if (!facts) return { findings: [], supersedes: [] };
  const findings: RuleFinding[] = [];
  const supersedes: RuleFinding['range'][] = [];
  for (const reference of references) {
    const own = missingKeyFinding(ctx, facts, reference) ?? notMountedFinding(ctx, facts, reference);
    if (own) {
      findings.push(own);
      supersedes.push(own.range);
    }
    findings.push(...internalTlsFindings(ctx, facts, reference));
  }
  findings.push(...proxyInStandalone(facts), ...droppedVolumes(facts));
  return { findings, supersedes };
}
