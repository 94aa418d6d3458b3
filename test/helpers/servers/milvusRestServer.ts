// A stand-in for the Milvus REST listener on proxy.http.port under TLS (listener_manager.go, facts
// §1.3): HTTPS with the server key pair; in mode 2 also RequireAndVerifyClientCert + TLS 1.3 minimum.
// Answers POST /v2/vectordb/collections/list like Milvus: {"code":0,"data":[]}.
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ServerTlsFiles } from './milvusServerCredentials';
import type { RunningServer } from './milvusGrpcServer';

export interface RestServerOptions {
  mode: 1 | 2;
  files: ServerTlsFiles;
  /** When set, requests need `Authorization: Bearer <this>`; otherwise Milvus' code 1800. */
  requiredToken?: string;
  /** Called with every request before it is answered: tests record what a client sent. */
  onRequest?: (request: IncomingMessage) => void;
  /** Listen on this port (a restart, as Milvus restarts with new certificates); any free one by default. */
  port?: number;
}

export async function startMilvusRestServer(options: RestServerOptions): Promise<RunningServer> {
  const mutual =
    options.mode === 2 ? { requestCert: true, rejectUnauthorized: true, ca: options.files.caPem, minVersion: 'TLSv1.3' as const } : {};
  const server = https.createServer({ cert: options.files.certPem, key: options.files.keyPem, ...mutual }, (request, response) => {
    options.onRequest?.(request);
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.method !== 'POST' || request.url !== '/v2/vectordb/collections/list') {
        response.statusCode = 404;
        response.end(JSON.stringify({ code: 404, message: 'path not found' }));
        return;
      }
      if (options.requiredToken !== undefined && request.headers.authorization !== `Bearer ${options.requiredToken}`) {
        response.end(JSON.stringify({ code: 1800, message: "user hasn't authenticated" }));
        return;
      }
      response.end(JSON.stringify({ code: 0, data: [] }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
