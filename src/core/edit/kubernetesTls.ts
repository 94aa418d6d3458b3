/**
 * Enable / Disable TLS in a Kubernetes file, as one plan of minimal edits (facts §1, §2):
 * - the milvus.yaml Milvus reads: the chart's `extraConfigFiles.user.yaml` block, or the CR's
 *   `spec.config` — top-level `tls` paths, `common.security.tlsMode`, `proxy.http.port`;
 * - the Secret mounted read-only into every Milvus pod: the chart's global `volumes` and
 *   `volumeMounts`; the CR's `spec.components.volumes`/`volumeMounts` (and the serving component's
 *   own `volumes`, which replace the global list when present);
 * - the CR's `serviceRestfulPort` equal to the REST port.
 * Existing volumes of that Secret and their mount paths are reused, so a second run changes nothing.
 */
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import { resolveConfigPath } from '../config/containerPaths';
import type { EmbeddedRegion } from '../deployment/types';
import { maskOutside } from '../kubernetes/embeddedYaml';
import { readHelmValues } from '../kubernetes/helmValues';
import type { ManifestDocument } from '../kubernetes/manifestFile';
import { readMilvusResource } from '../kubernetes/milvusResource';
import type { PodVolume, PodVolumeMount } from '../kubernetes/volumes';
import { child, keyRangeOf, nodeRange, stringField } from '../kubernetes/yamlNodes';
import { parseManifestFile } from '../kubernetes/manifestFile';
import { DEFAULT_CERTS_CONTAINER_DIR } from './composeEdits';
import { planEmbeddedValues, renderValues } from './embeddedEdits';
import { chooseHttpPort, DEFAULT_HTTP_PORT, type EnableTlsFiles } from './enableTls';
import { EditPlanError } from './errors';
import type { ManifestItem } from './manifestLists';
import { planAppendToList, planSetManifestScalar } from './manifestLists';
import type { DesiredValue, ValueChange } from './milvusYamlEdits';
import type { TextEdit } from './textEdit';
import { applyTextEdits } from './textEdit';
import { lineDiffEdits } from './textDiff';
import { detectEol, detectIndentUnit, lineEndOf } from './yamlText';

export interface KubernetesTlsInput {
  text: string;
  label: string;
  doc: ManifestDocument;
  flavour: 'helm' | 'operator';
  /** Where the milvus.yaml is in the file now (the deployment's embedded config); undefined: none yet. */
  region: EmbeddedRegion | undefined;
  mode: 1 | 2;
  secretName: string;
  /** The Secret's keys holding the server certificate, its key and the CA. */
  files: EnableTlsFiles;
  httpPort?: number;
}

export interface KubernetesTlsPlan {
  edits: TextEdit[];
  summary: string[];
  changes: ValueChange[];
  /** Where the Secret is mounted (an existing mount of it is kept). */
  certsContainerDir: string;
  httpPort: number;
}

interface Mounting {
  volumeName: string;
  mountPath: string;
  volumes: ManifestItem[];
  mounts: ManifestItem[];
  /** A component's own `volumes` list that needs the volume too (the Operator replaces the global list with it). */
  componentVolumes: { path: string[]; items: ManifestItem[] } | undefined;
}

function secretVolume(volumes: readonly PodVolume[], secretName: string): PodVolume | undefined {
  return volumes.find((volume) => volume.source.kind === 'secret' && volume.source.name === secretName);
}

/** Reuses a volume of the Secret and its mount; else a new volume named after the Secret, mounted at /milvus/tls. */
function mounting(
  volumes: readonly PodVolume[],
  mounts: readonly PodVolumeMount[],
  secretName: string,
  ownVolumes: { list: readonly PodVolume[] | undefined; path: string[] },
): Mounting {
  const existing = secretVolume(volumes, secretName);
  const taken = new Set(volumes.map((volume) => volume.name));
  const volumeName = existing?.name ?? (taken.has(secretName) ? `${secretName}-tls` : secretName);
  const mount = mounts.find((candidate) => candidate.name === volumeName && candidate.subPath === undefined);
  const volumeItem: ManifestItem = { name: volumeName, secret: { secretName } };
  const needsOwn = ownVolumes.list !== undefined && !ownVolumes.list.some((volume) => volume.name === volumeName);
  return {
    volumeName,
    mountPath: mount?.mountPath ?? DEFAULT_CERTS_CONTAINER_DIR,
    volumes: existing ? [] : [volumeItem],
    mounts: mount ? [] : [{ name: volumeName, mountPath: DEFAULT_CERTS_CONTAINER_DIR, readOnly: 'true' }],
    componentVolumes: needsOwn ? { path: ownVolumes.path, items: [volumeItem] } : undefined,
  };
}

