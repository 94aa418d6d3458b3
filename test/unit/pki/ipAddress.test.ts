import assert from 'node:assert/strict';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { describe, it } from 'node:test';
import { ipAddressBytes, isIpAddress, isZonedIpv6Address } from '../../../src/core/x509/ipAddress';

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

/** A small seeded generator, so a failure names a reproducible input. */
function* candidateAddresses(count: number): Generator<string> {
  const pieces = ['', '0', '1', 'a', 'fe80', 'FFFF', '0db8', '12345', 'g1', '1.2.3.4', '10.0.0.255', '01.2.3.4', '256.1.1.1', '1.2.3'];
  let seed = 20_261_130;
  const next = (below: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const length = next(10);
    for (let j = 0; j < length; j++) parts.push(pieces[next(pieces.length)] ?? '');
    let text = parts.join(':');
    // Sometimes a "::" at a random place, sometimes a zone.
    if (next(2) === 0) {
      const at = next(text.length + 1);
      text = `${text.slice(0, at)}::${text.slice(at)}`;
    }
    if (next(6) === 0) text += ['%eth0', '%', '%1', '%a b'][next(4)] ?? '';
    yield text;
  }
}

describe('IPv6 parsing agrees with node:net and inet_pton', () => {
  it('accepts exactly what isIPv6 accepts (zoned addresses apart), on 30,000 generated strings', () => {
    let valid = 0;
    for (const text of candidateAddresses(30_000)) {
      const node = isIPv6(text);
      assert.equal(isIpAddress(text), (node && !text.includes('%')) || isIPv4(text), `isIpAddress(${JSON.stringify(text)})`);
      assert.equal(isZonedIpv6Address(text), node && text.includes('%'), `isZonedIpv6Address(${JSON.stringify(text)})`);
      if (node) valid++;
    }
    assert.ok(valid > 1000, `the generator made only ${valid} valid addresses`);
  });

  it('accepts exactly the IPv4 literals isIPv4 accepts', () => {
    for (let n = 0; n <= 300; n++) {
      for (const text of [`${n}.0.0.1`, `1.${n}.2.3`, `0${n}.1.1.1`, `1.1.1.${n}`, `${n}.1.1`, `1.1.1.${n}.`]) {
        assert.equal(isIpAddress(text), isIPv4(text), text);
      }
    }
  });

  it('gives the bytes inet_pton gives (checked through a BlockList)', () => {
    for (const text of candidateAddresses(30_000)) {
      if (!isIPv6(text) || text.includes('%')) continue;
      const bytes = ipAddressBytes(text);
      assert.ok(bytes, text);
      const expanded = (bytes.toString('hex').match(/.{4}/g) ?? []).join(':');
      const list = new BlockList();
      list.addAddress(text, 'ipv6');
      assert.ok(list.check(expanded, 'ipv6'), `${text} is not ${expanded}`);
    }
  });
});
