// The connection test's public surface: what the CLI `ping` and the editor's "Test Connection" use.
export { DEFAULT_MILVUS_PORT, formatAddress, parseAddress, parsePort } from './address';
export type { HostPort } from './address';
export { DEFAULT_TIMEOUT_MS, STEP_TITLES, summarizeTarget, testConnection } from './testConnection';
export { formatHeader, formatReport, formatStep, formatVerdict } from './formatReport';
export type {
  Cause,
  CauseCode,
  ConfigKey,
  ConnectionReport,
  ConnectionTarget,
  StepId,
  StepResult,
  StepStatus,
  TargetSummary,
  TestConnectionOptions,
} from './types';