function embeddedText(text: string, region: EmbeddedRegion | undefined): string {
  return region && region.style !== 'empty' && !region.approximate ? maskOutside(text, region.range.start, region.range.end) : '';
}

export function planKubernetesEnableTls(input: KubernetesTlsInput): KubernetesTlsPlan {
  const { text, label, doc } = input;
  if (input.mode !== 1 && input.mode !== 2) throw new EditPlanError(label, `tlsMode must be 1 or 2 (got ${String(input.mode)})`);
  const httpPort = chooseHttpPort(embeddedText(text, input.region), label, input.httpPort ?? DEFAULT_HTTP_PORT);
  const plannedMounting = input.flavour === 'helm' ? helmMounting(doc, input.secretName) : operatorMounting(doc, input.secretName, label);
  const file = (name: string): string => path.posix.join(plannedMounting.mountPath, name);
  const samePath =
    (wanted: string) =>
    (current: string): boolean =>
      current.trim() !== '' && resolveConfigPath(current) === wanted;
  const desired: DesiredValue[] = [
    { path: ['tls', 'serverPemPath'], value: file(input.files.serverPem), satisfiedBy: samePath(file(input.files.serverPem)) },
    { path: ['tls', 'serverKeyPath'], value: file(input.files.serverKey), satisfiedBy: samePath(file(input.files.serverKey)) },
    { path: ['tls', 'caPemPath'], value: file(input.files.caPem), satisfiedBy: samePath(file(input.files.caPem)) },
    { path: ['common', 'security', 'tlsMode'], value: String(input.mode) },
    { path: ['proxy', 'http', 'port'], value: String(httpPort) },
  ];
  const where = input.flavour === 'helm' ? 'extraConfigFiles.user.yaml' : 'spec.config';
  const spec = child(doc.root, 'spec')?.node;
  const wholeSpec =
    input.flavour === 'operator' &&
    (spec === undefined ||
      spec === null ||
      (isMap(spec) && spec.items.length === 0) ||
      (isScalar(spec) && (spec.value === null || spec.value === '')));
  let changes: ValueChange[];
  let result: string;
  let restfulChanged = wholeSpec;
  if (wholeSpec) {
    const created = newSpec(text, doc, desired, plannedMounting, input.secretName, label);
    result = applyTextEdits(text, created.edits);
    changes = created.changes;
  } else {
    // Each step is planned on the text the one before produced (a list may be created under a
    // mapping the previous step created); the edits handed out are the line diff of the whole.
    const config = planEmbeddedValues({ text, doc, flavour: input.flavour, region: input.region, label }, desired);
    changes = config.changes;
    result = applyTextEdits(text, config.edits);
    const listRoot = input.flavour === 'helm' ? [] : ['spec', 'components'];
    const steps: ((current: string, root: ManifestDocument['root']) => TextEdit[])[] = [
      (current, root) => planAppendToList(current, root, [...listRoot, 'volumes'], plannedMounting.volumes, label),
      (current, root) => planAppendToList(current, root, [...listRoot, 'volumeMounts'], plannedMounting.mounts, label),
      (current, root) =>
        plannedMounting.componentVolumes
          ? planAppendToList(current, root, plannedMounting.componentVolumes.path, plannedMounting.componentVolumes.items, label)
          : [],
      (current, root) => {
        const edits = input.flavour === 'operator' ? restfulPort(current, root, httpPort, label) : [];
        if (edits.length > 0) restfulChanged = true;
        return edits;
      },
    ];
    for (const step of steps) {
      const current = parseManifestFile(result).documents[doc.index];
      if (!current) throw new EditPlanError(label, 'the edit broke the document structure; nothing changed');
      result = applyTextEdits(result, step(result, current.root));
    }
  }
  const edits = lineDiffEdits(text, result);
  const summary = [
    ...changes.map(
      (change) =>
        `${label}: ${where} ${change.key}: ${change.from === undefined ? 'added' : `${change.from === '' ? '(empty)' : change.from} →`} ${change.to}`,
    ),
    ...(plannedMounting.volumes.length > 0
      ? [`${label}: volume "${plannedMounting.volumeName}" of the Secret "${input.secretName}" added`]
      : []),
    ...(plannedMounting.mounts.length > 0 ? [`${label}: mounted read-only at ${plannedMounting.mountPath} in every Milvus pod`] : []),
    ...(restfulChanged ? [`${label}: serviceRestfulPort ${httpPort}: the Service publishes the REST port`] : []),
  ];
  return { edits, summary, changes, certsContainerDir: plannedMounting.mountPath, httpPort };
}

