import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { matchesGlob } from '../../../src/core/workspace';

describe('milvusTls.configFiles globs as the server matches them', () => {
  const roots = ['/ws'];
  const matches = (file: string, pattern: string): boolean => matchesGlob(path.posix, file, pattern, roots);
  it('**, *, ?, {a,b} and [..] relative to a workspace folder', () => {
    assert.ok(matches('/ws/deploy/prod.yaml', '**/deploy/*.yaml'));
    assert.ok(matches('/ws/deploy/prod.yaml', 'deploy/*.yaml'));
    assert.ok(!matches('/ws/deploy/sub/prod.yaml', 'deploy/*.yaml'));
    assert.ok(matches('/ws/a/b/c/values-prod.yml', '**/values-*.{yaml,yml}'));
    assert.ok(matches('/ws/milvus.yaml', '**/milvus.yaml'), '**/ matches no folder too');
    assert.ok(matches('/ws/x/my-milvus-1.yaml', '**/*milvus*.yaml'));
    assert.ok(matches('/ws/v1.yaml', 'v?.yaml') && !matches('/ws/v10.yaml', 'v?.yaml'));
    assert.ok(matches('/ws/a.yaml', '[ab].yaml') && !matches('/ws/c.yaml', '[ab].yaml'));
    assert.ok(!matches('/other/deploy/prod.yaml', 'deploy/*.yaml'), 'outside the roots');
    assert.ok(matches('/other/deploy/prod.yaml', '/other/**/*.yaml'), 'an absolute pattern');
    assert.ok(!matches('/ws/a.yaml.bak', '*.yaml'));
  });
  it('a trailing /** matches the folder itself too, as in VS Code (files.exclude `out/**` hides `out`)', () => {
    assert.ok(matches('/ws/out', 'out/**') && matches('/ws/out/a/b.pem', 'out/**'));
    assert.ok(!matches('/ws/outer', 'out/**') && !matches('/ws/outer/a.pem', 'out/**'));
    assert.ok(matches('/ws/a/out', '{x,a/out/**}') && matches('/ws/x', '{x,a/out/**}'));
    assert.ok(matches('/ws/a/b/x', 'a/**/x') && !matches('/ws/a/b/x/c', 'a/**/x'));
  });
});
