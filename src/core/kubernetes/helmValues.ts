/**
 * A values file of the milvus Helm chart (zilliztech/milvus-helm), read as the chart's templates
 * read it (facts: ../shared/docs/milvus-k8s-tls-facts.md §1). A user's values file overrides the
 * chart's defaults, so an absent key takes the chart default (cluster.enabled: true, …).
 *
 * - configmap.yaml renders `extraConfigFiles` as ConfigMap keys; the Deployments mount only
 *   `user.yaml` (and default.yaml) into /milvus/configs. With `customConfigMap` set, that
 *   ConfigMap's `milvus.yaml` key is mounted as user.yaml and `extraConfigFiles` is ignored.
 * - Global `volumes`/`volumeMounts` go into every Milvus workload; `proxy.volumes`/`volumeMounts`
 *   only into the proxy Deployment, which exists only when `cluster.enabled`.
 */
import type { OffsetRange } from '../config/yamlSource';
import type { ManifestDocument } from './manifestFile';
import type { ComponentPod, PodVolume, PodVolumeMount } from './volumes';
import { readVolumeMounts, readVolumes } from './volumes';
import type { NodeRef } from './yamlNodes';
import { at, boolValue, child, entries, intValue, items, keyRangeOf, rangeOf, stringField, text } from './yamlNodes';

export interface ValuesField<T> {
  value: T;
  /** The key in the values file; undefined when the chart default applies. */
  keyRange: OffsetRange | undefined;
  valueRange: OffsetRange | undefined;
}

export interface ExtraConfigFile {
  key: string;
  keyRange: OffsetRange | undefined;
  value: NodeRef;
}

export interface HelmValues {
  doc: ManifestDocument;
  clusterEnabled: ValuesField<boolean>;
  /** `image.all.tag` (e.g. v2.6.15); undefined: the chart's appVersion. */
  imageTag: ValuesField<string> | undefined;
  extraConfigFiles: ExtraConfigFile[];
  extraConfigFilesKey: OffsetRange | undefined;
  customConfigMap: ValuesField<string> | undefined;
  globalVolumes: PodVolume[];
  globalMounts: PodVolumeMount[];
  proxyVolumes: PodVolume[];
  proxyMounts: PodVolumeMount[];
  /** The `proxy.volumes`/`proxy.volumeMounts` keys, for findings on them. */
  proxyVolumeKeys: OffsetRange[];
  ingress: HelmIngress;
  attuEnabled: ValuesField<boolean>;
  servicePort: number;
  fullnameOverride: string | undefined;
  nameOverride: string | undefined;
}

export interface HelmIngress {
  enabled: boolean;
  backendProtocol: ValuesField<string> | undefined;
  hosts: { host: string; range: OffsetRange | undefined }[];
}

function field<T>(ref: NodeRef, path: string[], read: (value: NodeRef | undefined) => T | undefined, fallback: T): ValuesField<T> {
  const parent = at(ref, ...path.slice(0, -1));
  const key = path[path.length - 1] ?? '';
  const value = read(child(parent, key));
  return { value: value ?? fallback, keyRange: keyRangeOf(parent, key), valueRange: rangeOf(child(parent, key)) };
}

function ingressOf(root: NodeRef): HelmIngress {
  const ingress = child(root, 'ingress');
  const annotations = child(ingress, 'annotations');
  const protocolKey = 'nginx.ingress.kubernetes.io/backend-protocol';
  const protocol = text(child(annotations, protocolKey));
  const hosts = [
    ...items(child(ingress, 'rules')).map((rule) => ({ host: stringField(rule, 'host'), range: rangeOf(child(rule, 'host')) })),
    ...items(child(ingress, 'tls')).flatMap((tls) =>
      items(child(tls, 'hosts')).map((host) => ({ host: text(host), range: rangeOf(host) })),
    ),
  ].filter((host): host is { host: string; range: OffsetRange | undefined } => host.host !== undefined && host.host !== '');
  return {
    enabled: boolValue(child(ingress, 'enabled')) ?? false,
    // The chart's own default annotation is GRPC.
    backendProtocol:
      protocol !== undefined
        ? { value: protocol, keyRange: keyRangeOf(annotations, protocolKey), valueRange: rangeOf(child(annotations, protocolKey)) }
        : { value: 'GRPC', keyRange: undefined, valueRange: undefined },
    hosts,
  };
}

export function readHelmValues(doc: ManifestDocument): HelmValues {
  const root = doc.root;
  const extra = child(root, 'extraConfigFiles');
  const imageTag = text(at(root, 'image', 'all', 'tag'));
  const customConfigMap = stringField(root, 'customConfigMap');
  const proxy = child(root, 'proxy');
  return {
    doc,
    clusterEnabled: field(root, ['cluster', 'enabled'], boolValue, true),
    imageTag: imageTag !== undefined && imageTag !== '' ? field(root, ['image', 'all', 'tag'], text, imageTag) : undefined,
    extraConfigFiles: entries(extra).map((entry) => ({ key: entry.key, keyRange: entry.keyRange, value: entry.value })),
    extraConfigFilesKey: keyRangeOf(root, 'extraConfigFiles'),
    customConfigMap:
      customConfigMap !== undefined
        ? { value: customConfigMap, keyRange: keyRangeOf(root, 'customConfigMap'), valueRange: rangeOf(child(root, 'customConfigMap')) }
        : undefined,
    globalVolumes: readVolumes(child(root, 'volumes'), 'volumes'),
    globalMounts: readVolumeMounts(child(root, 'volumeMounts'), 'volumeMounts'),
    proxyVolumes: readVolumes(child(proxy, 'volumes'), 'proxy.volumes'),
    proxyMounts: readVolumeMounts(child(proxy, 'volumeMounts'), 'proxy.volumeMounts'),
    proxyVolumeKeys: [keyRangeOf(proxy, 'volumes'), keyRangeOf(proxy, 'volumeMounts')].filter(
      (range): range is OffsetRange => range !== undefined,
    ),
    ingress: ingressOf(root),
    attuEnabled: field(root, ['attu', 'enabled'], boolValue, false),
    servicePort: intValue(at(root, 'service', 'port')) ?? 19530,
    fullnameOverride: stringField(root, 'fullnameOverride'),
    nameOverride: stringField(root, 'nameOverride'),
  };
}

/**
 * The pod of the component that serves clients: the proxy in cluster mode (global lists plus the
 * proxy's own, both rendered), the standalone Deployment otherwise (global lists only).
 */
export function helmServingPod(values: HelmValues): ComponentPod {
  if (values.clusterEnabled.value) {
    return {
      component: 'proxy',
      volumes: [...values.proxyVolumes, ...values.globalVolumes],
      mounts: [...values.proxyMounts, ...values.globalMounts],
    };
  }
  return { component: 'standalone', volumes: values.globalVolumes, mounts: values.globalMounts };
}

/** Every other Milvus component (coordinators, nodes) reads only the global lists. */
export function helmInternalPod(values: HelmValues): ComponentPod {
  return {
    component: values.clusterEnabled.value ? 'every component' : 'standalone',
    volumes: values.globalVolumes,
    mounts: values.globalMounts,
  };
}

/** `milvus.fullname` of _helpers.tpl: the Service clients dial. */
export function helmFullname(values: HelmValues, release: string): string {
  if (values.fullnameOverride !== undefined) return values.fullnameOverride.slice(0, 63).replace(/-+$/, '');
  const name = values.nameOverride ?? 'milvus';
  const full = release.includes(name) ? release : `${release}-${name}`;
  return full.slice(0, 63).replace(/-+$/, '');
}
