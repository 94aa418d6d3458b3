/** The deployment model: what Milvus loads and from where, for every front (see types.ts). */
export type {
  ConfigSlot,
  Deployment,
  DeploymentConfigFile,
  EmbeddedRegion,
  DeploymentKind,
  Endpoint,
  MountInfo,
  MountTable,
  PathLocation,
  Provenance,
  ResolvedPath,
  Traced,
} from './types';
export type { FileStat, LoadedFile } from './loadedFile';
export { LoadedFileCache } from './loadedFile';
export { ParseCache } from './parseCache';
export type { ResolveContext } from './context';
export { resolveContext } from './context';
export {
  IMAGE_MILVUS_YAML_NAME,
  IMAGE_MILVUS_YAML_TEXT,
  MILVUS_YAML_CONTAINER_PATH,
  USER_YAML_CONTAINER_PATH,
  MILVUS_CONFIG_DIR,
} from './imageDefaults';
export { composeDeployment, CONTAINER_PATH_OF_SLOT } from './compose/composeDeployment';
export type { ComposeFacts, ComposeDeploymentRequest } from './compose/composeDeployment';
export { composeFileIn, loadComposeProject, loadComposeProjectIn, MAX_INCLUDE_DEPTH, MAX_PROJECT_FILES } from './compose/composeProject';
export { composeSelectionIn, composeSelectionOf } from './compose/composeSelection';
export type { ComposeSelection } from './compose/composeSelection';
export { serviceEditTarget } from './compose/editTarget';
export type { ServiceEditTarget, ServiceListField } from './compose/editTarget';
export type { ComposeProject } from './compose/composeProject';
export { configOnlyDeployment } from './configOnly';
export {
  deploymentForConfigFile,
  deploymentsForFile,
  isMountedConfigFile,
  discoverDeployments,
  composeProjectAbove,
  foldersUpTo,
  rootOf,
  DeploymentError,
} from './discover';
export type { Discovery } from './discover';
export { listMountedFolders } from './listings';
export { DEFAULT_GRPC_PORT } from './endpoints';
export type { KubernetesFacts, KubernetesNames, DialName } from './kubernetes/kubernetesFacts';
export { kubernetesDeployments, recogniseFile } from './kubernetes/discoverKubernetes';
export { manifestLabel } from './kubernetes/kubernetesMounts';
export type { IndexedManifest, ManifestIndex } from './kubernetes/manifestIndex';
export { indexManifests, manifestsOf } from './kubernetes/manifestIndex';
export type { KubernetesGenerationTarget } from './kubernetes/generationTarget';
export { generationTargetOf, kubernetesTarget, targetServerSans, DEFAULT_SECRET_NAME } from './kubernetes/generationTarget';
export { summarizeDeployment } from './summary';
export type { DeploymentSummary, TracedSummary } from './summary';
