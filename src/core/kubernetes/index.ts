/**
 * Kubernetes files as models: the milvus Helm chart's values, Milvus custom resources, Secrets and
 * ConfigMaps, and cert-manager objects, recognised by content and read with their source ranges.
 * The Kubernetes deployment kind (src/core/deployment/kubernetes) builds Milvus deployments from
 * them, as deployment/compose does from the compose model in src/core/compose.
 */
export type { ManifestDocument, ManifestFile } from './manifestFile';
export { parseManifestFile, lineAt } from './manifestFile';
export type { RecognisedKubernetesFile, RecognisedObject, KubernetesObjectType, RecogniseOptions } from './recognise';
export {
  recogniseKubernetesFile,
  recogniseManifestFile,
  mayBeKubernetesText,
  objectType,
  isHelmValues,
  MILVUS_API_VERSIONS,
} from './recognise';
export type { EmbeddedYaml, EmbeddedStyle } from './embeddedYaml';
export { embeddedScalar, embeddedMapping, maskOutside } from './embeddedYaml';
export type { SecretManifest, SecretEntry, SecretEntryProblem } from './secret';
export { readSecretManifest, secretEntry, secretKeys, decodeBase64Strict, isFoldedPem } from './secret';
export type { ComponentPod, PodVolume, PodVolumeMount, VolumeSource, MountedPath } from './volumes';
export { readVolumes, readVolumeMounts, locateInPod, coveringMount } from './volumes';
export type { HelmValues, HelmIngress, ExtraConfigFile, ValuesField } from './helmValues';
export { readHelmValues, helmServingPod, helmInternalPod, helmFullname } from './helmValues';
export type { MilvusResource, ComponentSpecRead, MilvusIngress } from './milvusResource';
export { readMilvusResource, operatorPod, operatorServingPod, operatorServiceName, componentsRef } from './milvusResource';
export { serviceDnsNames, isDnsLabel, isDnsSubdomain, DEFAULT_NAMESPACE, DEFAULT_RELEASE } from './serviceNames';
export type { NodeRef } from './yamlNodes';
export type { SecretManifestInput } from './secretManifest';
export { secretManifestText, secretManifestFile, secretManifestFileName, withSecretManifest, SECRET_SET_FILES } from './secretManifest';
export type { CertManagerInput, CertManagerManifest } from './certManager';
export { certManagerManifest } from './certManager';
export type { ManifestEntryPath, ManifestCertificateEntry } from './manifestCertificates';
export {
  manifestEntryPath,
  parseManifestEntryPath,
  manifestCertificateEntries,
  manifestEntryBytes,
  mayHoldSecret,
} from './manifestCertificates';
