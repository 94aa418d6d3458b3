// How the writing subcommands (generate, renew, rotate) report a refused or failed write: one message
// on stderr and the exit code scripts rely on. Every one of these means nothing was written.
import { RotationOrderError, UndoConflictError } from '../core/lifecycle/errors';
import {
  CertificateAuthorityError,
  FilesExistError,
  InvalidOptionsError,
  SetChangedError,
  SetLockedError,
  WriteSetError,
} from '../core/pki/errors';
import { ExitCode, UsageError } from './exitCodes';
import { InterruptedError } from './interrupt';

/** The exit code for `error`, after printing it; rethrows what is not a known refusal or failure. */
export function reportWriteFailure(command: string, error: unknown, onFilesExist?: (error: FilesExistError) => string): number {
  const prefix = `milvus-tls ${command}:`;
  if (error instanceof FilesExistError && onFilesExist) {
    console.error(`${prefix} ${onFilesExist(error)}`);
    return ExitCode.refused;
  }
  if (error instanceof InterruptedError) {
    console.error(`${prefix} ${error.message}; nothing was written`);
    return error.exitCode;
  }
  if (
    error instanceof SetLockedError ||
    error instanceof SetChangedError ||
    error instanceof RotationOrderError ||
    error instanceof UndoConflictError ||
    error instanceof FilesExistError
  ) {
    console.error(`${prefix} ${error.message}`);
    return ExitCode.refused;
  }
  if (error instanceof UsageError || error instanceof InvalidOptionsError) {
    console.error(`${prefix} ${error.message}`);
    return ExitCode.usage;
  }
  if (error instanceof WriteSetError || error instanceof CertificateAuthorityError) {
    console.error(`${prefix} ${error.message}; nothing was written`);
    return ExitCode.failed;
  }
  throw error;
}
