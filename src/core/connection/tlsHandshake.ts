// One TLS connection attempt that reports instead of throwing: how far it got, what the server
// presented, and how the server reacted once the handshake was done.
//
// Verification is not enforced (rejectUnauthorized: false) so that a bad chain still yields the
// chain to describe; Node's verdict is kept in `authorizationError` and the step fails on it.
//
// Why the HTTP/2 preface: in TLS 1.3 the client finishes its handshake before the server has checked
// the client certificate, so a rejected certificate only shows up afterwards, as an alert or a close.
// Sending the h2 connection preface and waiting for the server's first frame (every HTTP/2 server,
// grpc-go included, answers with SETTINGS) turns that into a definite answer without any sleep.
import type { X509Certificate } from 'node:crypto';
import { X509Certificate as X509 } from 'node:crypto';
import type { DetailedPeerCertificate, SecureContext } from 'node:tls';
import tls from 'node:tls';
import { isIP } from 'node:net';
import { onAbort } from './stepRunner';

export const H2_PREFACE = Buffer.concat([
  Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1'),
  Buffer.from([0, 0, 0, 0x04, 0, 0, 0, 0, 0]), // an empty SETTINGS frame
]);

export interface HandshakeRequest {
  host: string;
  port: number;
  serverName: string;
  secureContext: SecureContext;
  signal: AbortSignal;
  /** Called when the handshake is done and the client waits for the server's first bytes. */
  onHandshake?(result: HandshakeResult): void;
}

export interface HandshakeResult {
  /** The handshake completed on the client side. */
  secure: boolean;
  protocol?: string;
  cipher?: string;
  alpn?: string;
  /** Node's verification verdict: a chain error code, ERR_TLS_CERT_ALTNAME_INVALID, or undefined. */
  authorizationError?: string;
  authorizationMessage?: string;
  /** Leaf first, as far as the chain goes (Node completes it from the CA given). */
  chain: X509Certificate[];
  /** The server sent bytes after the handshake: it accepted the connection, client certificate included. */
  answered: boolean;
  /**
   * What the first bytes after the handshake were, as an answer to the HTTP/2 preface: a SETTINGS
   * frame (every HTTP/2 server starts so), something else, or undefined when too few came to tell.
   */
  serverPreface?: 'settings' | 'invalid';
  /** The first bytes, in hex, when they were not a SETTINGS frame. */
  serverPrefaceHex?: string;
  /** The error that ended the connection, before or after the handshake. */
  error?: Error;
  /** The server closed after the handshake without answering and without an alert. */
  closedAfterHandshake: boolean;
  /**
   * The server did not pick HTTP/2 by ALPN. Every Milvus gRPC port does (grpc-go), so this is another
   * kind of server; it may never answer an HTTP/2 preface, so the client does not wait for it.
   */
  notHttp2: boolean;
}

function peerChain(socket: tls.TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(new X509(cert.raw));
    // A self-signed root points at itself; the `seen` set ends the walk there. Node leaves it
    // undefined when the chain ends early, whatever the typings say.
    cert = cert.issuerCertificate;
  }
  return chain;
}

export function tlsHandshake(request: HandshakeRequest): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    const result: HandshakeResult = { secure: false, chain: [], answered: false, closedAfterHandshake: false, notHttp2: false };
    const socket = tls.connect({
      host: request.host,
      port: request.port,
      // SNI must not be an IP address (RFC 6066); the name check below still uses it.
      ...(isIP(request.serverName) ? {} : { servername: request.serverName }),
      secureContext: request.secureContext,
      ALPNProtocols: ['h2'],
      rejectUnauthorized: false,
      checkServerIdentity: (_host, cert) => tls.checkServerIdentity(request.serverName, cert),
    });
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      removeAbort();
      socket.destroy();
      resolve(result);
    };
    const removeAbort = onAbort(request.signal, finish);
    socket.once('secureConnect', () => {
      result.secure = true;
      result.protocol = socket.getProtocol() ?? undefined;
      result.cipher = socket.getCipher().standardName;
      result.alpn = typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : undefined;
      const verifyError = socket.authorizationError as Error | string | null | undefined;
      if (!socket.authorized && verifyError) {
        result.authorizationError =
          typeof verifyError === 'string' ? verifyError : ((verifyError as { code?: string }).code ?? verifyError.message);
        result.authorizationMessage = typeof verifyError === 'string' ? verifyError : verifyError.message;
      }
      result.chain = peerChain(socket);
      request.onHandshake?.(result);
      if (result.alpn !== 'h2') {
        result.notHttp2 = true;
        finish();
        return;
      }
      socket.write(H2_PREFACE);
    });
    socket.on('data', (data: Buffer) => {
      result.answered = true;
      if (data.length >= 9) {
        result.serverPreface = isSettingsFrame(data) ? 'settings' : 'invalid';
        if (result.serverPreface === 'invalid') result.serverPrefaceHex = data.subarray(0, 16).toString('hex');
      }
      finish();
    });
    socket.on('error', (error: Error) => {
      result.error = error;
      finish();
    });
    socket.on('close', () => {
      if (result.secure && !result.answered && !result.error) result.closedAfterHandshake = true;
      finish();
    });
  });
}

/**
 * An HTTP/2 server's preface is a SETTINGS frame: type 4, not an ACK, stream 0, a length that is a
 * multiple of 6. Anything else in its place means the server does not speak HTTP/2.
 */
export function isSettingsFrame(data: Buffer): boolean {
  const length = ((data[0] ?? 0) << 16) | ((data[1] ?? 0) << 8) | (data[2] ?? 0);
  return data[3] === 0x04 && ((data[4] ?? 0) & 0x01) === 0 && data.readUInt32BE(5) === 0 && length % 6 === 0;
}
