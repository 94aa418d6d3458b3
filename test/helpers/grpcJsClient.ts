// A grpc-js client configured as the Milvus Node SDK configures it (milvus/grpc/BaseClient.ts):
// createSsl(rootCert, privateKey, certChain) and grpc.ssl_target_name_override, calling GetVersion.
import { readFile } from 'node:fs/promises';
import { credentials, Client, Metadata } from '@grpc/grpc-js';

export interface NodeSdkTls {
  port: number;
  serverName: string;
  caPath: string;
  certPath?: string;
  keyPath?: string;
}

/** Resolves with the raw GetVersion response, rejects with grpc-js's error. */
export async function nodeSdkGetVersion(target: NodeSdkTls): Promise<Buffer> {
  const [rootCert, privateKey, certChain] = await Promise.all([
    readFile(target.caPath),
    target.keyPath ? readFile(target.keyPath) : undefined,
    target.certPath ? readFile(target.certPath) : undefined,
  ]);
  const client = new Client(`127.0.0.1:${target.port}`, credentials.createSsl(rootCert, privateKey ?? null, certChain ?? null), {
    'grpc.ssl_target_name_override': target.serverName,
  });
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      client.makeUnaryRequest(
        '/milvus.proto.milvus.MilvusService/GetVersion',
        (bytes: Buffer) => bytes,
        (bytes: Buffer) => bytes,
        Buffer.alloc(0),
        new Metadata(),
        { deadline: Date.now() + 20_000 },
        (error, response) => {
          if (error) reject(error);
          else resolve(response ?? Buffer.alloc(0));
        },
      );
    });
  } finally {
    client.close();
  }
}
