/**
 * A `Milvus` custom resource as the Milvus Operator reads it (facts §2):
 * - `spec.config` is a milvus.yaml overlay, deep-merged into the operator's template and mounted as
 *   /milvus/configs/user.yaml (no TLS key is touched on the way).
 * - v1beta1: `spec.components` holds the global `volumes`/`volumeMounts` and each component's own.
 *   MergeComponentSpec(component, global): a component's `volumes`, when present (even `[]`),
 *   REPLACES the global list; its `volumeMounts` are added to the global ones.
 * - `serviceRestfulPort` (proxy/standalone) publishes REST on the Service; it does not set
 *   `proxy.http.port`.
 * - v1alpha1 `Milvus` (standalone only) has the same fields directly under `spec`.
 */
import type { OffsetRange } from '../config/yamlSource';
import type { ManifestDocument } from './manifestFile';
import type { ComponentPod, PodVolume, PodVolumeMount } from './volumes';
import { readVolumeMounts, readVolumes } from './volumes';
import type { NodeRef } from './yamlNodes';
import { at, child, entries, intValue, items, keyRangeOf, rangeOf, stringField, text } from './yamlNodes';

export interface ComponentSpecRead {
  /** e.g. `spec.components.proxy`; `spec.components` for the global lists. */
  path: string;
  /** Undefined when the component has no `volumes` key (it then keeps the global list). */
  volumes: PodVolume[] | undefined;
  volumesKey: OffsetRange | undefined;
  mounts: PodVolumeMount[];
  mountsKey: OffsetRange | undefined;
}

export interface MilvusIngress {
  hosts: { host: string; range: OffsetRange | undefined }[];
  backendProtocol: { value: string; range: OffsetRange | undefined } | undefined;
}

export interface MilvusResource {
  doc: ManifestDocument;
  name: string;
  namespace: string | undefined;
  apiVersion: string;
  mode: 'standalone' | 'cluster';
  image: { value: string; range: OffsetRange | undefined } | undefined;
  /** `spec.config` (absent: undefined) and the `config:` key. */
  config: NodeRef | undefined;
  configKey: OffsetRange | undefined;
  /** The `spec:` mapping, and where the components live (`spec.components` or `spec` for v1alpha1). */
  spec: NodeRef | undefined;
  componentsPath: string[];
  global: ComponentSpecRead;
  /** The component that serves clients: `proxy` in cluster mode, else `standalone`. */
  servingName: 'proxy' | 'standalone';
  serving: ComponentSpecRead;
  /** `spec.components.proxy` when written, whatever the mode (in standalone mode nothing reads it). */
  proxy: ComponentSpecRead | undefined;
  /** Other components with their own lists (cluster mode), for the replace-volumes rule. */
  others: { name: string; spec: ComponentSpecRead }[];
  serviceRestfulPort: { value: number; keyRange: OffsetRange | undefined; valueRange: OffsetRange | undefined } | undefined;
  ingress: MilvusIngress;
}

const CLUSTER_COMPONENTS = [
  'proxy',
  'mixCoord',
  'rootCoord',
  'queryCoord',
  'dataCoord',
  'indexCoord',
  'queryNode',
  'dataNode',
  'indexNode',
  'streamingNode',
  'cdc',
];

function componentSpec(ref: NodeRef | undefined, path: string): ComponentSpecRead {
  const hasVolumes = child(ref, 'volumes') !== undefined;
  return {
    path,
    volumes: hasVolumes ? readVolumes(child(ref, 'volumes'), `${path}.volumes`) : undefined,
    volumesKey: keyRangeOf(ref, 'volumes'),
    mounts: readVolumeMounts(child(ref, 'volumeMounts'), `${path}.volumeMounts`),
    mountsKey: keyRangeOf(ref, 'volumeMounts'),
  };
}

