import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isBundledTestCertificatePath, isPlaceholderPath, resolveConfigPath } from '../../../src/core/config/containerPaths';
import { effectiveConfig } from '../../../src/core/config/effectiveConfig';
import { formatGoFloat, goAtoi, goParseBool } from '../../../src/core/config/goValues';
import { parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import { knownChildKeys, tlsKeyInfo, TLS_KEYS } from '../../../src/core/config/tlsKeys';
import { readTlsMode } from '../../../src/core/config/tlsMode';

describe('goAtoi (strconv.Atoi)', () => {
  const valid: [string, number][] = [
    ['1', 1],
    ['0', 0],
    ['+2', 2],
    ['-1', -1],
    ['007', 7],
    ['2147483647', 2147483647],
  ];
  for (const [text, value] of valid) it(`"${text}" → ${value}`, () => assert.deepEqual(goAtoi(text), { value, valid: true }));
  for (const text of [' 1', '1 ', '1.0', 'true', 'one', '', '0x1', '1_0', '9223372036854775808']) {
    it(`"${text}" is invalid and reads as 0`, () => assert.deepEqual(goAtoi(text), { value: 0, valid: false }));
  }
});

describe('goParseBool (strconv.ParseBool)', () => {
  it('accepts Go spellings only', () => {
    for (const text of ['1', 't', 'T', 'true', 'TRUE', 'True']) assert.deepEqual(goParseBool(text), { value: true, valid: true });
    for (const text of ['0', 'f', 'false', 'FALSE']) assert.deepEqual(goParseBool(text), { value: false, valid: true });
    for (const text of ['yes', 'on', 'tRUE', '']) assert.deepEqual(goParseBool(text), { value: false, valid: false });
  });
});

describe('formatGoFloat', () => {
  it('never uses exponent notation', () => {
    assert.equal(formatGoFloat(1), '1');
    assert.equal(formatGoFloat(1.5), '1.5');
    assert.equal(formatGoFloat(1.5e22), '15000000000000000000000');
    assert.equal(formatGoFloat(1.25e-7), '0.000000125');
    assert.equal(formatGoFloat(Infinity), '+Inf');
  });
});

describe('readTlsMode', () => {
  const modeOf = (yamlValue: string, environment?: Record<string, string>) =>
    readTlsMode(
      effectiveConfig({
        milvusYaml: parseMilvusConfig(`common:\n  security:\n    tlsMode: ${yamlValue}\n`),
        ...(environment ? { environment } : {}),
      }),
    );
  it('reads 0, 1 and 2', () => {
    assert.deepEqual([modeOf('1').mode, modeOf('1').valid, modeOf('1').known], [1, true, true]);
    assert.equal(modeOf('2').mode, 2);
  });
  it('reads non-integers as 0, invalid (Milvus falls back silently)', () => {
    for (const value of ['"1.0"', 'true', 'yes', '" 1"', 'one', '"1 "']) {
      const read = modeOf(value);
      assert.deepEqual([read.mode, read.valid], [0, false], value);
    }
    assert.equal(modeOf('true').raw, 'true');
  });
  it('follows yaml.v2: a plain 1.0 is the float 1, which Milvus reads as "1"', () => {
    assert.deepEqual([modeOf('1.0').mode, modeOf('1.0').valid, modeOf('1.0').raw], [1, true, '1']);
  });
  it('keeps other integers and says they are unknown modes', () => {
    assert.deepEqual([modeOf('3').mode, modeOf('3').valid, modeOf('3').known], [3, true, false]);
  });
  it('defaults to 0 when the key is absent', () => {
    const read = readTlsMode(effectiveConfig({ milvusYaml: parseMilvusConfig('tls: {}\n') }));
    assert.deepEqual([read.mode, read.raw, read.valid, read.entry], [0, undefined, true, undefined]);
  });
  it('reads an environment value as the raw string (no YAML conversion)', () => {
    assert.deepEqual(
      [modeOf('0', { COMMON_SECURITY_TLSMODE: '1.0' }).mode, modeOf('0', { COMMON_SECURITY_TLSMODE: '1.0' }).valid],
      [0, false],
    );
  });
});

describe('container paths', () => {
  it('resolves relative paths against /milvus', () => {
    assert.equal(resolveConfigPath('configs/cert/server.pem'), '/milvus/configs/cert/server.pem');
    assert.equal(resolveConfigPath('./tls/../tls/ca.pem'), '/milvus/tls/ca.pem');
    assert.equal(resolveConfigPath('/certs/server.pem'), '/certs/server.pem');
  });
  it('recognises the bundled test certificates and placeholders', () => {
    assert.ok(isBundledTestCertificatePath('configs/cert/ca.pem'));
    assert.ok(isBundledTestCertificatePath('/milvus/configs/cert/server.key'));
    assert.ok(!isBundledTestCertificatePath('/milvus/tls/server.pem'));
    assert.ok(isPlaceholderPath('/path/to/public.crt'));
  });
});

describe('TLS key table', () => {
  it('finds keys in any spelling and has a description for each', () => {
    assert.equal(tlsKeyInfo('COMMON_SECURITY_TLSMODE')?.codeDefault, '0');
    assert.equal(tlsKeyInfo('kafka.ssl.tlsCACert')?.key, 'kafka.ssl.tlsCaCert');
    assert.deepEqual(
      tlsKeyInfo('common.security.tlsMode')?.allowedValues?.map((allowed) => allowed.value),
      ['0', '1', '2'],
    );
    for (const info of TLS_KEYS) assert.ok(info.description.length > 10, info.key);
    assert.equal(new Set(TLS_KEYS.map((info) => info.normalisedKey)).size, TLS_KEYS.length);
  });
  it('lists known children for did-you-mean', () => {
    assert.ok(knownChildKeys('COMMON_SECURITY')?.includes('tlsMode'));
    assert.ok(knownChildKeys('internaltls')?.includes('sni'));
    assert.equal(knownChildKeys('nothing'), undefined);
  });
});
