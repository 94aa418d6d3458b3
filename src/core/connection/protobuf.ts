// Just enough protobuf to read GetVersionResponse without .proto files or protobufjs:
//   GetVersionResponse { common.Status status = 1; string version = 2; }
//   common.Status { ErrorCode error_code = 1; string reason = 2; int32 code = 3; ... }

export interface ProtoField {
  tag: number;
  wireType: number;
  /** Varints (as numbers: the fields read here are small), or the bytes of length-delimited fields. */
  value: number | Buffer;
}

function readVarint(buffer: Buffer, offset: number): [number, number] {
  let result = 0;
  let multiplier = 1;
  for (let i = offset; i < buffer.length && i < offset + 10; i++) {
    const byte = buffer[i] ?? 0;
    result += (byte & 0x7f) * multiplier;
    multiplier *= 128;
    if ((byte & 0x80) === 0) return [result, i + 1];
  }
  throw new Error('truncated varint');
}

/** Top-level fields of a message, in order. Unknown wire types (groups) stop the read with an error. */
export function readFields(buffer: Buffer): ProtoField[] {
  const fields: ProtoField[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const [key, afterKey] = readVarint(buffer, offset);
    const tag = Math.floor(key / 8);
    const wireType = key % 8;
    if (wireType === 0) {
      const [value, next] = readVarint(buffer, afterKey);
      fields.push({ tag, wireType, value });
      offset = next;
    } else if (wireType === 2) {
      const [length, start] = readVarint(buffer, afterKey);
      if (start + length > buffer.length) throw new Error('truncated field');
      fields.push({ tag, wireType, value: buffer.subarray(start, start + length) });
      offset = start + length;
    } else if (wireType === 1 || wireType === 5) {
      const size = wireType === 1 ? 8 : 4;
      fields.push({ tag, wireType, value: buffer.subarray(afterKey, afterKey + size) });
      offset = afterKey + size;
    } else {
      throw new Error(`unsupported wire type ${wireType}`);
    }
  }
  return fields;
}

export interface MilvusStatus {
  /** The deprecated ErrorCode enum (0 = Success). */
  errorCode: number;
  reason: string;
  /** The newer int32 code (0 = Success). */
  code: number;
}

export interface GetVersionResponse {
  status: MilvusStatus | undefined;
  version: string | undefined;
}

function text(field: ProtoField | undefined): string | undefined {
  return field && Buffer.isBuffer(field.value) ? field.value.toString('utf8') : undefined;
}

function varint(field: ProtoField | undefined): number {
  // int32 negatives arrive as 10-byte two's-complement varints; fold them back.
  const value = field && typeof field.value === 'number' ? field.value : 0;
  return value >= 2 ** 31 ? value - 2 ** 64 : value;
}

export function decodeStatus(buffer: Buffer): MilvusStatus {
  const fields = readFields(buffer);
  return {
    errorCode: varint(fields.find((f) => f.tag === 1)),
    reason: text(fields.find((f) => f.tag === 2)) ?? '',
    code: varint(fields.find((f) => f.tag === 3)),
  };
}

export function decodeGetVersionResponse(buffer: Buffer): GetVersionResponse {
  const fields = readFields(buffer);
  const status = fields.find((f) => f.tag === 1 && Buffer.isBuffer(f.value));
  return {
    status: status && Buffer.isBuffer(status.value) ? decodeStatus(status.value) : undefined,
    version: text(fields.find((f) => f.tag === 2)),
  };
}
