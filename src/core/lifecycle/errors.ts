// Refusals of the lifecycle use cases: each means "nothing was written", and says what to do instead.

/** A rotation phase asked for in the wrong state (e.g. finish before reissue). */
export class RotationOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RotationOrderError';
  }
}

/** Undo would discard changes made after the phase it reverts. */
export class UndoConflictError extends Error {
  constructor(
    readonly changed: string[],
    backup: string,
  ) {
    super(`${changed.join(', ')} changed since ${backup}: undoing it would discard that; run again with --force to undo anyway`);
    this.name = 'UndoConflictError';
  }
}
