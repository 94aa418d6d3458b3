// Servers that do not play by the rules, for the connection test's robustness: real TLS listeners on
// 127.0.0.1 with the test PKI's server certificate, each misbehaving one way a broken proxy, a wrong
// port or a hostile host would:
//   garbage      TLS, then bytes that are not HTTP/2 (or HTTP/1), with terminal escapes among them;
//   badPreface   TLS with ALPN h2, then an HTTP/2 frame no peer may send (SETTINGS of length 5);
//   answering    HTTP/2 and HTTP/1.1 on one port, answering every call with what the test gives it
//                (a bad grpc-message encoding, huge headers, an error text with escape sequences);
//   slowLoris    accepts and then drips one byte at a time, during the handshake or after it.
// Every server tracks its sockets and timers, so close() ends them all.
import http2 from 'node:http2';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import tls from 'node:tls';
import type { RunningServer } from './milvusGrpcServer';

export interface ServerKeyPair {
  certPem: string;
  keyPem: string;
}

/** Non-HTTP bytes with ANSI escapes (clear screen, set title) that must never reach a terminal raw. */
export const GARBAGE = Buffer.from('\u0000\u00ff\u0001garbage\u001b[2J\u001b]0;pwned\u0007\r\n'.repeat(16), 'latin1');

/** SETTINGS whose length is not a multiple of 6: a FRAME_SIZE_ERROR for any HTTP/2 peer. */
const BAD_SETTINGS_FRAME = Buffer.from([0, 0, 5, 0x04, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5]);

async function listen(server: Server, sockets: Set<Socket>, timers: Set<NodeJS.Timeout> = new Set()): Promise<RunningServer> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function tlsServer(pair: ServerKeyPair, alpn: string[], onSecure: (socket: tls.TLSSocket) => void): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = tls.createServer({ cert: pair.certPem, key: pair.keyPem, ALPNProtocols: alpn }, (socket) => {
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    onSecure(socket);
  });
  server.on('tlsClientError', () => undefined);
  return listen(server, sockets);
}

/** TLS, then garbage; the connection stays open (`end: false`) or is closed after it. */
export function startGarbageServer(pair: ServerKeyPair, options: { alpn?: string[]; end?: boolean } = {}): Promise<RunningServer> {
  return tlsServer(pair, options.alpn ?? ['h2', 'http/1.1'], (socket) => {
    if (options.end === true) socket.end(GARBAGE);
    else socket.write(GARBAGE);
  });
}

/** TLS with ALPN h2, then an invalid first HTTP/2 frame instead of the server preface. */
export function startBadPrefaceServer(pair: ServerKeyPair): Promise<RunningServer> {
  return tlsServer(pair, ['h2'], (socket) => socket.write(BAD_SETTINGS_FRAME));
}

export interface Answer {
  /** HTTP/2 (gRPC) calls: the response headers; sent with endStream (a trailers-only gRPC answer). */
  h2?: OutgoingHttpHeaders;
  /** HTTP/1.1 (REST) calls: status, headers and body. */
  http1?: { status: number; headers?: OutgoingHttpHeaders; body?: string };
}

/** HTTP/2 and HTTP/1.1 over TLS on one port, answering every request with `answer`. */
export async function startAnsweringServer(pair: ServerKeyPair, answer: Answer): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = http2.createSecureServer({
    cert: pair.certPem,
    key: pair.keyPem,
    allowHTTP1: true,
    // Lets it send header blocks far over what any client accepts.
    maxSendHeaderBlockLength: 4 * 1024 * 1024,
  });
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    if (headers[':method'] === undefined) return;
    stream.on('error', () => undefined);
    stream.resume();
    stream.respond(answer.h2 ?? { ':status': 404 }, { endStream: true });
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.httpVersionMajor !== 1) return;
    request.resume();
    request.on('end', () => {
      const http1 = answer.http1 ?? { status: 404 };
      try {
        response.writeHead(http1.status, http1.headers);
        response.end(http1.body ?? '');
      } catch {
        response.destroy();
      }
    });
  });
  server.on('sessionError', () => undefined);
  server.on('tlsClientError', () => undefined);
  return listen(server, sockets);
}

/**
 * Accepts and drips one byte every `intervalMs`, forever: during the TLS handshake (a record header
 * announcing 16 KB that never arrive) or after a completed handshake (`after: 'handshake'`, as h2).
 */
export async function startSlowLorisServer(
  pair: ServerKeyPair,
  options: { after?: 'handshake'; intervalMs?: number } = {},
): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const drip = (socket: Socket, bytes: Buffer): void => {
    let index = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) {
        clearInterval(timer);
        timers.delete(timer);
        return;
      }
      socket.write(bytes.subarray(index % bytes.length, (index % bytes.length) + 1));
      index++;
    }, options.intervalMs ?? 100);
    timers.add(timer);
    socket.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  };
  if (options.after === 'handshake') {
    const server = tls.createServer({ cert: pair.certPem, key: pair.keyPem, ALPNProtocols: ['h2', 'http/1.1'] }, (socket) => {
      socket.on('error', () => undefined);
      socket.on('data', () => undefined);
      // A SETTINGS frame header that never gets its payload, then "HTTP/1.1 200 OK" one byte at a time.
      drip(socket, Buffer.from('\u0000\u0000\u0006\u0004\u0000\u0000\u0000\u0000\u0000HTTP/1.1 200 OK\r\n', 'latin1'));
    });
    server.on('tlsClientError', () => undefined);
    return listen(server, sockets, timers);
  }
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    drip(socket, Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0x40, 0x00]), Buffer.alloc(16_384)]));
  });
  return listen(server, sockets, timers);
}
