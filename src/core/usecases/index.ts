/**
 * Use cases: what a command does, once, in core. The CLI (src/cli) and the editor (src/client) only
 * ask the user and print; the deciding, reading and planning happen here.
 */
export { planConnection, defaultServerName, readClientFile, summarizeConnectionPlan } from './connectionPlan';
export type { ClientFile, ConnectionPlan, ConnectionPlanOptions, ConnectionPlanSummary } from './connectionPlan';
export {
  connectionTarget,
  decidedByWorkspace,
  describeChoice,
  userInput,
  workspaceDecidedEndpoints,
  ClientFileUnreadableError,
} from './connectionChoice';
export type { ConnectionChoice } from './connectionChoice';
export { pickServerName } from './serverName';
export { selectDeployment } from './selectDeployment';
export type { DeploymentSelection } from './selectDeployment';
export { snippetInput } from './snippetInput';
export type { SnippetChoice } from './snippetInput';
export { locateSetting, formatLocation } from './settingLocation';
export type { SettingLocation } from './settingLocation';
export {
  planEnableTlsChanges,
  missingCertificateFiles,
  MissingCertificatesError,
  CERTIFICATE_FILES_BY_MODE,
  enableTlsComposeTarget,
} from './enableTls';
export type { EnableTlsRequest, EnableTlsOutcome } from './enableTls';
export { planDisableTlsChanges, NoConfigError } from './disableTls';
export type { DisableTlsRequest, DisableTlsOutcome } from './disableTls';
export type { FileChange } from './fileChanges';
export { hasChanges, resultText } from './fileChanges';
export { checkWritableTarget, UnsafeTargetError } from './targetFiles';
export { projectLabel, relativePosixPath } from './projectPaths';
export { generateAndWriteSet, milvusNamesOf, readExistingCa, MissingCaFilesError } from './generateSet';
export type { ExistingCa, GenerateSetRequest, SetWriteMode, WrittenSet } from './generateSet';
export { planKubernetesEnableTlsChanges, planKubernetesDisableTlsChanges, secretKeysFor } from './kubernetesTls';
export type { KubernetesTlsRequest, KubernetesTlsOutcome } from './kubernetesTls';
export { writeCertManagerResources, CERT_MANAGER_FILE } from './certManager';
export type { CertManagerRequest, CertManagerOutcome } from './certManager';
export type { DocumentToAnalyse, DocumentAnalysis as AnalysedDocument } from './analyseDocument';
export { analyseDocument } from './analyseDocument';
