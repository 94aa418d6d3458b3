import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_CA_COMMON_NAME,
  DEFAULT_CLIENT_COMMON_NAME,
  defaultCertificateSetOptions,
  defaultServerSans,
} from '../../../src/core/pki/defaults';
import type { KeyType } from '../../../src/core/pki/types';
import {
  parseSanList,
  validateCertificateSetOptions,
  validateCommonName,
  validateCountry,
  validateDays,
  validateSan,
  validateSubjectText,
} from '../../../src/core/pki/validate';

describe('validateSan', () => {
  for (const good of [
    'localhost',
    'milvus.example.com',
    '*.example.com',
    'milvus-standalone',
    'milvus_proxy',
    '10.0.0.5',
    '127.0.0.1',
    '::1',
    'fe80::1',
    '2001:db8::8a2e:370:7334',
    '::ffff:10.0.0.1',
    'a'.repeat(63) + '.com',
  ]) {
    it(`accepts ${good}`, () => assert.equal(validateSan(good), undefined));
  }
  const bad: [string, RegExp][] = [
    ['', /empty/],
    ['milvus server', /space/],
    ['foo..com', /empty label/],
    ['.example.com', /empty label/],
    ['example.com.', /trailing dot/],
    ['-bad.com', /label "-bad"/],
    ['bad-.com', /label "bad-"/],
    ['ex!ample.com', /label "ex!ample"/],
    ['a*.example.com', /wildcard/],
    ['*.*.example.com', /label "\*"/],
    ['*', /wildcard/],
    ['1.2.3', /not a valid IPv4/],
    ['300.1.1.1', /not a valid IPv4/],
    ['fe80::1%eth0', /zone index/],
    ['1:2:3', /not a valid IPv6/],
    ['a'.repeat(64) + '.com', /longer than 63/],
  ];
  for (const [entry, message] of bad) {
    it(`rejects ${JSON.stringify(entry)} saying why and what is accepted`, () => {
      const problem = validateSan(entry);
      assert.ok(problem, `expected a problem for ${entry}`);
      assert.match(problem, message);
      if (entry !== '*.*.example.com' && !entry.includes('%') && entry !== 'a*.example.com' && entry !== '*') {
        assert.match(problem, /DNS name .* IPv4 .* IPv6/);
      }
    });
  }
});

describe('parseSanList', () => {
  it('splits on commas and spaces, keeps order, drops duplicates', () => {
    assert.deepEqual(parseSanList(' db.example.com, 10.0.0.5  ::1,,DB.example.com ').sans, ['db.example.com', '10.0.0.5', '::1']);
  });
  it('collects every error', () => {
    const { sans, errors } = parseSanList('ok.com, bad..com, 1.2.3');
    assert.deepEqual(sans, ['ok.com']);
    assert.equal(errors.length, 2);
  });
});

describe('subject fields', () => {
  it('requires a common name', () => {
    assert.match(validateCommonName('') ?? '', /empty.*such as localhost/);
    assert.match(validateCommonName('   ') ?? '', /empty/);
    assert.equal(validateCommonName('localhost'), undefined);
  });
  it('limits length to 64 characters and rejects control characters', () => {
    assert.equal(validateSubjectText('x'.repeat(64)), undefined);
    assert.match(validateSubjectText('x'.repeat(65)) ?? '', /65 characters long; at most 64/);
    assert.match(validateSubjectText('a\nb') ?? '', /control character/);
    assert.match(validateSubjectText(' lead') ?? '', /leading or trailing spaces/);
    assert.equal(validateSubjectText('Zürich'), undefined);
    assert.equal(validateSubjectText(undefined), undefined);
  });
  it('accepts two uppercase letters as country, or nothing', () => {
    assert.equal(validateCountry('DE'), undefined);
    assert.equal(validateCountry(''), undefined);
    assert.equal(validateCountry(undefined), undefined);
    for (const bad of ['de', 'DEU', 'D', 'D1']) assert.match(validateCountry(bad) ?? '', /two-letter ISO 3166.*such as US/);
  });
});

