import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TextEdit } from '../../../src/core/rules/fixes';
import { composeFixesFor, fixesFor } from '../../../src/core/rules/fixes';
import { lineContext } from '../../../src/core/rules/lookup';
import { check, codes, docsCompose, withCompose } from './ruleHelpers';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

async function fixed(text: string, code: string, which = 0): Promise<string> {
  const finding = (await check(text)).find((candidate) => candidate.code === code);
  assert.ok(finding?.data, `no ${code} with data`);
  const fix = fixesFor(text, finding.data, finding.range)[which];
  assert.ok(fix);
  return apply(text, fix.edits);
}

describe('quick fixes', () => {
  it('sets tlsMode', async () => {
    const text = 'common:\n  security:\n    tlsMode: "1.0"\nproxy:\n  http:\n    enabled: false\n';
    // The quotes stay (the engine keeps a value's style): "1" is an integer to Go's strconv.Atoi.
    const result = await fixed(text, 'tls-mode-not-integer');
    assert.equal(result, 'common:\n  security:\n    tlsMode: "1"\nproxy:\n  http:\n    enabled: false\n');
    assert.ok(!codes(await check(result)).includes('tls-mode-not-integer'));
  });

  it('sets an empty proxy.http.port, or turns REST off', async () => {
    const text =
      'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /a.pem\n  serverKeyPath: /a.key\nproxy:\n  http:\n    enabled: true\n    port:  # high-level restful api\n';
    const withPort = await fixed(text, 'rest-port-shared-with-tls');
    assert.match(withPort, /\n {4}port: 8080 {2}# high-level restful api\n/);
    assert.deepEqual(codes(await check(withPort), 'warning'), []);
    assert.match(await fixed(text, 'rest-port-shared-with-tls', 1), /enabled: false/);
  });

  it('adds proxy.http.port under an existing proxy block', async () => {
    const text =
      'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /a.pem\n  serverKeyPath: /a.key\nproxy:\n  port: 19530\nquotaAndLimits:\n  enabled: true\n';
    const result = await fixed(text, 'rest-port-shared-with-tls');
    assert.equal(
      result,
      'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /a.pem\n  serverKeyPath: /a.key\nproxy:\n  port: 19530\n  http:\n    port: 8080\nquotaAndLimits:\n  enabled: true\n',
    );
    assert.deepEqual(codes(await check(result), 'warning'), []);
  });

  it('adds a missing key into the tls block', async () => {
    const text = 'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /a.pem\nproxy:\n  http:\n    enabled: false\n';
    const result = await fixed(text, 'required-path-missing');
    assert.match(result, /tls:\n {2}serverPemPath: \/a.pem\n {2}serverKeyPath: \/milvus\/tls\/server.key\nproxy:/);
  });

  it('moves tls out of common', async () => {
    const text =
      'common:\n  security:\n    tlsMode: 1\n  tls:\n    serverPemPath: /c/s.pem\n    serverKeyPath: /c/s.key\nproxy:\n  http:\n    port: 8080\n';
    const result = await fixed(text, 'misplaced-block');
    assert.equal(
      result,
      'common:\n  security:\n    tlsMode: 1\nproxy:\n  http:\n    port: 8080\ntls:\n  serverPemPath: /c/s.pem\n  serverKeyPath: /c/s.key\n',
    );
    assert.deepEqual(codes(await check(result), 'warning'), []);
  });

  it('renames typos and tlsEnabled', async () => {
    assert.equal(await fixed('tls:\n  serverPemPth: a.pem\n', 'unknown-key'), 'tls:\n  serverPemPath: a.pem\n');
    assert.equal(await fixed('common:\n  security:\n    tlsEnabled: true\n', 'obsolete-key'), 'common:\n  security:\n    tlsMode: 1\n');
  });
});

describe('lineContext', () => {
  it('reads parents from indentation while typing', () => {
    const text = 'common:\n  # comment\n  security:\n    tlsMo';
    assert.deepEqual(lineContext(text, text.length), {
      parents: ['common', 'security'],
      valueOfKey: undefined,
      prefix: 'tlsMo',
      indent: 4,
      lineStart: text.lastIndexOf('\n') + 1,
    });
    const value = 'tls:\n  serverPemPath: /mil';
    const context = lineContext(value, value.length);
    assert.deepEqual([context.parents, context.valueOfKey, context.prefix], [['tls'], 'serverPemPath', '/mil']);
  });
});

describe('compose fixes', () => {
  it('appends a volume in the list indentation, or adds the key', async () => {
    const compose = docsCompose();
    const result = apply(
      compose,
      composeFixesFor(compose, {
        fix: 'add-volume',
        composeFile: 'docker-compose.yml',
        service: 'standalone',
        hostPath: './certs',
        containerPath: '/certs',
      }),
    );
    assert.ok(result.endsWith('/milvus/configs/milvus.yaml\n      - ./certs:/certs:ro\n'));
    const bare = 'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n';
    assert.equal(
      apply(
        bare,
        composeFixesFor(bare, {
          fix: 'add-volume',
          composeFile: 'docker-compose.yml',
          service: 'standalone',
          hostPath: './certs',
          containerPath: '/certs',
        }),
      ),
      'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    volumes:\n      - ./certs:/certs:ro\n',
    );
    // The new mount makes the path a workspace file.
    const config =
      'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /certs/server.pem\n  serverKeyPath: /certs/server.key\nproxy:\n  http:\n    port: 8080\n';
    const before = await check(config, { ...withCompose(compose), files: {} });
    assert.deepEqual(
      before.map((finding) => finding.data?.fix),
      ['add-volume', 'add-volume'],
    );
    assert.deepEqual(
      (await check(config, { ...withCompose(result), files: {} })).map((finding) => finding.code),
      ['file-not-found', 'file-not-found'],
    );
  });
});
