/**
 * Enable / Disable TLS for a Kubernetes deployment (a Helm values file or a Milvus resource): the
 * same use case as for docker-compose, reached through planEnableTlsChanges / planDisableTlsChanges
 * when the deployment's kind is 'kubernetes'. The certificates come from a Secret (by name), whose
 * keys are read from its manifest or the cert-manager Certificate that writes it when the workspace
 * has one; the result is checked with the deployment model before anything is written.
 */
import type { Deployment, ResolveContext } from '../deployment';
import { generationTargetOf, kubernetesDeployments, recogniseFile } from '../deployment';
import type { EnableTlsFiles } from '../edit/enableTls';
import { EditPlanError } from '../edit/errors';
import { planKubernetesDisableTls, planKubernetesEnableTls } from '../edit/kubernetesTls';
import { secretKeys } from '../kubernetes/secret';
import type { ManifestDocument } from '../kubernetes/manifestFile';
import { readText } from '../workspace';
import type { FileChange } from './fileChanges';
import { resultText } from './fileChanges';
import { projectLabel } from './projectPaths';
import { checkWritableTarget } from './targetFiles';
import { verifiedContext } from './verify';

const DEFAULT_KEYS: EnableTlsFiles = { serverPem: 'server.pem', serverKey: 'server.key', caPem: 'ca.pem' };
const CERT_MANAGER_KEYS: EnableTlsFiles = { serverPem: 'tls.crt', serverKey: 'tls.key', caPem: 'ca.crt' };

export interface KubernetesTlsRequest {
  root: string;
  deployment: Deployment;
  mode: 1 | 2;
  /** The Secret holding the certificates; default: the one the pods mount, else milvus-tls. */
  secretName?: string;
  httpPort?: number;
  /** Named by the user (--helm/--operator): written even outside the project. */
  explicit?: boolean;
}

export interface KubernetesTlsOutcome {
  changes: FileChange[];
  summary: string[];
  /** The file edited. */
  file: string;
  secretName: string;
  keys: EnableTlsFiles;
  certsContainerDir: string;
  httpPort: number;
  /** How the user applies it: `helm upgrade …` or `kubectl apply -f …`, then a restart. */
  applyHint: string;
}

/** The keys of the Secret: from its manifest (tls.crt or server.pem style), a cert-manager Certificate's, else the generated set's names. */
export function secretKeysFor(deployment: Deployment, secretName: string): { keys: EnableTlsFiles; known: boolean } {
  const index = deployment.kubernetes?.manifests;
  const manifest = index?.secrets.find((entry) => entry.manifest.name === secretName)?.manifest;
  if (manifest) {
    const keys = secretKeys(manifest);
    if (keys.includes('tls.crt') && keys.includes('tls.key')) return { keys: CERT_MANAGER_KEYS, known: true };
    return { keys: DEFAULT_KEYS, known: true };
  }
  if (index?.certificateSecrets.some((entry) => entry.secretName === secretName)) return { keys: CERT_MANAGER_KEYS, known: true };
  return { keys: DEFAULT_KEYS, known: false };
}

interface KubernetesFile {
  file: string;
  text: string;
  doc: ManifestDocument;
  label: string;
}

async function fileOf(request: Pick<KubernetesTlsRequest, 'root' | 'deployment'>, context: ResolveContext): Promise<KubernetesFile> {
  const facts = request.deployment.kubernetes;
  if (!facts) throw new EditPlanError(request.deployment.label, 'is not a Kubernetes deployment');
  const file = facts.file;
  const label = projectLabel(context.fs.path, request.root, file);
  const text = (await readText(context.fs, file)).text;
  if (text === undefined) throw new EditPlanError(label, 'cannot be read');
  const recognised = await recogniseFile(file, context);
  const wanted = facts.values?.doc.index ?? facts.resource?.doc.index ?? 0;
  const doc = recognised?.file.documents[wanted];
  if (!doc || recognised?.file.text !== text) throw new EditPlanError(label, 'changed while it was being read; try again');
  if (facts.userYamlSource === 'customConfigMap') {
    throw new EditPlanError(
      label,
      `sets customConfigMap: Milvus reads its settings from that ConfigMap's milvus.yaml, so enable TLS there (and mount the Secret in this file's volumes)`,
    );
  }
  return { file, text, doc, label };
}

