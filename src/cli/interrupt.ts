// Ctrl-C (SIGINT) and SIGTERM during a write: instead of dying with staged files (private keys among
// them) and the folder's lock left behind, the run is aborted, rolls back, and exits 128+signal. A
// second signal exits at once; the next run recovers what that leaves.
import { constants } from 'node:os';
import { PAUSE_ENV } from '../core/pki/store/pausePoint';

/** The write was stopped by a signal before its commit; nothing was written. */
export class InterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }

  /** 130 for SIGINT, 143 for SIGTERM, as shells report a process killed by the signal. */
  get exitCode(): number {
    return 128 + (constants.signals[this.signal] ?? 0);
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Runs work with an AbortSignal that SIGINT or SIGTERM aborts with an InterruptedError. */
export async function abortOnSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    // For the interruption tests (pausePoint.ts): the signal has reached the run.
    if (process.env[PAUSE_ENV] !== undefined) process.stderr.write(`milvus-tls: got ${signal}\n`);
    if (controller.signal.aborted) process.exit(128 + (constants.signals[signal] ?? 0));
    controller.abort(new InterruptedError(signal));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    return await work(controller.signal);
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}
