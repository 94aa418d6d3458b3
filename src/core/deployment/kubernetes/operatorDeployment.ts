/**
 * The Milvus Operator kind: one `Milvus` resource. Milvus reads the image's milvus.yaml, then the
 * operator's user.yaml, which is `spec.config` deep-merged into the operator's template (which
 * sets no TLS key, so for TLS the overlay is `spec.config` itself). The version is
 * `spec.components.image`'s tag; the serving pod (proxy in cluster mode, else standalone) has the
 * global volumes unless it lists its own; clients dial `<name>-milvus`.
 */
import { milvusImageVersion } from '../../compose/imageVersion';
import type { ManifestDocument, ManifestFile } from '../../kubernetes/manifestFile';
import type { MilvusResource } from '../../kubernetes/milvusResource';
import { componentsRef, operatorPod, operatorServiceName, operatorServingPod, readMilvusResource } from '../../kubernetes/milvusResource';
import { DEFAULT_NAMESPACE } from '../../kubernetes/serviceNames';
import { child } from '../../kubernetes/yamlNodes';
import { assembleDeployment } from '../assemble';
import type { ResolveContext } from '../context';
import { fromDefault, fromFile } from '../provenance';
import type { Deployment, Traced } from '../types';
import { dialNamesOf, embeddedConfigFile, environmentOf } from './embeddedConfig';
import { imageConfigFile } from '../imageDefaults';
import type { KubernetesNames } from './kubernetesFacts';
import { lineProvenance, podMountTable, portForwardPublisher, withPortForward } from './kubernetesMounts';
import { indexManifests } from './manifestIndex';

export interface OperatorDeploymentRequest {
  file: string;
  manifest: ManifestFile;
  doc: ManifestDocument;
  root: string;
  names?: KubernetesNames;
}

function versionOf(resource: MilvusResource, request: OperatorDeploymentRequest, context: ResolveContext): Deployment['version'] {
  if (!resource.image) {
    return { value: undefined, from: fromDefault("no spec.components.image: the operator's default image, treated as the newest Milvus") };
  }
  const from = lineProvenance(context.fs.path, request.root, request.file, request.manifest, resource.image.range?.start);
  const version = milvusImageVersion(resource.image.value);
  return {
    value: version,
    from: {
      ...from,
      text: `${from.text}, image ${resource.image.value}${version ? '' : ' (no version in the tag: treated as the newest Milvus)'}`,
    },
  };
}

export async function operatorDeployment(request: OperatorDeploymentRequest, context: ResolveContext): Promise<Deployment | undefined> {
  const { file, manifest, root } = request;
  const pathApi = context.fs.path;
  const resource = readMilvusResource(request.doc);
  if (!resource) return undefined;
  const index = await indexManifests(file, manifest, context);
  const namespace: Traced<string> =
    resource.namespace !== undefined
      ? { value: resource.namespace, from: lineProvenance(pathApi, root, file, manifest, request.doc.range.start) }
      : {
          value: request.names?.namespace ?? DEFAULT_NAMESPACE,
          from: fromDefault('no metadata.namespace: the namespace kubectl applies it to'),
        };
  const release: Traced<string> = { value: resource.name, from: lineProvenance(pathApi, root, file, manifest, request.doc.range.start) };
  const configFiles = [imageConfigFile()];
  if (resource.configKey) {
    const mountedBy = lineProvenance(pathApi, root, file, manifest, resource.configKey.start);
    configFiles.push(
      embeddedConfigFile(
        {
          file,
          manifest,
          key: 'config',
          keyRange: resource.configKey,
          value: resource.config,
          shape: 'mapping',
          mountedBy: { ...mountedBy, text: `${mountedBy.text} (spec.config, merged into user.yaml by the operator)` },
        },
        context,
      ),
    );
  }
  const servingPod = operatorServingPod(resource);
  const components = componentsRef(resource);
  const environment = [
    ...environmentOf(child(components, 'env'), file, manifest, 'every component'),
    ...environmentOf(child(child(components, resource.servingName), 'env'), file, manifest, resource.servingName),
  ];
  const serviceName = operatorServiceName(resource);
  const shown = fromFile(pathApi, root, file, undefined, undefined).text;
  const deployment = await assembleDeployment(
    {
      kind: 'kubernetes',
      id: `operator:${file}#${request.doc.index}`,
      label: `Milvus "${resource.name}" (${shown})`,
      root,
      version: versionOf(resource, request, context),
      configFiles,
      environment,
      mounts: podMountTable({ pod: servingPod, file, manifest, root, pathApi, index, namespace: namespace.value }),
      publisher: portForwardPublisher(namespace.value, `${resource.name}-milvus-${resource.servingName}`),
      hostPathsAreLocal: false,
      notes: [],
    },
    context,
  );
  const ingressHosts = resource.ingress.hosts.map((host) => ({
    host: host.host,
    why: `an ingress host (${lineProvenance(pathApi, root, file, manifest, host.range?.start).text})`,
  }));
  withPortForward(deployment, namespace.value, `${resource.name}-milvus-${resource.servingName}`);
  deployment.kubernetes = {
    flavour: 'operator',
    file,
    manifest,
    resource,
    release,
    namespace,
    namesAssumed: false,
    serviceName,
    dialNames: dialNamesOf(serviceName, namespace.value, ingressHosts),
    userYamlSource: resource.configKey ? 'spec.config' : 'none',
    servingPod,
    // In cluster mode every component loads internal TLS; those without lists of their own have the global ones.
    internalPods: [
      servingPod,
      ...resource.others.map((other) => operatorPod(resource, other.name, other.spec)),
      ...(resource.mode === 'cluster' ? [operatorPod(resource, 'every other component', undefined)] : []),
    ],
    manifests: index,
  };
  return deployment;
}
