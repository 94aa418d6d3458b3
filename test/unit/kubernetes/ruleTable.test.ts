// Every code the Kubernetes rules can report is described in the rule table and in the README's
// table, so users can look up what they see.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../src/core/rules';
import { REPO_ROOT } from '../compose/shippedFiles';

describe('Kubernetes rule codes', () => {
  it('are in the rule table and the README', () => {
    const folder = path.join(REPO_ROOT, 'src', 'core', 'rules', 'kubernetes');
    const emitted = new Set(
      readdirSync(folder).flatMap((file) =>
        [...readFileSync(path.join(folder, file), 'utf8').matchAll(/code: '(k8s-[a-z0-9-]+)'/g)].map((match) => match[1] ?? ''),
      ),
    );
    assert.ok(emitted.size >= 15);
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const code of emitted) {
      assert.ok(
        RULES.some((rule) => rule.code === code),
        `${code} in ruleTable.ts`,
      );
      assert.match(readme, new RegExp(`^\\| \`${code}\` \\|`, 'm'), `${code} in the README`);
    }
  });
});
