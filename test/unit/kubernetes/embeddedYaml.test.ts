import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseMilvusConfig } from '../../../src/core/config';
import { embeddedMapping, embeddedScalar, parseManifestFile } from '../../../src/core/kubernetes';
import { at, child } from '../../../src/core/kubernetes/yamlNodes';

function userYaml(text: string) {
  const file = parseManifestFile(text);
  const doc = file.documents[0];
  assert.ok(doc);
  const value = at(doc.root, 'extraConfigFiles', 'user.yaml');
  assert.ok(value);
  return embeddedScalar(text, value, '  ', '  ');
}

/** Every leaf the embedded model finds sits, in the OUTER text, at a key of that name. */
function assertExactPositions(outer: string, embeddedText: string): void {
  const config = parseMilvusConfig(embeddedText);
  assert.ok(config.allEntries.length > 0);
  for (const entry of config.allEntries) {
    assert.equal(outer.slice(entry.keyRange.start, entry.keyRange.end), entry.path[entry.path.length - 1]);
    if (entry.valueRange.end > entry.valueRange.start) {
      assert.equal(outer.slice(entry.valueRange.start, entry.valueRange.end), entry.rawText);
    }
  }
}

const BODY = [
  '    tls:',
  '      serverPemPath: /certs/server.pem',
  '',
  '    # a comment',
  '    common:',
  '      security:',
  '        tlsMode: 1',
];

describe('YAML embedded in a values file or a CR, parsed in place', () => {
  for (const header of ['|', '|-', '|+', '|2', '|+2']) {
    for (const eol of ['\n', '\r\n']) {
      it(`user.yaml: ${header} with ${eol === '\n' ? 'LF' : 'CRLF'}: the same config as the decoded string, at the outer offsets`, () => {
        const outer = [
          'cluster:',
          '  enabled: false',
          'extraConfigFiles:',
          `  user.yaml: ${header}`,
          ...BODY,
          '',
          '',
          '# after',
          'attu:',
          '  enabled: false',
          '',
        ].join(eol);
        const embedded = userYaml(outer);
        assert.equal(embedded.style, 'literal');
        assert.equal(embedded.positionsExact, true);
        assert.equal(embedded.indent, '    ');
        const decoded = (parse(outer) as { extraConfigFiles: Record<string, string> }).extraConfigFiles['user.yaml'] ?? '';
        const fromDecoded = parseMilvusConfig(decoded);
        const fromEmbedded = parseMilvusConfig(embedded.text);
        assert.deepEqual(
          [...fromEmbedded.entries.values()].map((entry) => [entry.key, entry.value]),
          [...fromDecoded.entries.values()].map((entry) => [entry.key, entry.value]),
        );
        assertExactPositions(outer, embedded.text);
        assert.ok(outer.slice(embedded.region.start, embedded.region.end).trimEnd().endsWith('tlsMode: 1'));
      });
    }
  }

  it('a YAML error inside the block is reported where it is', () => {
    const outer = 'extraConfigFiles:\n  user.yaml: |\n    tls:\n      serverPemPath: /a\n     common: 1\n';
    const config = parseMilvusConfig(userYaml(outer).text);
    const error = config.problems.find((problem) => problem.severity === 'error');
    assert.ok(error);
    assert.equal(outer.slice(0, error.offset).split('\n').length, 5);
  });

  it('a folded (>) block joins lines as YAML does, and says where', () => {
    const outer =
      'extraConfigFiles:\n  user.yaml: >\n    tls:\n      serverPemPath: /a\n    proxy:\n      http:\n        port: 8080\n    a: 1\n    b: 2\n';
    const embedded = userYaml(outer);
    assert.equal(embedded.style, 'folded');
    assert.equal(embedded.folds.length, 1);
    assert.equal(outer.slice(0, embedded.folds[0]?.start).split('\n').length, 8);
    const decoded = (parse(outer) as { extraConfigFiles: Record<string, string> }).extraConfigFiles['user.yaml'] ?? '';
    assert.match(decoded, /a: 1 b: 2/);
    const config = parseMilvusConfig(embedded.text);
    assert.ok(
      config.problems.some((problem) => problem.severity === 'error'),
      'a: 1 b: 2 is not YAML, as for Milvus',
    );
    assert.equal(config.entries.get('proxyhttpport')?.value, '8080');
    assert.ok(embedded.notEditable);
  });

  it('quoted and empty values', () => {
    const quoted = userYaml('extraConfigFiles:\n  user.yaml: "common:\\n  security:\\n    tlsMode: 2\\n"\n');
    assert.equal(quoted.style, 'quoted');
    assert.equal(quoted.positionsExact, false);
    assert.equal(parseMilvusConfig(quoted.text).entries.get('commonsecuritytlsmode')?.value, '2');
    for (const empty of [
      'extraConfigFiles:\n  user.yaml:\n',
      'extraConfigFiles:\n  user.yaml: ""\n',
      'extraConfigFiles:\n  user.yaml: |\n',
    ]) {
      const embedded = userYaml(empty);
      assert.equal(embedded.style === 'empty' || embedded.text.trim() === '', true, empty);
      assert.equal(embedded.indent, '    ');
    }
  });

  it('a CR spec.config mapping, block or flow', () => {
    const outer =
      'apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: m\nspec:\n  config:\n    # comment\n    common:\n      security:\n        tlsMode: 1\n    tls:\n      serverPemPath: /certs/tls.crt\n  components: {}\n';
    const doc = parseManifestFile(outer).documents[0];
    assert.ok(doc);
    const embedded = embeddedMapping(outer, child(child(doc.root, 'spec'), 'config'), '  ', '  ');
    assert.equal(embedded.style, 'block-mapping');
    assert.equal(embedded.indent, '    ');
    assertExactPositions(outer, embedded.text);
    assert.doesNotMatch(outer.slice(embedded.region.start, embedded.region.end), /components/);
    const flow = 'spec:\n  config: {}\n';
    const flowDoc = parseManifestFile(flow).documents[0];
    const flowEmbedded = embeddedMapping(flow, child(child(flowDoc?.root, 'spec'), 'config'), '  ', '  ');
    assert.equal(flowEmbedded.style, 'flow-mapping');
    assert.equal(flowEmbedded.notEditable, undefined);
    assert.equal(parseMilvusConfig(flowEmbedded.text).entries.size, 0);
  });

  it('in the second document of a multi-document file', () => {
    const outer =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n---\napiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: m\nspec:\n  config:\n    common:\n      security:\n        tlsMode: 2\n';
    const doc = parseManifestFile(outer).documents[1];
    const embedded = embeddedMapping(outer, child(child(doc?.root, 'spec'), 'config'), '  ', '  ');
    assertExactPositions(outer, embedded.text);
    assert.equal(parseMilvusConfig(embedded.text).entries.get('commonsecuritytlsmode')?.value, '2');
  });
});
