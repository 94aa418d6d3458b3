import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { batches, excludeGlob, expandBraces, isInExcludedDirectory } from '../../../../src/client/certExplorer/scanPlan';

describe('certificate scan plan', () => {
  it('expands braces, nested ones included', () => {
    assert.deepEqual(expandBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
    assert.deepEqual(expandBraces('a/{b,{c,d}}/e'), ['a/b/e', 'a/c/e', 'a/d/e']);
    assert.deepEqual(expandBraces('plain/**'), ['plain/**']);
  });
  it('excludes node_modules, .git and the enabled files.exclude patterns', () => {
    const glob = excludeGlob({ '**/.git': true, '**/.DS_Store': true, '**/out': false, '**/*.{tmp,bak}': true, '**/*.js': { when: '$(basename).ts' } });
    assert.equal(glob, '{**/node_modules,**/.git,**/.milvus-tls-backups,**/.DS_Store,**/*.tmp,**/*.bak}');
    assert.equal(excludeGlob(undefined), '{**/node_modules,**/.git,**/.milvus-tls-backups}');
  });
  it('recognises watcher events from excluded folders', () => {
    assert.ok(isInExcludedDirectory('/w/node_modules/pkg/test/ca.pem'));
    assert.ok(isInExcludedDirectory('C:\\w\\.git\\x.pem'));
    assert.ok(!isInExcludedDirectory('/w/certs/node_modules.pem'));
  });
  it('reads a small first batch, then batches twice as large each time', () => {
    assert.deepEqual(batches([1, 2, 3, 4, 5, 6, 7, 8], 1), [[1], [2, 3], [4, 5, 6, 7], [8]]);
    assert.deepEqual(batches([], 20), []);
    assert.equal(batches(Array.from({ length: 20_000 }, (_, i) => i)).length, 10);
  });
});
