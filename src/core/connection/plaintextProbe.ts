// Confirms "this port speaks plaintext" after a TLS attempt failed oddly: it opens a plain TCP
// connection, sends the HTTP/2 preface in clear and looks at the first bytes that come back. A
// plaintext gRPC server (Milvus with tlsMode 0) answers with an HTTP/2 SETTINGS frame, a plaintext
// HTTP/1 server (the metrics port 9091) with "HTTP/1.x 400".
import net from 'node:net';
import { onAbort } from './stepRunner';
import { H2_PREFACE } from './tlsHandshake';

/** What the server answered in clear, in words, or undefined when it answered nothing useful. */
export function plaintextProbe(host: string, port: number, signal: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (answer: string | undefined): void => {
      if (done) return;
      done = true;
      removeAbort();
      socket.destroy();
      resolve(answer);
    };
    const removeAbort = onAbort(signal, () => finish(undefined));
    socket.once('connect', () => socket.write(H2_PREFACE));
    socket.once('data', (data) => finish(describeClearAnswer(data)));
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
  });
}

export function describeClearAnswer(data: Buffer): string | undefined {
  // An HTTP/2 frame header: 3 bytes length, 1 byte type (4 = SETTINGS, 7 = GOAWAY), flags, stream id.
  const type = data[3];
  if (data.length >= 9 && (type === 0x04 || type === 0x07) && data[0] === 0) {
    return 'it answered with a plaintext HTTP/2 frame, as a gRPC server without TLS does';
  }
  const text = data.subarray(0, 64).toString('latin1');
  if (/^HTTP\/\d/.test(text)) return `it answered in plaintext HTTP: "${text.split('\r\n')[0] ?? ''}"`;
  // A TLS record starts with content type 20-24 and version 3.x: not plaintext after all.
  if ((data[0] ?? 0) >= 20 && (data[0] ?? 0) <= 24 && data[1] === 3) return undefined;
  return 'it answered with bytes that are not TLS';
}
