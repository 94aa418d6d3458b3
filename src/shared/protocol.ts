/**
 * The contract between the extension (src/client), the language server (src/server), core and the
 * manifest: the settings section and keys, command ids with their argument types, the diagnostic
 * source, the files whose changes matter, and the custom LSP requests. Strings that two sides must
 * agree on are written here once; a test checks them against package.json.
 */
import { CERTIFICATE_FILE_EXTENSIONS } from '../core/inspect/scan';
import type { DeploymentSummary } from '../core/deployment/summary';

export const EXTENSION_NAME = 'Milvus TLS';

/** Settings live under `milvusTls.*`. */
export const CONFIG_SECTION = 'milvusTls';

/** Every setting key, relative to CONFIG_SECTION. */
export const Settings = {
  configFiles: 'configFiles',
  expiryWarningDays: 'expiryWarningDays',
  traceServer: 'trace.server',
  generateSection: 'generate',
  generateOutputFolder: 'generate.outputFolder',
  connectionSection: 'connection',
  connectionAddress: 'connection.address',
  connectionServerName: 'connection.serverName',
  connectionTimeoutMs: 'connection.timeoutMs',
  /** Helm release and namespace of a values file (it names neither): the Service names a certificate must cover. */
  kubernetesRelease: 'kubernetes.release',
  kubernetesNamespace: 'kubernetes.namespace',
} as const;

export type SettingKey = (typeof Settings)[keyof typeof Settings];

/** `milvusTls.<key>`, for affectsConfiguration and messages. */
export function settingId(key: SettingKey): string {
  return `${CONFIG_SECTION}.${key}`;
}

export const Commands = {
  generateCertificates: 'milvusTls.generateCertificates',
  exportOpenSslScript: 'milvusTls.exportOpenSslScript',
  showOutput: 'milvusTls.showOutput',
  refreshCertificates: 'milvusTls.refreshCertificates',
  revealCertificateInExplorer: 'milvusTls.revealCertificateInExplorer',
  copyCertificateFingerprint: 'milvusTls.copyCertificateFingerprint',
  showCertificateDetails: 'milvusTls.showCertificateDetails',
  renewCertificate: 'milvusTls.renewCertificate',
  renewExpiringCertificates: 'milvusTls.renewExpiringCertificates',
  rotateCa: 'milvusTls.rotateCa',
  revealCertificate: 'milvusTls.revealCertificate',
  enableTls: 'milvusTls.enableTls',
  disableTls: 'milvusTls.disableTls',
  testConnection: 'milvusTls.testConnection',
  setConnectionCredentials: 'milvusTls.setConnectionCredentials',
  copyConnectionSnippet: 'milvusTls.copyConnectionSnippet',
  generateCertManagerResources: 'milvusTls.generateCertManagerResources',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/**
 * Commands registered by the Certificates view (src/client/certExplorer), because they act on its scan:
 * its own context-menu commands, and renewal and rotation, which start from the certificates it found.
 * The rest are registered by activate().
 */
export const CERTIFICATE_VIEW_COMMANDS = [
  Commands.refreshCertificates,
  Commands.revealCertificateInExplorer,
  Commands.copyCertificateFingerprint,
  Commands.showCertificateDetails,
  Commands.renewCertificate,
  Commands.revealCertificate,
  Commands.renewExpiringCertificates,
  Commands.rotateCa,
] as const;

export type CertificateViewCommandId = (typeof CERTIFICATE_VIEW_COMMANDS)[number];

/** Arguments a command accepts when run from code (a quick fix, a follow-up button); all optional. */
export interface GenerateCertificatesArguments {
  /** Host folder the wizard should write to (the folder a config path points at). */
  outputFolder?: string;
  /** The container path that needs the files, for the wizard's title. */
  containerPath?: string;
}

export interface EnableTlsArguments {
  /** The folder just written by Generate Certificates. */
  certsDir?: string;
  mode?: 1 | 2;
  /** Kubernetes: the Secret just described (cert-manager resources), so Enable TLS need not ask. */
  secretName?: string;
}

export interface CommandArguments {
  [Commands.generateCertificates]: GenerateCertificatesArguments;
  [Commands.enableTls]: EnableTlsArguments;
}

/** A typed command invocation, as quick fixes and buttons carry it. */
export interface CommandInvocation<C extends keyof CommandArguments = keyof CommandArguments> {
  command: C;
  title: string;
  arguments?: [CommandArguments[C]];
}

/** The `source` of every diagnostic the language server publishes. */
export const DIAGNOSTIC_SOURCE = 'milvus-tls';

/**
 * Files whose changes change diagnostics: certificates and keys (every extension the inspection
 * reads), compose files with their overrides and `.env`, and the config files Milvus reads.
 */
export const WATCHED_FILE_GLOBS: readonly string[] = [
  `**/*.{${CERTIFICATE_FILE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`,
  '**/{compose,docker-compose}.{yaml,yml}',
  '**/{compose,docker-compose}.override.{yaml,yml}',
  '**/.env',
  '**/{milvus,user}.yaml',
  // Kubernetes files feed each other (a Secret manifest, a ConfigMap, a values file), whatever their name.
  '**/*.{yaml,yml}',
];

/** Milvus config names every user has; the `milvusTls.configFiles` setting adds more. */
export const CONFIG_FILE_GLOBS: readonly string[] = ['**/milvus.yaml', '**/user.yaml', '**/*milvus*.yaml', '**/*milvus*.yml'];

/** What the client tells the server at start (`initializationOptions`). */
export interface InitializationOptions {
  /** False in Restricted Mode: the server reads nothing outside the workspace folders. */
  trusted?: boolean;
  /** `milvusTls.configFiles`: more names of Milvus config files (the client restarts the server when it changes). */
  configFiles?: string[];
}

/** `milvusTls/deployment`: the deployment an open config document belongs to, as JSON. */
export const DeploymentRequest = {
  method: 'milvusTls/deployment',
} as const;

export interface DeploymentRequestParams {
  textDocument: { uri: string };
}

export type DeploymentRequestResult = DeploymentSummary | null;
