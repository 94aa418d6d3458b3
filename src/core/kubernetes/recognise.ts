/**
 * Which Kubernetes files are ours, by content, whatever their name: values files of the milvus Helm
 * chart, `Milvus` custom resources (milvus.io v1beta1 and v1alpha1), v1 Secrets, ConfigMaps that
 * carry a milvus.yaml (the chart's customConfigMap), and cert-manager Issuers, ClusterIssuers and
 * Certificates. Any other YAML file is none of these, and gets nothing from us.
 */
import { isMap } from 'yaml';
import type { ManifestDocument, ManifestFile } from './manifestFile';
import { parseManifestFile } from './manifestFile';
import { child, entries, isMapping } from './yamlNodes';

export type KubernetesObjectType = 'milvus' | 'secret' | 'config-map' | 'cert-manager';

export interface RecognisedObject {
  doc: ManifestDocument;
  type: KubernetesObjectType;
}

export interface RecognisedKubernetesFile {
  file: ManifestFile;
  /** A chart values file (one document of settings), or manifests (Kubernetes objects). */
  kind: 'helm-values' | 'manifests';
  /** For manifests: the documents we understand, in file order. */
  objects: RecognisedObject[];
}

export interface RecogniseOptions {
  /**
   * The file was named as a Milvus file (`milvusTls.configFiles`, a values-like name): weaker
   * evidence (any TLS key at the root) then makes it a values file.
   */
  selected?: boolean;
}

export const MILVUS_API_VERSIONS: readonly string[] = ['milvus.io/v1beta1', 'milvus.io/v1alpha1'];
const CERT_MANAGER_KINDS: readonly string[] = ['Issuer', 'ClusterIssuer', 'Certificate'];

/**
 * Top-level keys of the chart's values.yaml that no milvus.yaml has. One of them makes a values
 * file (milvus.yaml shares `proxy`, `etcd`, `minio`, `log`, `streaming`, … with the chart, so those prove nothing).
 */
const CHART_ONLY_KEYS: readonly string[] = [
  'extraConfigFiles',
  'customConfigMap',
  'nameOverride',
  'fullnameOverride',
  'attu',
  'pulsarv3',
  'externalS3',
  'externalGcs',
  'externalEtcd',
  'externalPulsar',
  'externalKafka',
  'rootCoordinator',
  'queryCoordinator',
  'indexCoordinator',
  'dataCoordinator',
  'mixCoordinator',
  'standalone',
  'heaptrack',
  'serviceAccount',
  'livenessProbe',
  'readinessProbe',
];
/** Keys whose shape is chart-only: `cluster: {enabled}`, `image: {all}`. */
const CHART_SHAPED_KEYS: readonly [string, string][] = [
  ['cluster', 'enabled'],
  ['image', 'all'],
];
/** Keys a chart values file has and a milvus.yaml never does, but other charts' values do too: evidence only for a selected file. */
const WEAK_CHART_KEYS: readonly string[] = ['volumes', 'volumeMounts', 'ingress', 'service', 'metrics'];

/** Cheap gate before parsing: the language server sees every YAML file the user opens. */
const CANDIDATE =
  /^(?:apiVersion|kind|extraConfigFiles|customConfigMap|cluster|image|standalone|attu|nameOverride|fullnameOverride|[a-zA-Z]+Coordinator|external[A-Za-z0-9]+|pulsarv3|heaptrack|serviceAccount|livenessProbe|readinessProbe|volumes|volumeMounts|ingress|service|metrics)\s*:/m;

export function objectType(doc: ManifestDocument): KubernetesObjectType | undefined {
  const { apiVersion, kind } = doc;
  if (kind === 'Milvus' && apiVersion !== undefined && MILVUS_API_VERSIONS.includes(apiVersion)) return 'milvus';
  if (kind === 'Secret' && apiVersion === 'v1') return 'secret';
  if (kind === 'ConfigMap' && apiVersion === 'v1' && child(child(doc.root, 'data'), 'milvus.yaml') !== undefined) return 'config-map';
  if (kind !== undefined && CERT_MANAGER_KINDS.includes(kind) && apiVersion?.startsWith('cert-manager.io/') === true) return 'cert-manager';
  return undefined;
}

export function isHelmValues(doc: ManifestDocument, options: RecogniseOptions = {}): boolean {
  if (!isMapping(doc.root) || doc.apiVersion !== undefined || doc.kind !== undefined) return false;
  const keys = new Set(entries(doc.root).map((entry) => entry.key));
  if (CHART_ONLY_KEYS.some((key) => keys.has(key))) return true;
  if (CHART_SHAPED_KEYS.some(([key, inner]) => isMap(child(doc.root, key)?.node) && child(child(doc.root, key), inner) !== undefined)) {
    return true;
  }
  return options.selected === true && WEAK_CHART_KEYS.some((key) => keys.has(key));
}

/** False when the text cannot be one of ours (no top-level key that could make it one): no parse needed. */
export function mayBeKubernetesText(text: string): boolean {
  return CANDIDATE.test(text);
}

/** Undefined when the text is none of ours. */
export function recogniseKubernetesFile(
  text: string,
  fileName?: string,
  options: RecogniseOptions = {},
): RecognisedKubernetesFile | undefined {
  if (!mayBeKubernetesText(text)) return undefined;
  return recogniseManifestFile(parseManifestFile(text, fileName), options);
}

export function recogniseManifestFile(file: ManifestFile, options: RecogniseOptions = {}): RecognisedKubernetesFile | undefined {
  const objects = file.documents.flatMap((doc) => {
    const type = objectType(doc);
    return type ? [{ doc, type }] : [];
  });
  if (objects.length > 0) return { file, kind: 'manifests', objects };
  const only = file.documents.filter((doc) => doc.document.contents !== null);
  if (only.length === 1 && only[0] && isHelmValues(only[0], options)) return { file, kind: 'helm-values', objects: [] };
  return undefined;
}
