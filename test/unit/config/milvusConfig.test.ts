import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { normaliseEnvName, normaliseKey } from '../../../src/core/config/keyNormalisation';
import { findBlocksNamed, getConfigEntry, parseMilvusConfig } from '../../../src/core/config/milvusConfig';

function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

describe('key normalisation', () => {
  it('ignores case, dots, underscores and slashes', () => {
    for (const spelling of ['common.security.tlsMode', 'common.security.TLSMode', 'COMMON_SECURITY_TLSMODE', 'common/security/tls_mode']) {
      assert.equal(normaliseKey(spelling), 'commonsecuritytlsmode', spelling);
    }
    assert.equal(normaliseKey('kafka.ssl.tlsCACert'), normaliseKey('kafka.ssl.tlsCaCert'));
  });
  it('keeps the parent: common.tls.serverPemPath is not tls.serverPemPath', () => {
    assert.notEqual(normaliseKey('common.tls.serverPemPath'), normaliseKey('tls.serverPemPath'));
  });
  it('normalises environment names, stripping a milvus. prefix', () => {
    assert.equal(normaliseEnvName('TLS_SERVERPEMPATH'), 'tlsserverpempath');
    assert.equal(normaliseEnvName('milvus.proxy.http.port'), 'proxyhttpport');
    assert.equal(normaliseKey('knowhere.Some_Key'), 'knowhere.Some_Key');
  });
});

