/** A file the planners will not touch, with the reason in words a user can act on. */
export class EditPlanError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'EditPlanError';
  }
}
