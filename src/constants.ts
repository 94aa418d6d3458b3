// The extension's own UI identifiers shared with package.json (views, status bar, language client).
// What client, server and core must agree on is in src/shared/protocol.ts.
/** The certificate explorer's view, its activity-bar container, and what they share with package.json. */
export const CertExplorer = {
  container: 'milvusTls',
  view: 'milvusTls.certificates',
  /** Context key: true once the first scan has finished, so the welcome view does not flash. */
  scannedContextKey: 'milvusTls.certificatesScanned',
  detailsScheme: 'milvus-tls-cert',
  statusBarId: 'milvusTls.certificateExpiry',
} as const;

/** The milvus.yaml language client; `id` is also the prefix of its `<id>.trace.server` setting. */
export const LanguageServer = {
  id: 'milvusTls',
  name: 'Milvus TLS Language Server',
  /** Bundled by .ci/build.mjs from src/server/main.ts. */
  serverModule: 'dist/server.js',
} as const;

/** Context keys the Getting Started walkthrough completes its steps on (package.json `onContext:`). */
export const SetupProgressContext = {
  certificatesInPlace: 'milvusTls.setup.certificatesInPlace',
  tlsEnabled: 'milvusTls.setup.tlsEnabled',
} as const;
