/**
 * The milvus Helm chart kind: Milvus reads the image's milvus.yaml, then user.yaml from
 * `extraConfigFiles.user.yaml` (or the `customConfigMap`'s milvus.yaml key); the version is
 * `image.all.tag` (else the chart's appVersion); the serving pod is the proxy in cluster mode and
 * standalone otherwise, with the chart's volumes; clients dial the `<release>-milvus` Service, or
 * `kubectl port-forward` on this machine.
 */
import type { MilvusVersion } from '../../compose/imageVersion';
import { parseMilvusVersion } from '../../compose/imageVersion';
import type { HelmValues } from '../../kubernetes/helmValues';
import { helmFullname, helmInternalPod, helmServingPod, readHelmValues } from '../../kubernetes/helmValues';
import type { ManifestDocument, ManifestFile } from '../../kubernetes/manifestFile';
import { DEFAULT_NAMESPACE, DEFAULT_RELEASE } from '../../kubernetes/serviceNames';
import { at, child, keyRangeOf } from '../../kubernetes/yamlNodes';
import { readText } from '../../workspace';
import { assembleDeployment } from '../assemble';
import type { ResolveContext } from '../context';
import { imageConfigFile } from '../imageDefaults';
import { fromDefault, fromFile } from '../provenance';
import type { Deployment, DeploymentConfigFile, Traced } from '../types';
import { dialNamesOf, embeddedConfigFile, environmentOf } from './embeddedConfig';
import type { KubernetesFacts, KubernetesNames } from './kubernetesFacts';
import { lineProvenance, podMountTable, portForwardPublisher, withPortForward } from './kubernetesMounts';
import type { ManifestIndex } from './manifestIndex';
import { findManifest, indexManifests } from './manifestIndex';

export interface HelmDeploymentRequest {
  file: string;
  manifest: ManifestFile;
  doc: ManifestDocument;
  root: string;
  names?: KubernetesNames;
}

