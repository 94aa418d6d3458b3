/** Exit codes shared by every subcommand, so scripts can tell "you asked wrong" from "it failed". */
export const ExitCode = {
  ok: 0,
  usage: 1,
  refused: 2,
  failed: 3,
} as const;

/** Thrown for bad command-line input; main() prints the message and exits with ExitCode.usage. */
export class UsageError extends Error {}
