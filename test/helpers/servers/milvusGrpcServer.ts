// A stand-in for the Milvus proxy's external gRPC listener: MilvusService/GetVersion only, with the
// proxy's TLS settings (see milvusServerCredentials.ts) and, optionally, its authentication
// interceptor's answer to a call without credentials (UNAUTHENTICATED, facts §3.3).
import * as grpc from '@grpc/grpc-js';
import type { MilvusTlsMode, ServerTlsFiles } from './milvusServerCredentials';
import { milvusServerCredentials } from './milvusServerCredentials';

export const TEST_MILVUS_VERSION = 'v2.5.27-test';

function encodeLengthDelimited(tag: number, payload: Buffer): Buffer {
  const header: number[] = [(tag << 3) | 2];
  let length = payload.length;
  while (length >= 0x80) {
    header.push((length & 0x7f) | 0x80);
    length >>>= 7;
  }
  header.push(length);
  return Buffer.concat([Buffer.from(header), payload]);
}

/** GetVersionResponse { Status status = 1 (empty = Success); string version = 2 }, by hand. */
export function encodeGetVersionResponse(version: string): Buffer {
  return Buffer.concat([encodeLengthDelimited(1, Buffer.alloc(0)), encodeLengthDelimited(2, Buffer.from(version, 'utf8'))]);
}

const identity = (buffer: Buffer): Buffer => buffer;

const MILVUS_SERVICE: grpc.ServiceDefinition = {
  GetVersion: {
    path: '/milvus.proto.milvus.MilvusService/GetVersion',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};

export interface GrpcServerOptions {
  mode: MilvusTlsMode;
  files?: ServerTlsFiles;
  /** When set, calls must carry `authorization: base64(this)`, as with authorizationEnabled. */
  requiredToken?: string;
  /** Called with every call's metadata before it is answered: tests record what a client sent. */
  onCall?: (metadata: grpc.Metadata) => void;
  /** Listen on this port (a restart, as Milvus restarts with new certificates); any free one by default. */
  port?: number;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startMilvusGrpcServer(options: GrpcServerOptions): Promise<RunningServer> {
  const server = new grpc.Server();
  const getVersion: grpc.handleUnaryCall<Buffer, Buffer> = (call, callback) => {
    options.onCall?.(call.metadata);
    if (options.requiredToken !== undefined) {
      const sent = call.metadata.get('authorization')[0];
      if (sent === undefined) {
        callback({ code: grpc.status.UNAUTHENTICATED, details: 'missing authorization in header' });
        return;
      }
      if (String(sent) !== Buffer.from(options.requiredToken).toString('base64')) {
        callback({ code: grpc.status.UNAUTHENTICATED, details: 'auth check failure, please check username and password are correct' });
        return;
      }
    }
    callback(null, encodeGetVersionResponse(TEST_MILVUS_VERSION));
  };
  server.addService(MILVUS_SERVICE, { GetVersion: getVersion });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, milvusServerCredentials(options.mode, options.files), (error, bound) => {
      if (error) reject(error);
      else resolve(bound);
    });
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.forceShutdown();
        resolve();
      }),
  };
}
