import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MilvusConfigFile } from '../../../src/core/config/milvusConfig';
import { parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import { SegmentedConfigReader } from '../../../src/core/config/segmentedConfig';
import { topLevelParts } from '../../../src/core/config/topLevelParts';
import { TYPED, assertSameModel, randomEdit, randomSource } from '../../helpers/randomEdits';
import { shippedMilvusYamls } from '../compose/shippedFiles';

/** Everything a reader of the model sees, in order (the Map as its entries, the lines as their starts). */
function observable(config: MilvusConfigFile): unknown {
  return {
    fileName: config.fileName,
    source: config.source,
    entries: [...config.entries],
    allEntries: config.allEntries,
    blocks: config.blocks,
    duplicates: config.duplicates,
    problems: config.problems,
    lineStarts: config.lineCounter.lineStarts,
  };
}

function assertSameAsWhole(reader: SegmentedConfigReader, text: string, context: string): MilvusConfigFile {
  const config = reader.read(text);
  assertSameModel(observable(config), observable(parseMilvusConfig(text, '/ws/milvus.yaml')), context);
  return config;
}

/** A reader that has read once (a first reading is always whole). */
function warmReader(text: string): SegmentedConfigReader {
  const reader = new SegmentedConfigReader('/ws/milvus.yaml');
  reader.read(text);
  return reader;
}

describe('reading milvus.yaml in parts', () => {
  for (const file of shippedMilvusYamls()) {
    it(`${file.fileName}: in parts, the same model as read whole, reusing every part it can`, () => {
      const reader = warmReader(file.text);
      assertSameAsWhole(reader, file.text, 'unchanged, parts read');
      assertSameAsWhole(reader, file.text, 'unchanged, parts reused');
      assert.deepEqual(reader.lastReading, {
        whole: false,
        parts: topLevelParts(file.text)?.length,
        reused: topLevelParts(file.text)?.length,
      });
      const lines = file.text.split('\n');
      const last = lines.length - 1;
      const edited = [...lines.slice(0, last), `${lines[last] ?? ''}# typed`].join('\n');
      assertSameAsWhole(reader, edited, 'a comment typed at the end');
      const report = reader.lastReading;
      assert.ok(!report.whole && report.reused === report.parts - 1, `all but the edited part reused: ${JSON.stringify(report)}`);
    });

    it(`${file.fileName}: 100 random edits, each in runs of up to five, give the model read whole after each`, () => {
      const random = randomSource(file.text.length);
      const reader = warmReader(file.text);
      let text = file.text;
      let inParts = 0;
      for (let edit = 0; edit < 100; edit++) {
        // Back to the shipped text now and then: an early syntax error would make every later reading whole.
        if (edit % 5 === 0) text = file.text;
        const edited = randomEdit(text, random, ['common', 'newKey']);
        text = edited.text;
        const at = edited.at;
        assertSameAsWhole(reader, text, `edit ${edit} at ${at}`);
        if (!reader.lastReading.whole) inParts++;
      }
      // Not a test of the fallback alone: most edits were read in parts.
      assert.ok(inParts > 20, `read in parts after ${inParts} of 100 edits`);
    });
  }

  it('an embedded master milvus.yaml: random edits give the model read whole after each', () => {
    const [master] = shippedMilvusYamls().filter((file) => file.version === 'master');
    assert.ok(master);
    // As embeddedYaml.ts hands it over: the lines before the block blanked, the block indented.
    const embedded = `${'x'.repeat(40).replace(/./g, ' ')}\n${master.text.replace(/^(?=.)/gm, '    ')}`;
    const random = randomSource(7);
    const reader = warmReader(embedded);
    let inParts = 0;
    for (let edit = 0; edit < 100; edit++) {
      const at = Math.floor(random() * (embedded.length + 1));
      const text = `${embedded.slice(0, at)}${TYPED[Math.floor(random() * TYPED.length)] ?? ''}${embedded.slice(at)}`;
      assertSameAsWhole(reader, text, `edit ${edit} at ${at}`);
      if (!reader.lastReading.whole) inParts++;
    }
    assert.ok(inParts > 30, `read in parts after ${inParts} of 100 edits`);
  });

  const cases: { name: string; text: string; whole: boolean }[] = [
    { name: 'an alias to an anchor in another part', text: 'a: &x\n  b: 1\nc: *x\n', whole: true },
    { name: 'an alias inside its own part', text: 'a:\n  b: &x 1\n  c: *x\nd: 2\n', whole: true },
    {
      name: 'the same top-level key twice (the last shadows the first)',
      text: 'common:\n  a: 1\nproxy:\n  b: 2\ncommon:\n  c: 3\n',
      whole: true,
    },
    { name: 'two spellings of one top-level key', text: 'tls:\n  caPemPath: a\nTLS:\n  caPemPath: b\n', whole: false },
    { name: 'a document marker', text: 'a: 1\n---\nb: 2\n', whole: true },
    { name: 'a directive', text: '%YAML 1.2\n---\na: 1\nb: 2\n', whole: true },
    { name: 'a quoted top-level key', text: 'a: 1\n"b": 2\nc: 3\n', whole: true },
    { name: 'a flow mapping over two lines', text: 'a: {x: 1,\ny: 2}\nb: 3\n', whole: true },
    { name: 'a quoted scalar over two lines', text: 'a: "x\nb: y"\nc: 1\n', whole: true },
    { name: 'a list at the key indentation', text: 'a:\n- 1\n- 2\nb: 3\n', whole: false },
    { name: 'comments and blank lines before the first key, CRLF', text: '# head\r\n\r\na: 1\r\nb:\r\n  c: 2\r\n', whole: false },
    { name: 'no line feed at the end, a nested duplicate', text: 'a:\n  b: 1\n  b: 2\nc: 3', whole: false },
    { name: 'a syntax error', text: 'a: 1\nb: [\nc: 3\n', whole: true },
    {
      name: 'a config embedded in a Kubernetes file (blanked lines, then indented)',
      text: '     \n   \n    a: 1\n    b:\n      c: 2\n',
      whole: false,
    },
    { name: 'a line less indented than the first', text: '    a: 1\n  b: 2\nc: 3\n', whole: true },
  ];
  for (const { name, text, whole } of cases) {
    it(`${name}: ${whole ? 'read whole' : 'read in parts'}, the same model`, () => {
      const reader = warmReader(text);
      assertSameAsWhole(reader, text, name);
      assert.equal(reader.lastReading.whole, whole);
    });
  }

  it('gives the syntax tree of the whole text to those who ask (the edit engine)', () => {
    const text = 'common:\n  security:\n    tlsMode: 2\nproxy:\n  port: 19530\n';
    const config = warmReader(text).read(text);
    assert.deepEqual(config.document.toJS(), { common: { security: { tlsMode: 2 } }, proxy: { port: 19530 } });
    assert.equal(config.document.contents?.range?.[0], 0);
  });

  it('keeps only the parts of the last text', () => {
    const reader = warmReader('a: 1\nb: 2\n');
    reader.read('a: 1\nb: 2\n');
    reader.read('a: 1\nc: 3\n');
    reader.read('a: 1\nb: 2\n');
    assert.deepEqual(reader.lastReading, { whole: false, parts: 2, reused: 1 });
  });
});