async function chartVersion(
  values: HelmValues,
  request: HelmDeploymentRequest,
  context: ResolveContext,
): Promise<Traced<MilvusVersion | undefined>> {
  const pathApi = context.fs.path;
  if (values.imageTag) {
    const from = lineProvenance(pathApi, request.root, request.file, request.manifest, values.imageTag.valueRange?.start);
    const version = parseMilvusVersion(values.imageTag.value);
    return {
      value: version,
      from: {
        ...from,
        text: `${from.text}, image.all.tag ${values.imageTag.value}${version ? '' : ' (no version: treated as the newest Milvus)'}`,
      },
    };
  }
  // The chart's own values.yaml sits beside Chart.yaml, whose appVersion is the image tag's default.
  const chartFile = pathApi.join(pathApi.dirname(request.file), 'Chart.yaml');
  const chart = await readText(context.fs, chartFile);
  const appVersion = chart.text !== undefined ? /^appVersion:\s*["']?([^"'\s]+)/m.exec(chart.text)?.[1] : undefined;
  const version = appVersion !== undefined ? parseMilvusVersion(appVersion) : undefined;
  if (version && appVersion !== undefined) {
    return {
      value: version,
      from: { ...fromFile(pathApi, request.root, chartFile, undefined, undefined), text: `Chart.yaml appVersion ${appVersion}` },
    };
  }
  return { value: undefined, from: fromDefault("no image.all.tag: the chart's default image, treated as the newest Milvus") };
}

function userYaml(
  values: HelmValues,
  request: HelmDeploymentRequest,
  index: ManifestIndex,
  context: ResolveContext,
  notes: string[],
): { file?: DeploymentConfigFile; source: KubernetesFacts['userYamlSource'] } {
  const pathApi = context.fs.path;
  if (values.customConfigMap) {
    const name = values.customConfigMap.value;
    const found = findManifest(index.configMaps, name, request.names?.namespace);
    const doc = found?.manifest.doc;
    const entry = doc ? child(child(doc.root, 'data'), 'milvus.yaml') : undefined;
    const keyRange = doc ? keyRangeOf(child(doc.root, 'data'), 'milvus.yaml') : undefined;
    if (!found || !doc || !entry || !keyRange) {
      notes.push(`user.yaml is the milvus.yaml key of the ConfigMap "${name}" (customConfigMap), which is not in the workspace`);
      return { source: 'customConfigMap' };
    }
    const manifest = found.source;
    const mountedBy = lineProvenance(pathApi, request.root, request.file, request.manifest, values.customConfigMap.keyRange?.start);
    return {
      file: embeddedConfigFile(
        {
          file: found.file,
          manifest,
          key: 'milvus.yaml',
          keyRange,
          value: entry,
          shape: 'scalar',
          mountedBy: { ...mountedBy, text: `${mountedBy.text} (customConfigMap ${name})` },
        },
        context,
      ),
      source: 'customConfigMap',
    };
  }
  const extra = values.extraConfigFiles.find((candidate) => candidate.key === 'user.yaml');
  if (!extra || !extra.keyRange) return { source: 'none' };
  const mountedBy = lineProvenance(pathApi, request.root, request.file, request.manifest, extra.keyRange.start);
  return {
    file: embeddedConfigFile(
      {
        file: request.file,
        manifest: request.manifest,
        key: 'user.yaml',
        keyRange: extra.keyRange,
        value: extra.value,
        shape: 'scalar',
        mountedBy: { ...mountedBy, text: `${mountedBy.text} (extraConfigFiles.user.yaml)` },
      },
      context,
    ),
    source: 'extraConfigFiles',
  };
}

export async function helmDeployment(request: HelmDeploymentRequest, context: ResolveContext): Promise<Deployment> {
  const { file, manifest, root } = request;
  const pathApi = context.fs.path;
  const values = readHelmValues(request.doc);
  const index = await indexManifests(file, manifest, context);
  const notes: string[] = [];
  const release: Traced<string> =
    request.names?.release !== undefined
      ? { value: request.names.release, from: { kind: 'default', text: 'the release name given' } }
      : { value: DEFAULT_RELEASE, from: fromDefault(`no release name given: assumed ${DEFAULT_RELEASE}, as in the Milvus docs`) };
  const namespace: Traced<string> =
    request.names?.namespace !== undefined
      ? { value: request.names.namespace, from: { kind: 'default', text: 'the namespace given' } }
      : { value: DEFAULT_NAMESPACE, from: fromDefault(`no namespace given: assumed ${DEFAULT_NAMESPACE}`) };
  const serviceName = helmFullname(values, release.value);
  const user = userYaml(values, request, index, context, notes);
  const servingPod = helmServingPod(values);
  const component = servingPod.component;
  const environment = environmentOf(at(request.doc.root, component, 'extraEnv'), file, manifest, component);
  const mounts = podMountTable({ pod: servingPod, file, manifest, root, pathApi, index, namespace: namespace.value });
  const shown = fromFile(pathApi, root, file, undefined, undefined).text;
  const deployment = await assembleDeployment(
    {
      kind: 'kubernetes',
      id: `helm:${file}`,
      label: `Helm release "${release.value}" (${shown})`,
      root,
      version: await chartVersion(values, request, context),
      configFiles: [imageConfigFile(), ...(user.file ? [user.file] : [])],
      environment,
      mounts,
      publisher: portForwardPublisher(namespace.value, `${serviceName}-${component}`),
      hostPathsAreLocal: false,
      notes,
    },
    context,
  );
  const ingressHosts = values.ingress.enabled
    ? values.ingress.hosts.map((host) => ({
        host: host.host,
        why: `an ingress host (${lineProvenance(pathApi, root, file, manifest, host.range?.start).text})`,
      }))
    : [];
  withPortForward(deployment, namespace.value, `${serviceName}-${component}`);
  deployment.kubernetes = {
    flavour: 'helm',
    file,
    manifest,
    values,
    release,
    namespace,
    namesAssumed: request.names?.release === undefined,
    serviceName,
    dialNames: dialNamesOf(serviceName, namespace.value, ingressHosts),
    userYamlSource: user.source,
    servingPod,
    internalPods: [helmInternalPod(values)],
    manifests: index,
  };
  return deployment;
}
