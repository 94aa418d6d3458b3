import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isAlias, isCollection, isMap, isPair, isScalar } from 'yaml';
import type { ManifestFile } from '../../../src/core/kubernetes/manifestFile';
import { parseManifestFile } from '../../../src/core/kubernetes/manifestFile';
import { SegmentedManifestReader } from '../../../src/core/kubernetes/segmentedManifest';
import { assertSameModel, randomEdit, randomSource } from '../../helpers/randomEdits';
import { CHART_VALUES, OPERATOR_TLS_SAMPLES, docsHelmValues, k8sFile } from './corpus';

/** A node as the rules see it: kind, offsets, value and style, and its children in order. */
function tree(node: unknown): unknown {
  if (isPair(node)) return { key: tree(node.key), value: tree(node.value) };
  if (isAlias(node)) return { alias: node.source, range: node.range };
  if (isScalar(node)) {
    return { value: node.value, source: node.source, type: node.type, tag: node.tag, anchor: node.anchor, range: node.range };
  }
  if (isCollection(node)) {
    return { map: isMap(node), flow: node.flow, tag: node.tag, anchor: node.anchor, range: node.range, items: node.items.map(tree) };
  }
  return node ?? null;
}

function observable(file: ManifestFile): unknown {
  return {
    fileName: file.fileName,
    text: file.text,
    lineStarts: file.lineCounter.lineStarts,
    problems: file.problems,
    documents: file.documents.map(({ document, root, ...identity }) => ({
      identity,
      range: document.range,
      errors: document.errors.length,
      warnings: document.warnings.length,
      sameRoot: root.node === document.contents && root.document === document,
      contents: tree(document.contents),
    })),
  };
}

function assertSameAsWhole(reader: SegmentedManifestReader, text: string, context: string): ManifestFile {
  const file = reader.read(text);
  assertSameModel(observable(file), observable(parseManifestFile(text, '/ws/values.yaml')), context);
  return file;
}

function warmReader(text: string): SegmentedManifestReader {
  const reader = new SegmentedManifestReader('/ws/values.yaml');
  reader.read(text);
  return reader;
}

const USER_YAML = 'common:\n  security:\n    tlsMode: 2\ntls:\n  serverPemPath: /certs/server.pem\n';

describe('reading a values file in parts', () => {
  const files = [
    ...CHART_VALUES.map((name) => ({ name, text: k8sFile(name) })),
    { name: 'the docs recipe', text: docsHelmValues(USER_YAML) },
  ];
  for (const { name, text: original } of files) {
    it(`${name}: in parts, the same tree as parsed whole, reusing what it can`, () => {
      const reader = warmReader(original);
      assertSameAsWhole(reader, original, 'unchanged, parts parsed');
      const file = assertSameAsWhole(reader, original, 'unchanged, parts reused');
      assert.ok((reader.lastReused ?? 0) > 1, `parts reused: ${String(reader.lastReused)}`);
      // Trees handed out are never changed: an edit near the top moves the parts below in a copy.
      const before = JSON.stringify(observable(file));
      assertSameAsWhole(reader, `# a comment\n${original}`, 'a line added at the top');
      assert.equal(JSON.stringify(observable(file)), before);
    });

    it(`${name}: 100 random edits, in runs of up to five, give the tree parsed whole after each`, () => {
      const random = randomSource(original.length);
      const reader = warmReader(original);
      let text = original;
      let inParts = 0;
      for (let edit = 0; edit < 100; edit++) {
        if (edit % 5 === 0) text = original;
        const edited = randomEdit(text, random, ['image', 'newKey']);
        text = edited.text;
        const at = edited.at;
        assertSameAsWhole(reader, text, `edit ${edit} at ${at}`);
        if (reader.lastReused !== undefined) inParts++;
      }
      assert.ok(inParts > 20, `read in parts after ${inParts} of 100 edits`);
    });
  }

  for (const name of OPERATOR_TLS_SAMPLES) {
    it(`${name}: several documents are parsed whole, the same tree`, () => {
      const text = k8sFile(name);
      const reader = warmReader(text);
      assertSameAsWhole(reader, text, name);
      assert.equal(reader.lastReused, undefined);
    });
  }

  const cases: { name: string; text: string; whole: boolean }[] = [
    { name: 'an anchor and its alias in different parts', text: 'a: &x 1\nb: *x\n', whole: true },
    { name: 'an anchor alone', text: 'a: &x 1\nb: 2\n', whole: true },
    { name: 'a repeated top-level key (both kept, as whole)', text: 'a: 1\nb: 2\na: 3\n', whole: false },
    { name: 'a directive', text: '%YAML 1.2\n---\na: 1\nb: 2\n', whole: true },
    { name: 'a syntax error', text: 'a: [1,\nb: 2\n', whole: true },
    { name: 'plain parts with lists, flow and block scalars, CRLF', text: 'a:\r\n- 1\r\nb: {x: 1}\r\nc: |\r\n  text\r\n', whole: false },
  ];
  for (const { name, text, whole } of cases) {
    it(`${name}: ${whole ? 'parsed whole' : 'read in parts'}, the same tree`, () => {
      const reader = warmReader(text);
      assertSameAsWhole(reader, text, name);
      assert.equal(reader.lastReused === undefined, whole);
    });
  }
});
