// Tells "this HTTPS port is really a gRPC port" apart from other odd answers. A gRPC server only
// speaks HTTP/2, so an HTTP/1.1 REST call to it gets a hang-up, a 403 or binary frames. Asked over
// HTTP/2 as a gRPC call (content-type application/grpc) for the REST path, a gRPC server answers
// with a `grpc-status` (12 UNIMPLEMENTED), which is unambiguous; a JSON content-type is not enough,
// since grpc-js then answers a bare 415 without any gRPC header.
import http2 from 'node:http2';
import { isIP } from 'node:net';
import type { SecureContext } from 'node:tls';
import { onAbort } from './stepRunner';

export interface GrpcPortProbeRequest {
  host: string;
  port: number;
  serverName: string;
  secureContext: SecureContext;
  path: string;
  signal: AbortSignal;
}

/** A description of the gRPC answer ("grpc-status 12 …"), or undefined when the port is not gRPC. */
export function probeGrpcPort(request: GrpcPortProbeRequest): Promise<string | undefined> {
  return new Promise((resolve) => {
    const authority = isIP(request.host) === 6 ? `[${request.host}]:${request.port}` : `${request.host}:${request.port}`;
    const session = http2.connect(`https://${authority}`, {
      ...(isIP(request.serverName) ? {} : { servername: request.serverName }),
      secureContext: request.secureContext,
      // Trust was judged by the REST call itself; here only the kind of server matters.
      rejectUnauthorized: false,
    });
    let done = false;
    const finish = (answer: string | undefined): void => {
      if (done) return;
      done = true;
      removeAbort();
      session.destroy();
      resolve(answer);
    };
    const removeAbort = onAbort(request.signal, () => finish(undefined));
    session.on('error', () => finish(undefined));
    session.on('close', () => finish(undefined));
    const stream = session.request({ ':method': 'POST', ':path': request.path, 'content-type': 'application/grpc', te: 'trailers' });
    let status = '?';
    const inspect = (headers: http2.IncomingHttpHeaders): boolean => {
      const grpcStatus = headers['grpc-status'];
      if (grpcStatus === undefined) return false;
      const message = headers['grpc-message'] === undefined ? '' : ` ${decodeGrpcMessage(String(headers['grpc-message']))}`;
      finish(`asked over HTTP/2, it answers as a gRPC server: HTTP ${status}, grpc-status ${String(grpcStatus)}${message}`);
      return true;
    };
    stream.on('error', () => finish(undefined));
    stream.on('response', (headers) => {
      status = String(headers[':status']);
      inspect(headers);
    });
    stream.on('trailers', (trailers: http2.IncomingHttpHeaders) => {
      if (!inspect(trailers)) finish(undefined);
    });
    stream.on('end', () => finish(undefined));
    // A stream reset (headers over the limit, a refused stream) may end it with neither 'error' nor 'end'.
    stream.on('close', () => finish(undefined));
    stream.resume();
    // An empty gRPC message frame: no compression flag, zero length.
    stream.end(Buffer.alloc(5));
  });
}

/**
 * grpc-message is percent-encoded (gRPC over HTTP/2). A server may send a broken encoding
 * (`%E0%A4%A`): decodeURIComponent throws on it, and this runs in a stream event handler, where a
 * throw ends the process. Undecodable text is shown as it came.
 */
export function decodeGrpcMessage(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
