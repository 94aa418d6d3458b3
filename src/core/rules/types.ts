/**
 * The rule engine's data. Plain objects with offsets into the checked text, so the language server
 * (through server/convert.ts) and the CLI map them to their own positions. Codes are stable: users,
 * scripts and quick fixes refer to them.
 */
import type { ComposeFile } from '../compose';
import type { OffsetRange } from '../config';
import type { FileCache } from './fileCache';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint';

/** What a quick fix needs; one shape per kind of fix, read by server/codeActions.ts. */
export type FixData =
  | { fix: 'set-value'; key: string; values: string[] }
  | { fix: 'rest-port'; httpPortKey: string; httpEnabledKey: string }
  | { fix: 'add-key'; key: string; value: string; generate?: boolean }
  | { fix: 'move-block'; from: string[]; to: string[] }
  | { fix: 'rename-key'; replacement: string; value?: string }
  | { fix: 'generate-certificates'; containerPath: string; hostPath?: string }
  /** Mount hostPath (relative to the compose file) read-only at containerPath; the edit is made in the compose file. */
  | { fix: 'add-volume'; composeFile: string; service: string; hostPath: string; containerPath: string };

export interface RuleFinding {
  code: string;
  severity: RuleSeverity;
  /** What Milvus will do, and what to change. */
  message: string;
  range: OffsetRange;
  data?: FixData;
  /** Shown faded (LSP DiagnosticTag.Unnecessary): the key has no effect. */
  unnecessary?: boolean;
}

export interface FileStat {
  mtimeMs: number;
  size: number;
  isFile: boolean;
}

/**
 * The file system as the rules see it, injected so they stay pure: the CLI and the server pass
 * node:fs, tests pass a map. `stat` returns undefined for a missing file.
 */
export interface FileAccess {
  stat(path: string): FileStat | undefined;
  readFile(path: string): Buffer;
}

export interface CheckInput {
  text: string;
  /** Host path of the document (posix). Its base name decides milvus.yaml vs user.yaml. */
  fileName: string;
  /** The user.yaml that goes with a milvus.yaml (it overrides it). */
  userYamlText?: string;
  userYamlFileName?: string;
  /** The milvus.yaml that goes with a user.yaml (it is overridden by it). */
  milvusYamlText?: string;
  milvusYamlFileName?: string;
  compose?: ComposeFile;
  files?: FileAccess;
  /** Host paths of the workspace's certificates, for the mode 2 client-certificate check. */
  workspaceCertificateFiles?: readonly string[];
  now?: Date;
  warnDays?: number;
  /** Reused across calls (the server keeps one) so unchanged files are not read again. */
  cache?: FileCache;
}
