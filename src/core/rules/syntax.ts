/** YAML errors, keys Milvus silently drops because another one replaces them, and the walk's bounds. */
import { anchorFor } from './context';
import type { RuleContext } from './context';
import type { RuleFinding } from './types';

/** Problems of the bounded YAML walk (core/config/yamlAliases.ts): reported under their own code. */
const LIMIT_CODES: ReadonlySet<string> = new Set<LimitCode>(['yaml-alias-limit', 'yaml-depth-limit']);
type LimitCode = 'yaml-alias-limit' | 'yaml-depth-limit';

function isLimitCode(code: string): code is LimitCode {
  return LIMIT_CODES.has(code);
}

export function syntaxRules(ctx: RuleContext): RuleFinding[] {
  const findings = ctx.config.problems.map((problem): RuleFinding => {
    const range = { start: problem.offset, end: Math.max(problem.end, problem.offset) };
    if (problem.code === 'duplicate-key' || problem.code === 'equivalent-key') {
      return { code: problem.code, severity: 'warning', message: problem.message, range, unnecessary: problem.code === 'duplicate-key' };
    }
    if (isLimitCode(problem.code)) return { code: problem.code, severity: problem.severity, message: problem.message, range };
    if (problem.code === 'not-a-mapping') {
      return { code: 'yaml-not-a-mapping', severity: 'error', message: `${problem.message}: Milvus fails to start reading it`, range };
    }
    const fatal = problem.severity === 'error';
    return {
      code: fatal ? 'yaml-syntax' : 'yaml-warning',
      severity: fatal ? 'error' : 'warning',
      message: fatal ? `${problem.message.replace(/\.?$/, '.')} Milvus cannot read this file and fails to start.` : problem.message,
      range,
    };
  });
  return [...findings, ...composeLimitFindings(ctx)];
}

/**
 * The compose file is not an open document here, but a bound hit while reading it means part of
 * the service (environment, volumes) is missing from what the rules check: say so on this file.
 */
function composeLimitFindings(ctx: RuleContext): RuleFinding[] {
  const compose = ctx.deployment.compose?.project.compose;
  if (!compose) return [];
  const name = compose.fileName?.split('/').pop() ?? 'the compose file';
  return compose.errors
    .flatMap((problem) => (isLimitCode(problem.code) ? [{ ...problem, code: problem.code }] : []))
    .map((problem): RuleFinding => ({
      code: problem.code,
      severity: 'warning',
      message: `${name}: ${problem.message} What the compose service sets there is not part of this check.`,
      range: anchorFor(ctx, []),
    }));
}
