import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipAddressBytes } from '../../../src/core/x509/ipAddress';

describe('ipAddressBytes (iPAddress SAN contents)', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', '7f000001'],
    ['10.0.0.5', '0a000005'],
    ['::1', '00000000000000000000000000000001'],
    ['::', '00000000000000000000000000000000'],
    ['fe80::1', 'fe800000000000000000000000000001'],
    ['2001:db8::8a2e:370:7334', '20010db80000000000008a2e03707334'],
    ['2001:db8:0:0:1:0:0:1', '20010db8000000000001000000000001'],
    ['::ffff:10.0.0.1', '00000000000000000000ffff0a000001'],
    ['1::', '00010000000000000000000000000000'],
  ];
  for (const [text, hex] of cases) {
    it(`encodes ${text}`, () => assert.equal(ipAddressBytes(text)?.toString('hex'), hex));
  }
  it('returns undefined for names and zoned addresses', () => {
    for (const text of ['localhost', '1.2.3', 'fe80::1%eth0', '']) assert.equal(ipAddressBytes(text), undefined);
  });
});
