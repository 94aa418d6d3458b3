// A loopback port with nothing listening, for "connection refused": bind port 0, note it, close it.
// Another process could grab it in between; on loopback in a test run that is vanishingly rare.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
