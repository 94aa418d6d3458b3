// The editor-free description of a multi-step quick input. A wizard is plain data plus callbacks,
// so its defaults and validation can be unit-tested; multiStep.ts renders it with VS Code's UI.

/** A free-text step: an input box prefilled with `value()`, checked by `validate` on every keystroke. */
export interface InputStep {
  kind: 'input';
  title: string;
  prompt: string;
  placeholder?: string;
  /** The value shown when the step opens: the default, or what the user entered before going back. */
  value(): string;
  /** An error message for the user, or undefined when the value is acceptable. */
  validate(value: string): string | undefined;
  accept(value: string): void;
}

export interface PickOption<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

/** A single choice from a list; `active()` is preselected so Enter keeps the default. */
export interface PickStep<T = unknown> {
  kind: 'pick';
  title: string;
  placeholder: string;
  options(): PickOption<T>[];
  active(): T;
  accept(value: T): void;
}

export type WizardStep = InputStep | PickStep<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where a step leaves the wizard. */
export type StepOutcome = 'next' | 'back' | 'cancel';

/** The title bar text of one step: "Generate Certificates — Step 2/6: Server name". */
export function stepTitle(wizardTitle: string, index: number, total: number, title: string): string {
  return `${wizardTitle} — Step ${index + 1}/${total}: ${title}`;
}
