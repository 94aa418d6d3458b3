// The small pieces that turn a hostile server's answer into a diagnosis instead of a crash.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeGrpcMessage } from '../../../src/core/connection/grpcPortProbe';
import { H2_PREFACE, isSettingsFrame } from '../../../src/core/connection/tlsHandshake';
import { reportText } from '../../../src/core/visibleText';

describe('hostile answers', () => {
  it('decodes grpc-message, and keeps a broken percent-encoding as it came', () => {
    assert.equal(decodeGrpcMessage('no%20route'), 'no route');
    assert.equal(decodeGrpcMessage('%E0%A4%A'), '%E0%A4%A');
  });

  it('tells an HTTP/2 SETTINGS frame from anything else', () => {
    assert.ok(isSettingsFrame(H2_PREFACE.subarray(24)));
    assert.ok(isSettingsFrame(Buffer.from([0, 0, 6, 4, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 100])));
    assert.ok(!isSettingsFrame(Buffer.from([0, 0, 5, 4, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5])), 'length not a multiple of 6');
    assert.ok(!isSettingsFrame(Buffer.from([0, 0, 0, 4, 1, 0, 0, 0, 0])), 'an ACK is no preface');
    assert.ok(!isSettingsFrame(Buffer.from('HTTP/1.1 400 Bad Request\r\n', 'latin1')));
  });

  it('quotes server text with control characters visible and a bound on its length', () => {
    assert.equal(reportText('\u001b[2Jok\u0007'), '\u241b[2Jok\u2407');
    assert.equal(reportText('x'.repeat(12), 10), `${'x'.repeat(10)}… (2 more characters)`);
  });
});
