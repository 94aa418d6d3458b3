// A stack of undo steps, so that whatever a session started is stopped even when a later step of
// its start-up fails, and in reverse order (browser before server, server before its folders).

type Step = () => Promise<void> | void;

export class Cleanup {
  private readonly steps: Step[] = [];

  add(step: Step): void {
    this.steps.push(step);
  }

  /** Runs every step, newest first; a failing step does not stop the others. Throws the first error. */
  async run(): Promise<void> {
    let first: Error | undefined;
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      try {
        await step?.();
      } catch (error) {
        first ??= error instanceof Error ? error : new Error('cleanup step failed', { cause: error });
      }
    }
    if (first) throw first;
  }
}
