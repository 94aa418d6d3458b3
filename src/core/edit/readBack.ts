/**
 * Every planned edit is parsed back before anyone writes it: a layout the planners did not foresee
 * must end in a refusal with a reason, never in a file that parses differently or not at all.
 */
import type { SourceProblem } from '../config/yamlSource';
import { EditPlanError } from './errors';

/** Problems of the bounded YAML walk: the model may miss what sits behind an alias. */
const WALK_LIMITS = new Set(['yaml-alias-limit', 'yaml-depth-limit']);

/** The first problem that makes a file unsafe to edit: a YAML error, or aliases the model could not follow. */
export function blockingProblem(problems: readonly SourceProblem[]): SourceProblem | undefined {
  return problems.find((problem) => problem.severity === 'error' || WALK_LIMITS.has(problem.code));
}

/** Refuses the plan: the edited text does not say what was planned. */
export function readBackFailed(label: string, what: string): never {
  throw new EditPlanError(
    label,
    `the planned change does not read back as intended (${what}), so it is not made. Make the change by hand.`,
  );
}
