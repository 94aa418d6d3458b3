// The small pieces under the planners: applying edits, the diff view of them, the layout guesses.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyTextEdits, formatLineDiff, lineHunks, planEnableTls } from '../../../src/core/edit';
import { detectIndentUnit, formatScalar } from '../../../src/core/edit/yamlText';
import { FILES } from './helpers';

describe('applyTextEdits', () => {
  it('applies edits in offset order and inserts at one offset in the order given', () => {
    const edits = [
      { start: 4, end: 5, newText: 'X' },
      { start: 0, end: 0, newText: 'a' },
      { start: 0, end: 0, newText: 'b' },
    ];
    assert.equal(applyTextEdits('0123456', edits), 'ab0123X56');
  });
  it('refuses overlapping and out-of-range edits', () => {
    assert.throws(
      () =>
        applyTextEdits('0123', [
          { start: 0, end: 3, newText: '' },
          { start: 2, end: 4, newText: '' },
        ]),
      RangeError,
    );
    assert.throws(() => applyTextEdits('0123', [{ start: 3, end: 9, newText: '' }]), RangeError);
  });
});

describe('lineHunks / formatLineDiff', () => {
  const text = 'a: 1\nb:\n  c: 2\nd: 3\n';
  const edits = [
    { start: 3, end: 4, newText: '9' },
    { start: 15, end: 15, newText: '  e: 5\n' },
  ];

  it('turns edits into whole-line hunks with old and new line numbers', () => {
    assert.deepEqual(lineHunks(text, edits), [
      { oldStart: 1, oldLines: ['a: 1'], newStart: 1, newLines: ['a: 9'] },
      { oldStart: 4, oldLines: [], newStart: 4, newLines: ['  e: 5'] },
    ]);
  });

  it('prints a unified-diff-like text, and /dev/null for a created file', () => {
    assert.equal(
      formatLineDiff('x.yaml', text, edits),
      '--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,1 @@\n-a: 1\n+a: 9\n@@ -4,0 +4,1 @@\n+  e: 5',
    );
    assert.equal(formatLineDiff('x.yaml', undefined, { create: 'a: 1\n' }), '--- /dev/null\n+++ b/x.yaml\n@@ -0,0 +1,1 @@\n+a: 1');
    assert.equal(formatLineDiff('x.yaml', text, []), '');
  });
});

describe('layout guesses', () => {
  it('finds the indentation step, 2 by default', () => {
    assert.equal(detectIndentUnit('a:\n    b:\n        c: 1\n'), 4);
    assert.equal(detectIndentUnit('# only a comment\n'), 2);
  });
  it('writes plain scalars only where they read back unchanged', () => {
    assert.equal(formatScalar('/milvus/tls/server.pem'), '/milvus/tls/server.pem');
    assert.equal(formatScalar('my certs/server.pem'), '"my certs/server.pem"');
    assert.equal(formatScalar('-x'), '"-x"');
    assert.equal(formatScalar("it's", "'"), "'it''s'");
  });
  it('quotes certificate file names that need it, and refuses paths as names', () => {
    const plan = planEnableTls({ mode: 1, certsHostDir: 'tls', files: { ...FILES, serverPem: 'my server.pem' } });
    assert.match((plan.milvusYaml as { create: string }).create, /serverPemPath: "\/milvus\/tls\/my server\.pem"/);
    assert.throws(
      () => planEnableTls({ milvusYamlText: '', mode: 1, certsHostDir: 'tls', files: { ...FILES, serverKey: '../x.key' } }),
      /plain names/,
    );
  });
  it('refuses to add top-level keys after a "..." document end marker', () => {
    assert.throws(
      () => planEnableTls({ milvusYamlText: 'proxy:\n  port: 19530\n...\n', mode: 1, certsHostDir: 'tls', files: FILES }),
      /"\.\.\."/,
    );
  });
});
