/** YAML errors, and keys Milvus silently drops because another one replaces them. */
import type { RuleContext } from './context';
import type { RuleFinding } from './types';

export function syntaxRules(ctx: RuleContext): RuleFinding[] {
  return ctx.config.problems.map((problem): RuleFinding => {
    const range = { start: problem.offset, end: Math.max(problem.end, problem.offset) };
    if (problem.code === 'duplicate-key' || problem.code === 'equivalent-key') {
      return { code: problem.code, severity: 'warning', message: problem.message, range, unnecessary: problem.code === 'duplicate-key' };
    }
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
}
