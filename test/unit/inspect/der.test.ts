import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DerError, decodeOid, decodeTime, derChildren, readDer, Tag } from '../../../src/core/x509/der';
import { splitPem } from '../../../src/core/inspect/pem';

function tlv(tag: number, contents: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag, contents.length]), contents]);
}

describe('DER reader', () => {
  it('decodes OIDs, including multi-byte arcs', () => {
    assert.equal(decodeOid(Buffer.from('2a864886f70d01010b', 'hex')), '1.2.840.113549.1.1.11');
    assert.equal(decodeOid(Buffer.from('551d11', 'hex')), '2.5.29.17');
    assert.equal(decodeOid(Buffer.from('2b6570', 'hex')), '1.3.101.112');
  });

  it('maps UTCTime years 50-99 to 19xx and 00-49 to 20xx, and reads GeneralizedTime', () => {
    const utc = (text: string): Date => decodeTime(readDer(tlv(Tag.utcTime, Buffer.from(text))));
    assert.equal(utc('491231235959Z').toISOString(), '2049-12-31T23:59:59.000Z');
    assert.equal(utc('500101000000Z').toISOString(), '1950-01-01T00:00:00.000Z');
    const general = decodeTime(readDer(tlv(Tag.generalizedTime, Buffer.from('21000101000000Z'))));
    assert.equal(general.toISOString(), '2100-01-01T00:00:00.000Z');
  });

  it('throws DerError on truncated or indefinite-length input', () => {
    assert.throws(() => readDer(Buffer.from([0x30])), DerError);
    assert.throws(() => readDer(Buffer.from([0x30, 0x05, 0x01])), DerError);
    assert.throws(() => readDer(Buffer.from([0x30, 0x80, 0x00, 0x00])), DerError);
    assert.throws(() => readDer(Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1])), DerError);
  });

  it("throws DerError when a constructed element's contents are not whole elements", () => {
    // A SEQUENCE whose INTEGER runs past it; one whose INTEGER is followed by a stray byte.
    assert.throws(() => readDer(Buffer.from([0x30, 0x03, 0x02, 0x02, 0x05, 0x06])), DerError);
    assert.throws(() => readDer(Buffer.from([0x30, 0x04, 0x02, 0x01, 0x05, 0x00])), DerError);
  });

  it('bounds the nesting it walks (hostile bytes), and reads deep but sane nesting', () => {
    const nest = (depth: number): Buffer => {
      let node = Buffer.from([0x05, 0x00]);
      for (let level = 0; level < depth; level++) {
        node = Buffer.concat([Buffer.from([0x30, 0x82, node.length >> 8, node.length & 0xff]), node]);
      }
      return node;
    };
    assert.throws(() => readDer(nest(2000)), DerError);
    let node = readDer(nest(20));
    for (let level = 0; level < 20; level++) node = derChildren(node)[0]!;
    assert.equal(node.tagNumber, Tag.null);
  });

  it('hands out views into the input: contents and the exact encoding, children laid over the bytes', () => {
    const inner = Buffer.from([0x02, 0x01, 0x07, 0x04, 0x02, 0xab, 0xcd]);
    const input = Buffer.concat([Buffer.from([0xff]), Buffer.from([0x30, inner.length]), inner]);
    const sequence = readDer(input, 1);
    assert.equal(sequence.encodedLength, 9);
    assert.ok(sequence.encoded.equals(input.subarray(1)));
    const [integer, octets] = derChildren(sequence);
    assert.deepEqual([...integer!.contents], [0x07]);
    assert.deepEqual([...octets!.contents], [0xab, 0xcd]);
    assert.equal(octets!.encoded.buffer, input.buffer, 'a view, not a copy');
  });
});

describe('PEM splitter', () => {
  const body = Buffer.from('hello world, this is not DER but base64 is base64').toString('base64');

  it('finds blocks between other text, with 0-based line ranges and legacy headers', () => {
    const text = [
      'subject=CN = x', // openssl -text style preamble
      '-----BEGIN RSA PRIVATE KEY-----',
      'Proc-Type: 4,ENCRYPTED',
      'DEK-Info: AES-128-CBC,0011',
      '',
      body,
      '-----END RSA PRIVATE KEY-----',
      '-----BEGIN CERTIFICATE-----',
      body,
      '-----END CERTIFICATE-----',
    ].join('\r\n');
    const { blocks, problems } = splitPem(text);
    assert.deepEqual(problems, []);
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0]?.label, 'RSA PRIVATE KEY');
    assert.equal(blocks[0]?.headers['Proc-Type'], '4,ENCRYPTED');
    assert.deepEqual(blocks[0]?.range, { startLine: 1, endLine: 6 });
    assert.deepEqual(blocks[1]?.range, { startLine: 7, endLine: 9 });
  });

  it('reports a block without END, and one with the wrong END, as truncated', () => {
    const missingEnd = splitPem(`-----BEGIN CERTIFICATE-----\n${body}\n`);
    assert.equal(missingEnd.problems[0]?.kind, 'truncated');
    const cutAndRestarted = splitPem(
      `-----BEGIN CERTIFICATE-----\n${body.slice(0, 8)}\n-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    );
    assert.equal(cutAndRestarted.problems.length, 1);
    assert.equal(cutAndRestarted.blocks.length, 1);
    const wrongEnd = splitPem(`-----BEGIN CERTIFICATE-----\n${body}\n-----END PRIVATE KEY-----\n`);
    assert.match(wrongEnd.problems[0]?.message ?? '', /END PRIVATE KEY/);
  });

  it('reports corrupted base64 and empty bodies', () => {
    assert.equal(
      splitPem(`-----BEGIN CERTIFICATE-----\n${body.slice(0, 10)}!!${body.slice(12)}\n-----END CERTIFICATE-----`).problems[0]?.kind,
      'bad-base64',
    );
    assert.equal(splitPem(`-----BEGIN CERTIFICATE-----\n${body.slice(1)}\n-----END CERTIFICATE-----`).problems[0]?.kind, 'bad-base64');
    assert.equal(splitPem('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----').problems[0]?.kind, 'bad-base64');
  });
});
