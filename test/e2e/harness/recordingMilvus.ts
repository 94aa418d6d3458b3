// Stand-ins for a Milvus proxy's two listeners (gRPC GetVersion and the REST API over HTTPS, from
// test/helpers/servers) that record what every request carried for credentials: gRPC's
// "authorization" metadata (base64 of the credential) and REST's "Authorization: Bearer <credential>".
import type { RunningServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusGrpcServer } from '../../helpers/servers/milvusGrpcServer';
import { startMilvusRestServer } from '../../helpers/servers/milvusRestServer';
import type { ServerTlsFiles } from '../../helpers/servers/milvusServerCredentials';

export interface SeenRequest {
  readonly listener: 'grpc' | 'rest';
  readonly port: number;
  /** The credential as sent (decoded from base64 for gRPC, after "Bearer " for REST); undefined: none. */
  readonly credential: string | undefined;
  /** The header or metadata value as it arrived, to search for the credential in any encoding. */
  readonly raw: string | undefined;
}

export interface RecordingMilvus {
  readonly grpcPort: number;
  readonly restPort: number;
  /** Every request so far, in order of arrival. */
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts both listeners on 127.0.0.1 with `files` (tlsMode 1: the server certificate and key). */
export async function startRecordingMilvus(files: ServerTlsFiles): Promise<RecordingMilvus> {
  const seen: SeenRequest[] = [];
  const servers: RunningServer[] = [];
  const ports = { grpc: 0, rest: 0 };
  try {
    const grpc = await startMilvusGrpcServer({
      mode: 1,
      files,
      onCall: (metadata) => {
        const value = metadata.get('authorization')[0];
        const raw = value === undefined ? undefined : value.toString();
        seen.push({
          listener: 'grpc',
          port: ports.grpc,
          raw,
          credential: raw === undefined ? undefined : Buffer.from(raw, 'base64').toString('utf8'),
        });
      },
    });
    servers.push(grpc);
    ports.grpc = grpc.port;
    const rest = await startMilvusRestServer({
      mode: 1,
      files,
      onRequest: (request) => {
        const raw = request.headers.authorization;
        seen.push({ listener: 'rest', port: ports.rest, raw, credential: raw?.replace(/^Bearer /, '') });
      },
    });
    servers.push(rest);
    ports.rest = rest.port;
  } catch (error) {
    for (const server of servers) await server.close();
    throw error;
  }
  return {
    grpcPort: ports.grpc,
    restPort: ports.rest,
    seen,
    close: async () => {
      for (const server of servers) await server.close();
    },
  };
}

/** Whether a request carried `secret` in any form (plain, base64, inside a longer value). */
export function carries(request: SeenRequest, secret: string): boolean {
  const raw = request.raw ?? '';
  return raw.includes(secret) || raw.includes(Buffer.from(secret).toString('base64')) || (request.credential ?? '').includes(secret);
}