describe('validateDays', () => {
  it('accepts 1..36500 whole days', () => {
    for (const days of [1, 825, 36500]) assert.equal(validateDays(days), undefined);
    for (const days of [0, -1, 36501, 1.5, NaN]) assert.match(validateDays(days) ?? '', /whole number from 1 to 36500/);
  });
});

describe('validateCertificateSetOptions', () => {
  it('accepts the defaults', () => {
    assert.deepEqual(validateCertificateSetOptions(defaultCertificateSetOptions()), []);
  });
  it('lists every problem, each naming its field', () => {
    const problems = validateCertificateSetOptions(
      defaultCertificateSetOptions({
        serverCommonName: '',
        serverSans: ['bad name'],
        caDays: 0,
        leafDays: 40000,
        subject: { country: 'xx' },
      }),
    );
    assert.ok(
      problems.some((p) => p.startsWith('server common name:')),
      problems.join('\n'),
    );
    assert.ok(problems.some((p) => p.startsWith('server SAN:')));
    assert.ok(problems.some((p) => p.startsWith('CA days:')));
    assert.ok(problems.some((p) => p.startsWith('days:')));
    assert.ok(problems.some((p) => p.startsWith('country:')));
  });
  it('refuses leaves that outlive the CA, a CA named like a leaf, no SANs, and unknown key types', () => {
    const problems = validateCertificateSetOptions(
      defaultCertificateSetOptions({
        caDays: 100,
        leafDays: 200,
        caCommonName: 'localhost',
        serverSans: [],
        keyType: 'dsa' as KeyType, // as an untyped settings value could hold
      }),
    );
    assert.ok(
      problems.some((p) => /outlive the CA/.test(p)),
      problems.join('\n'),
    );
    assert.ok(problems.some((p) => /distinct name/.test(p)));
    assert.ok(problems.some((p) => /Go clients ignore the common name/.test(p)));
    assert.ok(problems.some((p) => /key type.*rsa2048/.test(p)));
  });
  it('the boundary of "outlives": as long as the CA is fine, one day longer is not', () => {
    const outlives = (leafDays: number) =>
      validateCertificateSetOptions(defaultCertificateSetOptions({ caDays: 100, leafDays })).some((p) => /outlive the CA/.test(p));
    assert.equal(outlives(100), false);
    assert.equal(outlives(101), true);
  });
});

describe('defaults', () => {
  it('puts the CN, localhost and the loopback addresses first, deduplicated, order kept', () => {
    assert.deepEqual(defaultServerSans('milvus.example.com', ['10.0.0.5', 'LOCALHOST', '10.0.0.5']), [
      'milvus.example.com',
      'localhost',
      '127.0.0.1',
      '::1',
      '10.0.0.5',
    ]);
    assert.deepEqual(defaultServerSans('localhost', []), ['localhost', '127.0.0.1', '::1']);
  });
  it('uses distinct CA and client names, RSA 2048, 3650/825 days', () => {
    const options = defaultCertificateSetOptions();
    assert.equal(options.caCommonName, DEFAULT_CA_COMMON_NAME);
    assert.equal(options.caCommonName, 'Milvus TLS CA');
    assert.equal(options.clientCommonName, DEFAULT_CLIENT_COMMON_NAME);
    assert.equal(options.clientCommonName, 'milvus-client');
    assert.equal(options.serverCommonName, 'localhost');
    assert.equal(options.keyType, 'rsa2048');
    assert.equal(options.caDays, 3650);
    assert.equal(options.leafDays, 825);
  });
  it('derives the SANs from an overridden server CN', () => {
    assert.deepEqual(defaultCertificateSetOptions({ serverCommonName: 'db.local' }).serverSans, [
      'db.local',
      'localhost',
      '127.0.0.1',
      '::1',
    ]);
  });
});