describe('parseMilvusConfig', () => {
  it('finds keys in any spelling, with key and value ranges', () => {
    const text = 'common:\n  Security:\n    TLSMode: 2\ntls:\n  server_pem_path: /certs/server.pem\n';
    const config = parseMilvusConfig(text, '/ws/user.yaml');
    const mode = getConfigEntry(config, 'common.security.tlsMode');
    assert.deepEqual(mode?.path, ['common', 'Security', 'TLSMode']);
    assert.equal(mode?.value, '2');
    assert.equal(mode?.source, 'user.yaml');
    assert.equal(slice(text, mode.keyRange), 'TLSMode');
    assert.equal(slice(text, mode.valueRange), '2');
    assert.equal(getConfigEntry(config, 'TLS_SERVERPEMPATH')?.value, '/certs/server.pem');
  });

  it('does not match a block under the wrong parent, but lets rules find it', () => {
    const text = 'common:\n  security:\n    tlsMode: 1\n  tls:\n    serverPemPath: /certs/server.pem\n';
    const config = parseMilvusConfig(text);
    assert.equal(getConfigEntry(config, 'tls.serverPemPath'), undefined);
    assert.equal(getConfigEntry(config, 'common.tls.serverPemPath')?.value, '/certs/server.pem');
    const [misplaced] = findBlocksNamed(config, 'TLS');
    assert.deepEqual(misplaced?.path, ['common', 'tls']);
    assert.equal(slice(text, misplaced.keyRange), 'tls');
    assert.deepEqual(
      misplaced.children.map((child) => child.name),
      ['serverPemPath'],
    );
  });

  it('reads dotted keys as Milvus does (flattened with dots)', () => {
    const config = parseMilvusConfig('common.security.tlsMode: 1\nproxy:\n  http.port: 8080\n');
    assert.equal(getConfigEntry(config, 'common.security.tlsMode')?.value, '1');
    assert.equal(getConfigEntry(config, 'proxy.http.port')?.value, '8080');
  });

  it('converts scalars the way yaml.v2 and cast.ToString do', () => {
    const text = [
      'a:',
      '  plainFloat: 1.0',
      '  quotedFloat: "1.0"',
      '  yes: yes',
      '  onValue: on',
      '  octal: 017',
      '  hex: 0x1F',
      '  underscore: 1_000',
      '  tilde: ~',
      '  empty:',
      '  big: 1e21',
      '  small: 1e-7',
      '  spaced: " 1"',
      '  path: configs/cert/server.pem',
      '  list: [a, 1.0, yes]',
      '  objects:',
      '    - name: x',
      '',
    ].join('\n');
    const config = parseMilvusConfig(text);
    const value = (key: string) => getConfigEntry(config, `a.${key}`)?.value;
    assert.equal(value('plainFloat'), '1');
    assert.equal(getConfigEntry(config, 'a.plainFloat')?.rawText, '1.0');
    assert.equal(value('quotedFloat'), '1.0');
    assert.equal(getConfigEntry(config, 'a.quotedFloat')?.quoted, true);
    assert.equal(getConfigEntry(config, 'a.true')?.value, 'true', 'a plain yes key is the bool true to yaml.v2');
    assert.equal(value('onValue'), 'true');
    assert.equal(value('octal'), '15');
    assert.equal(value('hex'), '31');
    assert.equal(value('underscore'), '1000');
    assert.equal(value('tilde'), '');
    assert.equal(value('empty'), '');
    assert.equal(value('big'), '1000000000000000000000');
    assert.equal(value('small'), '0.0000001');
    assert.equal(value('spaced'), ' 1');
    assert.equal(value('path'), 'configs/cert/server.pem');
    assert.equal(value('list'), 'a,1,true');
    assert.equal(getConfigEntry(config, 'a.list')?.isScalar, false);
    assert.equal(value('objects'), '[{"name":"x"}]');
  });

  it('reports same-key duplicates, keeps the last one and drops the earlier block entirely', () => {
    const text =
      'common:\n  security:\n    tlsMode: 1\n    authorizationEnabled: true\ntls:\n  caPemPath: a\n  caPemPath: b\ncommon:\n  security:\n    tlsMode: 2\n';
    const config = parseMilvusConfig(text);
    assert.equal(getConfigEntry(config, 'common.security.tlsMode')?.value, '2');
    assert.equal(getConfigEntry(config, 'tls.caPemPath')?.value, 'b');
    // Go's yaml.v2 replaces the whole first `common:` mapping: authorizationEnabled is gone.
    assert.equal(getConfigEntry(config, 'common.security.authorizationEnabled'), undefined);
    assert.ok(config.allEntries.some((entry) => entry.shadowed && entry.path.join('.') === 'common.security.authorizationEnabled'));
    const sameKey = config.duplicates.filter((duplicate) => duplicate.kind === 'same-key');
    assert.deepEqual(sameKey.map((duplicate) => duplicate.key).sort(), ['common', 'tlscapempath']);
    const commonDuplicate = sameKey.find((duplicate) => duplicate.key === 'common')!;
    assert.deepEqual(
      commonDuplicate.keyRanges.map((range) => slice(text, range)),
      ['common', 'common'],
    );
    const warnings = config.problems.filter((problem) => problem.code === 'duplicate-key');
    assert.equal(warnings.length, 2);
    assert.equal(
      warnings.every((warning) => warning.severity === 'warning'),
      true,
    );
    const onCommon = warnings.find((warning) => warning.offset === 0)!;
    assert.match(onCommon.message, /keeps only the last one \(line 8\).*everything under it/);
  });

  it('reports equivalent spellings of one key as ambiguous', () => {
    const text = 'common:\n  security:\n    tlsMode: 1\n    TLSMode: 2\ncommon.security.tls_mode: 0\n';
    const config = parseMilvusConfig(text);
    const [duplicate] = config.duplicates;
    assert.equal(config.duplicates.length, 1);
    assert.equal(duplicate?.kind, 'equivalent-key');
    assert.deepEqual(
      duplicate.keyRanges.map((range) => slice(text, range)),
      ['tlsMode', 'TLSMode', 'common.security.tls_mode'],
    );
    assert.equal(getConfigEntry(config, 'common.security.tlsMode')?.ambiguous, true);
    assert.equal(config.problems.filter((problem) => problem.code === 'equivalent-key').length, 2);
  });

  it('expands anchors and merge keys', () => {
    const text =
      'base: &certs\n  serverPemPath: /c/server.pem\n  serverKeyPath: /c/server.key\ntls:\n  <<: *certs\n  serverKeyPath: /other.key\n';
    const config = parseMilvusConfig(text);
    assert.equal(getConfigEntry(config, 'tls.serverPemPath')?.value, '/c/server.pem');
    assert.equal(getConfigEntry(config, 'tls.serverPemPath')?.merged, true);
    assert.equal(getConfigEntry(config, 'tls.serverKeyPath')?.value, '/other.key');
    assert.deepEqual(config.duplicates, []);
  });

  it('reports broken YAML with ranges and does not throw', () => {
    const texts = [
      'common:\n  security:\n    tlsMode: [1\n',
      'tls:\n serverPemPath: a\n  serverKeyPath: b\n',
      'a: "unterminated\n',
      '\t- x\n',
      ': :\n',
    ];
    for (const text of texts) {
      const config = parseMilvusConfig(text);
      const errors = config.problems.filter((problem) => problem.severity === 'error');
      assert.ok(errors.length > 0, JSON.stringify(text));
      for (const error of errors) {
        assert.ok(
          error.offset >= 0 && error.end >= error.offset && error.end <= text.length + 1,
          `${error.code} ${error.offset}-${error.end}`,
        );
        assert.ok(error.code.length > 0);
      }
    }
  });

  it('handles an empty file and a non-mapping document', () => {
    assert.equal(parseMilvusConfig('').entries.size, 0);
    assert.deepEqual(parseMilvusConfig('# only a comment\n').problems, []);
    assert.equal(parseMilvusConfig('- a\n').problems[0]?.code, 'not-a-mapping');
  });
});
