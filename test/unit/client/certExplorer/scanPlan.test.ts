import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { filesExcludeFilter, isExcludedPath, progressSchedule } from '../../../../src/client/certExplorer/scanPlan';

describe('certificate scan plan', () => {
  describe("files.exclude as the walk's exclude filter", () => {
    const exclude = filesExcludeFilter({
      '**/.DS_Store': true,
      '**/out': false,
      '**/*.{tmp,bak}': true,
      '**/*.js': { when: '$(basename).ts' },
      'build/**': true,
      vendor: true,
      '**/generated/{certs,keys}/**': true,
    });
    const excluded = (path: string, isDirectory = false): boolean => exclude(path, isDirectory);

    it('**/x matches x at any depth, the top included', () => {
      assert.ok(excluded('.DS_Store') && excluded('a/b/.DS_Store'));
      assert.ok(!excluded('a/b/.DS_Store.pem'));
    });
    it('braces choose between alternatives, nested in a path too', () => {
      assert.ok(excluded('x.tmp') && excluded('deep/down/x.bak'));
      assert.ok(!excluded('x.pem') && !excluded('x.tmp.pem'));
      assert.ok(excluded('generated/certs', true) && excluded('a/generated/keys/ca.key'));
      assert.ok(!excluded('generated/other/ca.pem'));
    });
    it('x/** excludes the folder x itself (so it is not even walked) and everything below it', () => {
      assert.ok(excluded('build', true) && excluded('build/tls/ca.pem'));
      assert.ok(!excluded('a/build', true), 'relative to the workspace folder: only the top build');
      assert.ok(!excluded('builder/ca.pem'));
    });
    it('a pattern without **/ is relative to the workspace folder', () => {
      assert.ok(excluded('vendor', true));
      assert.ok(!excluded('lib/vendor', true));
    });
    it('a pattern set to false, or with a when clause, excludes nothing', () => {
      assert.ok(!excluded('out', true) && !excluded('a/out/ca.pem'));
      assert.ok(!excluded('server.js'));
    });
    it('no setting: nothing excluded; a Windows-style or ./ pattern still matches', () => {
      assert.ok(!filesExcludeFilter(undefined)('any/ca.pem', false));
      assert.ok(filesExcludeFilter({ 'secrets\\old': true })('secrets/old', true));
      assert.ok(filesExcludeFilter({ './tmp': true })('tmp', true));
    });
  });

  it('recognises watcher events where the walk never looks', () => {
    const exclude = filesExcludeFilter({ 'build/**': true, '**/*.bak.pem': true });
    assert.ok(isExcludedPath('node_modules/pkg/test/ca.pem', exclude));
    assert.ok(isExcludedPath('a\\.git\\x.pem', exclude));
    assert.ok(isExcludedPath('tls/.milvus-tls-backups/2026-renew/ca.pem', exclude));
    assert.ok(isExcludedPath('build/tls/ca.pem', exclude));
    assert.ok(isExcludedPath('tls/old.bak.pem', exclude));
    assert.ok(!isExcludedPath('certs/node_modules.pem', exclude), 'a file named like an excluded folder');
    assert.ok(!isExcludedPath('tls/ca.pem', exclude));
  });

  it('shows progress after a small first batch, then after twice as many each time', () => {
    const due = progressSchedule(2);
    assert.deepEqual(
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1].map((read) => due(read)),
      [false, true, false, false, false, true, false, false, false, false],
    );
    const large = progressSchedule();
    let updates = 0;
    for (let read = 0; read < 20_000; read += 10) if (large(10)) updates++;
    assert.ok(updates <= 10, `${updates} updates for 20,000 files`);
  });
});
