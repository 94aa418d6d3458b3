// Runs one step with its time budget and the caller's cancel signal. Steps never handle timeouts
// themselves: the runner races them against the deadline and reports the phase the step was in, and
// the step's own signal fires so it can destroy its sockets.
import { reportText } from '../visibleText';
import { causes } from './causes';
import type { Cause, StepId, StepResult, StepStatus } from './types';

/** Lines of details a step keeps: a server cannot make a report (or a terminal) scroll forever. */
const MAX_DETAILS = 100;

export interface StepOutcome {
  status: StepStatus;
  summary: string;
  details: string[];
  cause?: Cause;
  moreCauses?: Cause[];
}

export interface StepContext {
  /** Aborted on timeout or cancel: close every socket and call. */
  signal: AbortSignal;
  /** Epoch ms when the step's budget ends. */
  deadline: number;
  /** What the step is doing now, for the timeout message ("TLS handshake", "waiting for the first bytes"). */
  phase: string;
  /** "host:port" the step is talking to, for the timeout message. */
  where: string;
  /** Facts gathered so far; kept in the report even when the step times out. */
  details: string[];
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Ends a step body that was interrupted (timeout or cancel): the runner has already reported it. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}

export function skipped(id: StepId, title: string, summary: string): StepResult {
  return { id, title, status: 'skipped', durationMs: 0, summary, details: [] };
}

/** Registers `listener` for `signal`'s abort (at once if already aborted); returns the remover. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener();
    return () => undefined;
  }
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

function tidyCause(cause: Cause): Cause {
  return { ...cause, message: reportText(cause.message, 1000), fix: reportText(cause.fix, 1000) };
}

/**
 * Every text of a step as it goes into the report: what a server sent (a grpc-message, a REST
 * body, a certificate name) is quoted in it, so control characters (terminal escape sequences)
 * become visible and each line is bounded, for the CLI's terminal and the editor's Output alike.
 */
function tidy(outcome: StepOutcome): StepOutcome {
  const details = outcome.details.slice(0, MAX_DETAILS).map((line) => reportText(line));
  if (outcome.details.length > MAX_DETAILS) details.push(`… ${outcome.details.length - MAX_DETAILS} more lines`);
  return {
    ...outcome,
    summary: reportText(outcome.summary),
    details,
    ...(outcome.cause ? { cause: tidyCause(outcome.cause) } : {}),
    ...(outcome.moreCauses ? { moreCauses: outcome.moreCauses.map(tidyCause) } : {}),
  };
}

export async function runStep(
  id: StepId,
  title: string,
  where: string,
  timeoutMs: number,
  outer: AbortSignal | undefined,
  body: (context: StepContext) => Promise<StepOutcome>,
): Promise<StepResult> {
  if (outer?.aborted) return skipped(id, title, 'Cancelled.');
  const started = performance.now();
  const controller = new AbortController();
  const context: StepContext = { signal: controller.signal, deadline: Date.now() + timeoutMs, phase: 'connecting', where, details: [] };
  const finish = (outcome: StepOutcome): StepResult => ({
    id,
    title,
    durationMs: Math.round(performance.now() - started),
    ...tidy(outcome),
  });

  let timer: NodeJS.Timeout | undefined;
  let removeOuter = (): void => undefined;
  // Resolves with the outcome that ends the step early: a timeout or the caller cancelling.
  const interrupted = new Promise<StepOutcome>((resolve) => {
    timer = setTimeout(() => {
      resolve({
        status: 'fail',
        summary: `No answer within ${timeoutMs} ms (${context.phase}).`,
        details: context.details,
        cause: causes.timeout(context.where, context.phase, timeoutMs),
      });
    }, timeoutMs);
    if (outer) removeOuter = onAbort(outer, () => resolve({ status: 'skipped', summary: 'Cancelled.', details: context.details }));
  });
  // Through a promise so that a body throwing synchronously is reported like any other error.
  const work = Promise.resolve(context)
    .then(body)
    .catch((error: unknown): StepOutcome => {
      if (error instanceof CancelledError) return { status: 'skipped', summary: 'Cancelled.', details: context.details };
      const text = error instanceof Error ? error.message : String(error);
      return {
        status: 'fail',
        summary: `Unexpected error: ${text}`,
        details: context.details,
        cause: causes.networkError(context.where, text),
      };
    });
  try {
    return finish(await Promise.race([work, interrupted]));
  } finally {
    clearTimeout(timer);
    removeOuter();
    // Whatever is still open (the step lost the race) is torn down through its signal.
    controller.abort();
  }
}
