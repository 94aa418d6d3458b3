// The YAML walkers stay bounded on hostile files: alias bombs are cut off after a fixed amount of
// expansion, self-references are refused, deep nesting stops instead of overflowing the stack, and
// each says so with a problem on the alias. The config flattener and the compose model are the two
// walkers every front (language server, CLI, Test Connection, snippets) goes through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseComposeFile } from '../../../src/core/compose';
import type { SourceProblem } from '../../../src/core/config';
import { parseMilvusConfig } from '../../../src/core/config';
import { deepAliasChain, deepNesting, flatListBomb, listOfMapsBomb, mapBomb, mergeBomb, SELF_REFERENCES } from '../../helpers/yamlBombs';

/** Far above what any of these files may produce once bounded; the unbounded walks produce millions. */
const MAX_ENTRIES = 50_000;

function limitProblem(problems: readonly SourceProblem[], code = 'yaml-alias-limit'): SourceProblem {
  const found = problems.find((problem) => problem.code === code);
  assert.ok(found, `no ${code} problem among ${JSON.stringify(problems.map((problem) => problem.code))}`);
  return found;
}

function assertOnAlias(problem: SourceProblem, text: string): void {
  assert.equal(text[problem.offset], '*', `the problem sits on "${text.slice(problem.offset, problem.offset + 10)}", not on an alias`);
}

describe('bounded YAML: the config flattener', () => {
  it('cuts a map bomb off and reports it on an alias', () => {
    const text = mapBomb();
    const config = parseMilvusConfig(text);
    assertOnAlias(limitProblem(config.problems), text);
    assert.ok(config.allEntries.length < MAX_ENTRIES, `${config.allEntries.length} entries`);
    // What comes before the bomb is still read.
    assert.equal(config.entries.get('a0tlsmode')?.value, '1');
  });

  it('resolves many aliases of one anchor in linear time, up to the bound', () => {
    const text = flatListBomb();
    const config = parseMilvusConfig(text);
    assertOnAlias(limitProblem(config.problems), text);
    assert.ok((config.entries.get('l')?.value.length ?? 0) < 2 * MAX_ENTRIES);
  });

  it('bounds the JSON of lists of mappings', () => {
    const text = listOfMapsBomb();
    const config = parseMilvusConfig(text);
    assertOnAlias(limitProblem(config.problems), text);
    assert.ok((config.entries.get('b6')?.value.length ?? 0) < 20 * MAX_ENTRIES);
    // Below the bound, aliases in a list of mappings are expanded as Go sees them.
    const small = parseMilvusConfig('m: &m {k: v}\nl: [*m, {j: *m}]\n');
    assert.equal(small.entries.get('l')?.value, '[{"k":"v"},{"j":{"k":"v"}}]');
    assert.deepEqual(small.problems, []);
  });

  it('cuts a merge-key bomb off', () => {
    const text = mergeBomb();
    const config = parseMilvusConfig(text);
    assertOnAlias(limitProblem(config.problems), text);
    assert.ok(config.allEntries.length < MAX_ENTRIES);
  });

  for (const { name, text } of SELF_REFERENCES) {
    it(`refuses ${name} as an error, without recursing`, () => {
      const config = parseMilvusConfig(text);
      const problem = limitProblem(config.problems);
      assertOnAlias(problem, text);
      assert.equal(problem.severity, 'error');
      assert.match(problem.message, /contains itself/);
    });
  }

  it('stops at a depth bound instead of overflowing the stack, through aliases or written out', () => {
    // A chain of aliases nests one level per alias; walking it from each anchor costs the square of its length.
    const chain = deepAliasChain();
    const chainProblem = parseMilvusConfig(chain).problems.find((problem) => /^yaml-(alias|depth)-limit$/.test(problem.code));
    assert.ok(chainProblem, 'the alias chain is not bounded');
    assertOnAlias(chainProblem, chain);
    const nested = parseMilvusConfig(deepNesting(150));
    assert.ok(nested.problems.some((problem) => problem.code === 'yaml-depth-limit'));
    assert.ok(nested.allEntries.length === 0);
    // Warm up the parser so that it nests as deep as it ever will, as a language server does: past
    // its own limit it reports RESOURCE_EXHAUSTION, and the walk must not go deeper than it did.
    for (let round = 0; round < 3; round++) {
      const config = parseMilvusConfig(deepNesting());
      assert.ok(config.problems.some((problem) => problem.severity === 'error'));
      assert.ok(config.problems.some((problem) => problem.code === 'yaml-depth-limit'));
    }
  });

  it('leaves ordinary anchors, aliases and merges alone', () => {
    const config = parseMilvusConfig(
      'x: &tls {serverPemPath: /a.pem}\ntls:\n  <<: *tls\n  serverKeyPath: /a.key\nports: &p [1, 2]\nother: *p\n',
    );
    assert.deepEqual(config.problems, []);
    assert.equal(config.entries.get('tlsserverpempath')?.value, '/a.pem');
    assert.equal(config.entries.get('other')?.value, '1,2');
  });
});

describe('bounded YAML: the compose model', () => {
  const service = (environment: string): string =>
    `services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    environment: ${environment}\n`;

  it('cuts a merge-key bomb in an environment off, and still reads the service', () => {
    const text = `${mergeBomb()}${service('*e6')}`;
    const compose = parseComposeFile(text);
    assertOnAlias(limitProblem(compose.errors), text);
    assert.equal(compose.services[0]?.image, 'milvusdb/milvus:v2.5.27');
    assert.ok((compose.services[0]?.environment.length ?? 0) < MAX_ENTRIES);
  });

  it('resolves a long list of aliases in linear time, up to the bound', () => {
    const text = `x: &a "A=1"\n${service(`[${Array.from({ length: 20_000 }, () => '*a').join(', ')}]`)}`;
    const compose = parseComposeFile(text);
    assertOnAlias(limitProblem(compose.errors), text);
    assert.ok((compose.services[0]?.environment.length ?? 0) <= 20_000);
  });

  it('refuses a service that merges itself', () => {
    const text = 'services:\n  standalone: &s\n    image: milvusdb/milvus:v2.5.27\n    <<: *s\n';
    const compose = parseComposeFile(text);
    assertOnAlias(limitProblem(compose.errors), text);
    assert.equal(compose.services[0]?.image, 'milvusdb/milvus:v2.5.27');
  });
});
