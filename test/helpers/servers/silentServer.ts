// A port that accepts TCP and then never says a word: what a wrong port behind a load balancer or a
// hung process looks like. With `tls`, it completes the TLS handshake first and then stays silent,
// like a TLS-terminating proxy whose backend is gone. Used for the timeout diagnoses. `alpn` lists the
// protocols it agrees to: ['h2'] makes it look like a hung gRPC port, [] like some other TLS server.
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import tls from 'node:tls';
import type { RunningServer } from './milvusGrpcServer';

export async function startSilentServer(
  options: { tls?: { certPem: string; keyPem: string; alpn?: string[] } } = {},
): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = options.tls
    ? tls.createServer({ cert: options.tls.certPem, key: options.tls.keyPem, ALPNProtocols: options.tls.alpn ?? ['h2'] }, track)
    : net.createServer(track);
  // Track raw connections too, so close() also ends handshakes in progress.
  server.on('connection', track);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