function regionOf(deployment: Deployment, file: string): Deployment['configFiles'][number]['embedded'] {
  return deployment.configFiles.find((config) => config.source === 'embedded' && config.hostPath === file)?.embedded;
}

/** The deployment as it would be after the changes (same file, same resource). */
async function after(
  request: Pick<KubernetesTlsRequest, 'root' | 'deployment'>,
  changes: readonly FileChange[],
  context: ResolveContext,
): Promise<Deployment | undefined> {
  const verified = verifiedContext(
    context,
    changes.map((change) => ({ path: change.path, text: resultText(change) })),
  );
  const facts = request.deployment.kubernetes;
  const recognised = facts ? await recogniseFile(facts.file, verified) : undefined;
  if (!recognised || !facts) return undefined;
  const names = { release: facts.release.value, namespace: facts.namespace.value };
  const all = await kubernetesDeployments(recognised, request.root, verified, names);
  return all.find((candidate) => candidate.id === request.deployment.id) ?? all[0];
}

export async function planKubernetesEnableTlsChanges(
  request: KubernetesTlsRequest,
  context: ResolveContext,
): Promise<KubernetesTlsOutcome> {
  const { file, text, doc, label } = await fileOf(request, context);
  await checkWritableTarget(file, request.root, request.explicit === true, context);
  const facts = request.deployment.kubernetes;
  const secretName = request.secretName ?? generationTargetOf(request.deployment)?.secretName ?? 'milvus-tls';
  const { keys, known } = secretKeysFor(request.deployment, secretName);
  const plan = planKubernetesEnableTls({
    text,
    label,
    doc,
    flavour: facts?.flavour ?? 'helm',
    region: regionOf(request.deployment, file),
    mode: request.mode,
    secretName,
    files: keys,
    ...(request.httpPort !== undefined ? { httpPort: request.httpPort } : {}),
  });
  const changes: FileChange[] = [{ path: file, label, before: text, edits: plan.edits }];
  const summary = [...plan.summary];
  const result = plan.edits.length > 0 ? await after(request, changes, context) : request.deployment;
  if (result && result.tlsMode.mode !== request.mode) {
    const from = result.provenanceOf('common.security.tlsMode');
    summary.push(
      `warning: after this change Milvus still runs with tlsMode ${result.tlsMode.mode}${from ? `, set by ${from.text}` : ''}: change it there too`,
    );
  }
  if (!known) {
    summary.push(
      `note: the Secret "${secretName}" is not in the workspace: create it before deploying (milvus-tls generate --k8s-secret ${secretName}, then kubectl apply -f tls/${secretName}.secret.yaml)`,
    );
  }
  const applyHint =
    facts?.flavour === 'operator'
      ? `kubectl apply -f ${label}`
      : `helm upgrade ${facts?.release.value ?? 'my-release'} milvus/milvus -f ${label}`;
  return { changes, summary, file, secretName, keys, certsContainerDir: plan.certsContainerDir, httpPort: plan.httpPort, applyHint };
}

export async function planKubernetesDisableTlsChanges(
  request: Pick<KubernetesTlsRequest, 'root' | 'deployment' | 'explicit'>,
  context: ResolveContext,
): Promise<{ changes: FileChange[]; summary: string[] }> {
  const { file, text, doc, label } = await fileOf(request, context);
  const plan = planKubernetesDisableTls({
    text,
    label,
    doc,
    flavour: request.deployment.kubernetes?.flavour ?? 'helm',
    region: regionOf(request.deployment, file),
  });
  if (plan.edits.length === 0) return { changes: [], summary: [] };
  await checkWritableTarget(file, request.root, request.explicit === true, context);
  const changes: FileChange[] = [{ path: file, label, before: text, edits: plan.edits }];
  const summary = [...plan.summary];
  const result = await after(request, changes, context);
  if (result && result.tlsMode.mode !== 0) {
    const from = result.provenanceOf('common.security.tlsMode');
    summary.push(`warning: Milvus still runs with tlsMode ${result.tlsMode.mode}${from ? `, set by ${from.text}` : ''}: change it there`);
  }
  return { changes, summary };
}