function ingressOf(ref: NodeRef | undefined): MilvusIngress {
  const annotations = child(ref, 'annotations');
  const protocolKey = 'nginx.ingress.kubernetes.io/backend-protocol';
  const protocol = text(child(annotations, protocolKey));
  const tlsHosts = entries(child(ref, 'tlsSecretRefs')).flatMap((entry) =>
    items(entry.value).map((host) => ({ host: text(host), range: rangeOf(host) })),
  );
  const hosts = [...items(child(ref, 'hosts')).map((host) => ({ host: text(host), range: rangeOf(host) })), ...tlsHosts].filter(
    (host): host is { host: string; range: OffsetRange | undefined } => host.host !== undefined && host.host !== '',
  );
  return {
    hosts,
    backendProtocol: protocol !== undefined ? { value: protocol, range: rangeOf(child(annotations, protocolKey)) } : undefined,
  };
}

export function readMilvusResource(doc: ManifestDocument): MilvusResource | undefined {
  if (doc.kind !== 'Milvus' || doc.name === undefined || doc.apiVersion === undefined) return undefined;
  const spec = child(doc.root, 'spec');
  const alpha = doc.apiVersion === 'milvus.io/v1alpha1';
  const componentsPath = alpha ? ['spec'] : ['spec', 'components'];
  const components = alpha ? spec : child(spec, 'components');
  const mode = !alpha && stringField(spec, 'mode') === 'cluster' ? 'cluster' : 'standalone';
  const servingName = mode === 'cluster' ? 'proxy' : 'standalone';
  const servingRef = alpha ? undefined : child(components, servingName);
  const global = componentSpec(components, componentsPath.join('.'));
  const serving = servingRef
    ? componentSpec(servingRef, `spec.components.${servingName}`)
    : { path: `spec.components.${servingName}`, volumes: undefined, volumesKey: undefined, mounts: [], mountsKey: undefined };
  const proxyRef = alpha ? undefined : child(components, 'proxy');
  const others =
    mode === 'cluster' && !alpha
      ? CLUSTER_COMPONENTS.filter((name) => name !== 'proxy' && child(components, name) !== undefined).map((name) => ({
          name,
          spec: componentSpec(child(components, name), `spec.components.${name}`),
        }))
      : [];
  const restful = child(servingRef, 'serviceRestfulPort');
  const restfulPort = intValue(restful);
  const image = child(components, 'image');
  const imageText = text(image);
  return {
    doc,
    name: doc.name,
    namespace: doc.namespace,
    apiVersion: doc.apiVersion,
    mode,
    image: imageText !== undefined && imageText !== '' ? { value: imageText, range: rangeOf(image) } : undefined,
    config: child(spec, 'config'),
    configKey: keyRangeOf(spec, 'config'),
    spec,
    componentsPath,
    global,
    servingName,
    serving,
    proxy: proxyRef ? componentSpec(proxyRef, 'spec.components.proxy') : undefined,
    others,
    serviceRestfulPort:
      restfulPort !== undefined
        ? { value: restfulPort, keyRange: keyRangeOf(servingRef, 'serviceRestfulPort'), valueRange: rangeOf(restful) }
        : undefined,
    ingress: ingressOf(alpha ? child(spec, 'ingress') : child(servingRef, 'ingress')),
  };
}

/** MergeComponentSpec(component, global): the component's volumes replace, its mounts add (same mountPath: the component's wins). */
export function operatorPod(resource: MilvusResource, name: string, component: ComponentSpecRead | undefined): ComponentPod {
  const own = component?.mounts ?? [];
  const ownPaths = new Set(own.map((mount) => mount.mountPath));
  return {
    component: name,
    volumes: component?.volumes ?? resource.global.volumes ?? [],
    mounts: [...resource.global.mounts.filter((mount) => !ownPaths.has(mount.mountPath)), ...own],
  };
}

export function operatorServingPod(resource: MilvusResource): ComponentPod {
  return operatorPod(resource, resource.servingName, resource.serving);
}

/** GetServiceInstanceName: the Service clients dial. */
export function operatorServiceName(resource: MilvusResource): string {
  return `${resource.name}-milvus`;
}

export function componentsRef(resource: MilvusResource): NodeRef | undefined {
  return at(resource.doc.root, ...resource.componentsPath);
}
