import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeGetVersionResponse } from '../../../src/core/connection/protobuf';
import { encodeGetVersionResponse } from '../../helpers/servers/milvusGrpcServer';

describe('GetVersionResponse decoding', () => {
  it('reads the version and an empty (successful) status', () => {
    assert.deepEqual(decodeGetVersionResponse(encodeGetVersionResponse('v2.6.20')), {
      status: { errorCode: 0, reason: '', code: 0 },
      version: 'v2.6.20',
    });
  });
  it('reads an error status: error_code 1, reason 2, code 3, skipping unknown fields', () => {
    // status { error_code: 1, reason: "boom", code: 1800, retriable(4): true }, extra field 7 (fixed32)
    const status = Buffer.from([0x08, 0x01, 0x12, 0x04, ...Buffer.from('boom'), 0x18, 0x88, 0x0e, 0x20, 0x01]);
    const message = Buffer.concat([Buffer.from([0x0a, status.length]), status, Buffer.from([0x3d, 1, 2, 3, 4])]);
    assert.deepEqual(decodeGetVersionResponse(message), { status: { errorCode: 1, reason: 'boom', code: 1800 }, version: undefined });
  });
  it('reads an empty response and rejects a truncated one', () => {
    assert.deepEqual(decodeGetVersionResponse(Buffer.alloc(0)), { status: undefined, version: undefined });
    assert.throws(() => decodeGetVersionResponse(Buffer.from([0x12, 0x05, 0x61])));
  });
});
