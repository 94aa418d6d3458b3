/** Exit codes shared by every subcommand, so scripts can tell "you asked wrong" from "it failed". */
export const ExitCode = {
  ok: 0,
  usage: 1,
  refused: 2,
  failed: 3,
} as const;

/** Thrown for bad command-line input; main() prints the message and exits with ExitCode.usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Whether `error` is a UsageError. Each subcommand is a bundle of its own (dist/cli/<name>.js) with
 * its own copy of this class, so `instanceof` across that boundary is false: the name decides.
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}