function helmMounting(doc: ManifestDocument, secretName: string): Mounting {
  const values = readHelmValues(doc);
  return mounting(values.globalVolumes, values.globalMounts, secretName, { list: undefined, path: [] });
}

function operatorMounting(doc: ManifestDocument, secretName: string, label: string): Mounting {
  const resource = readMilvusResource(doc);
  if (!resource) throw new EditPlanError(label, 'is not a Milvus resource');
  if (resource.apiVersion !== 'milvus.io/v1beta1') {
    throw new EditPlanError(label, `${resource.apiVersion} is not supported for editing; move the resource to milvus.io/v1beta1 first`);
  }
  return mounting(resource.global.volumes ?? [], resource.global.mounts, secretName, {
    list: resource.serving.volumes,
    path: ['spec', 'components', resource.servingName, 'volumes'],
  });
}

function restfulPort(text: string, root: ManifestDocument['root'], httpPort: number, label: string): TextEdit[] {
  const serving = child(child(root, 'spec'), 'mode') && stringField(child(root, 'spec'), 'mode') === 'cluster' ? 'proxy' : 'standalone';
  return planSetManifestScalar(text, root, ['spec', 'components', serving, 'serviceRestfulPort'], String(httpPort), label);
}

/** A CR without a `spec:` of its own (the Operator's default sample, `spec: {}`): the whole block at once. */
function newSpec(
  text: string,
  doc: ManifestDocument,
  desired: readonly DesiredValue[],
  plan: Mounting,
  secretName: string,
  label: string,
): { edits: TextEdit[]; changes: ValueChange[] } {
  const eol = detectEol(text);
  const unitWidth = detectIndentUnit(text);
  const u = ' '.repeat(unitWidth);
  const config = renderValues(desired, u + u, unitWidth, eol, label);
  const serving = readMilvusResource(doc)?.servingName ?? 'standalone';
  const lines = [
    `${u}config:${eol}${config.text}`,
    `${u}components:${eol}`,
    `${u}${u}volumes:${eol}`,
    `${u}${u}- name: ${plan.volumeName}${eol}${u}${u}  secret:${eol}${u}${u}    secretName: ${secretName}${eol}`,
    `${u}${u}volumeMounts:${eol}`,
    `${u}${u}- name: ${plan.volumeName}${eol}${u}${u}  mountPath: ${plan.mountPath}${eol}${u}${u}  readOnly: true${eol}`,
    `${u}${u}${serving}:${eol}${u}${u}${u}serviceRestfulPort: ${desired.find((want) => want.path.join('.') === 'proxy.http.port')?.value ?? ''}${eol}`,
  ].join('');
  const specKey = keyRangeOf(doc.root, 'spec');
  if (specKey) {
    // `spec:` or `spec: {}`: the block goes under it; a comment on its line stays.
    const colon = text.indexOf(':', specKey.end) + 1;
    const value = nodeRange(child(doc.root, 'spec')?.node);
    const lineEnd = lineEndOf(text, colon);
    const lead = lineEnd === text.length && !text.endsWith('\n') ? eol : '';
    return {
      edits: [
        ...(value && value.end > colon ? [{ start: colon, end: value.end, newText: '' }] : []),
        { start: lineEnd, end: lineEnd, newText: lead + lines },
      ],
      changes: config.changes,
    };
  }
  const end = Math.min(doc.range.end, text.length);
  const lead = end > 0 && text[end - 1] !== '\n' ? eol : '';
  return { edits: [{ start: end, end, newText: `${lead}spec:${eol}${lines}` }], changes: config.changes };
}

/** Disable TLS: tlsMode 0 in the embedded milvus.yaml when it sets one; nothing else. */
export function planKubernetesDisableTls(input: Pick<KubernetesTlsInput, 'text' | 'label' | 'doc' | 'flavour' | 'region'>): {
  edits: TextEdit[];
  summary: string[];
} {
  if (!input.region || input.region.style === 'empty') return { edits: [], summary: [] };
  const plan = planEmbeddedValues({ text: input.text, doc: input.doc, flavour: input.flavour, region: input.region, label: input.label }, [
    { path: ['common', 'security', 'tlsMode'], value: '0', defaultValue: '0' },
  ]);
  return { edits: plan.edits, summary: plan.changes.map((change) => `${input.label}: ${change.key}: ${change.from ?? 'unset'} → 0`) };
}
