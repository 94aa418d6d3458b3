// Test servers started together and closed together in after(), whatever started them.
import type { RunningServer } from './milvusGrpcServer';

export class ServerSet {
  readonly #servers: RunningServer[] = [];

  async start(server: Promise<RunningServer>): Promise<RunningServer> {
    const running = await server;
    this.#servers.push(running);
    return running;
  }

  async closeAll(): Promise<void> {
    for (const server of this.#servers.splice(0)) await server.close();
  }
}
