// The README's table of rule codes is the rule table (src/core/rules/ruleTable.ts) rendered: a code
// added, renamed or reworded on one side only fails here.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RULES } from '../../../src/core/rules';

export function renderRuleTable(): string {
  return [
    '| Code | Severity | Meaning | Fix |',
    '|---|---|---|---|',
    ...RULES.map((rule) => `| \`${rule.code}\` | ${rule.severity} | ${rule.meaning} | ${rule.fix} |`),
  ].join('\n');
}

describe('README rule table', () => {
  it('is the rule table, row for row', () => {
    const readme = readFileSync('README.md', 'utf8');
    assert.ok(
      readme.includes(`${renderRuleTable()}\n`),
      'README.md has the table rendered from RULES (run: node --import tsx test/unit/rules/readmeTable.test.ts --print)',
    );
  });
});

if (process.argv.includes('--print')) console.log(renderRuleTable());
