/**
 * The rule engine's data. Plain objects with offsets into the checked text, so the language server
 * (through server/convert.ts) and the CLI map them to their own positions. Codes are stable: users,
 * scripts and quick fixes refer to them.
 */
import type { OffsetRange } from '../config';
import type { Deployment, LoadedFile, LoadedFileCache } from '../deployment';
import type { FindingCode } from '../inspect';
import type { RuleCode } from './ruleTable';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint';

/** What a quick fix needs; one shape per kind of fix, read by rules/fixes.ts. */
export type FixData =
  | { fix: 'set-value'; key: string; values: string[] }
  | { fix: 'rest-port'; httpPortKey: string; httpEnabledKey: string }
  /** `target`: where Generate Certificates should write (the folder behind the suggested container path). */
  | { fix: 'add-key'; key: string; value: string; generate?: boolean; target?: { containerPath: string; hostPath?: string } }
  | { fix: 'move-block'; from: string[]; to: string[] }
  | { fix: 'rename-key'; replacement: string; value?: string; valueRange?: OffsetRange }
  | { fix: 'generate-certificates'; containerPath: string; hostPath?: string }
  /** Mount hostPath (relative to the compose file) at containerPath, read-only unless said; the edit is made in the compose file. */
  | { fix: 'add-volume'; composeFile: string; service: string; hostPath: string; containerPath: string; readOnly?: boolean };

export interface RuleFinding {
  /** A rule's code, or the inspection engine's for what it found in a certificate or key file. */
  code: RuleCode | FindingCode;
  severity: RuleSeverity;
  /** What Milvus will do, and what to change. */
  message: string;
  range: OffsetRange;
  data?: FixData;
  /** Shown faded (LSP DiagnosticTag.Unnecessary): the key has no effect. */
  unnecessary?: boolean;
}

export interface CheckInput {
  /** The deployment the document belongs to (see src/core/deployment). */
  deployment: Deployment;
  /** Host path of the document: one of the deployment's config files. */
  fileName: string;
  /** The document's text (the deployment holds its parsed model). */
  text: string;
  /** Client certificates of the workspace, loaded, for the tlsMode 2 checks. */
  clientCertificates?: readonly LoadedFile[];
  /** Shared across checks so derived facts (signature checks) are computed once per file state. */
  cache: LoadedFileCache;
  now?: Date;
  warnDays?: number;
}
