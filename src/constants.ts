// Every identifier the extension shares with package.json, in one place.
export const EXTENSION_NAME = 'Milvus TLS';
export const CONFIG_SECTION = 'milvusTls';

export const Commands = {
  generateCertificates: 'milvusTls.generateCertificates',
  exportOpenSslScript: 'milvusTls.exportOpenSslScript',
  showOutput: 'milvusTls.showOutput',
  refreshCertificates: 'milvusTls.refreshCertificates',
  revealCertificateInExplorer: 'milvusTls.revealCertificateInExplorer',
  copyCertificateFingerprint: 'milvusTls.copyCertificateFingerprint',
  showCertificateDetails: 'milvusTls.showCertificateDetails',
  renewCertificate: 'milvusTls.renewCertificate',
  revealCertificate: 'milvusTls.revealCertificate',
  enableTls: 'milvusTls.enableTls',
  disableTls: 'milvusTls.disableTls',
  testConnection: 'milvusTls.testConnection',
  setConnectionCredentials: 'milvusTls.setConnectionCredentials',
  copyConnectionSnippet: 'milvusTls.copyConnectionSnippet',
} as const;

/** The certificate explorer's view, its activity-bar container, and what they share with package.json. */
export const CertExplorer = {
  container: 'milvusTls',
  view: 'milvusTls.certificates',
  /** Context key: true once the first scan has finished, so the welcome view does not flash. */
  scannedContextKey: 'milvusTls.certificatesScanned',
  detailsScheme: 'milvus-tls-cert',
  statusBarId: 'milvusTls.certificateExpiry',
  /** Under CONFIG_SECTION: milvusTls.expiryWarningDays, shared with the language server and the CLI. */
  warnDaysSetting: 'expiryWarningDays',
} as const;

/** The milvus.yaml language client; `id` is also the prefix of its `<id>.trace.server` setting. */
export const LanguageServer = {
  id: 'milvusTls',
  name: 'Milvus TLS Language Server',
  /** Under CONFIG_SECTION: extra globs of Milvus config files. */
  configFilesSetting: 'configFiles',
  /** Milvus config names every user has (the document selector adds every YAML file: Kubernetes files are recognised by content). */
  configFilePatterns: ['**/milvus.yaml', '**/user.yaml', '**/*milvus*.yaml', '**/*milvus*.yml'],
  /** Under CONFIG_SECTION: release and namespace assumed for a Helm values file (the Service names its certificate must cover). */
  kubernetesReleaseSetting: 'kubernetes.release',
  kubernetesNamespaceSetting: 'kubernetes.namespace',
  /** Bundled by .ci/build.mjs from src/server/main.ts. */
  serverModule: 'dist/server.js',
} as const;
