// The inspection engine's public API, shared by the CLI, the language server and the VS Code tree.
export type * from './types';
export { readPemOrDer } from './readFile';
export { inspectFiles, FILE_TOO_LARGE_CODE } from './workspace';
export type { InspectOptions } from './workspace';
export { lintCertificate, lintPrivateKey, DEFAULT_WARN_DAYS } from './lint';
export type { KeyLintContext } from './lint';
export { roleHintFromFileName } from './role';
export { DAY_MS, daysLeft, daysLeftLabel, expiryPhrase, isExpired, isWithinWarning, lifetimeDays } from './days';
export { plural } from './plural';
export { sanMatchesName } from './hostname';
export type { ServerNames } from './hostname';
export { describeCertificate, sanEntries } from './describe';
export { inspectX509, readPemCertificates } from './inspected';
export type { InspectedCertificate } from './inspected';
export { clearInspectionCaches } from './contentCache';
export {
  scanFolder,
  scanFolderBatches,
  scanFolderFiles,
  readInputFile,
  readManifestInputs,
  readScannedFile,
  isCertificateFileName,
  CERTIFICATE_FILE_EXTENSIONS,
  CERTIFICATE_FILE_GLOB,
  MANIFEST_FILE_GLOB,
  DEFAULT_EXCLUDED_DIRECTORIES,
  DEFAULT_MAX_BYTES,
  DEFAULT_SCAN_MAX_DEPTH,
  DEFAULT_SCAN_MAX_ENTRIES,
} from './scan';
export type { ReadOptions, ScanBatch, ScannedFile, ScanOptions } from './scan';
