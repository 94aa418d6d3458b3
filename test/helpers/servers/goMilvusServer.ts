// Builds and starts go-milvus/ (a Milvus proxy stand-in on Go's crypto/tls) with the local Go
// toolchain, offline. Like the project's other Go-backed tests, a missing `go` fails with
// instructions rather than skipping: Go's TLS is what Milvus runs, the check that matters most.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PemPair } from '../testPki';
import { runProcess, startPeer } from '../spawnHelpers';
import type { RunningServer } from './milvusGrpcServer';

const SOURCE = join(__dirname, 'go-milvus');

export const GO_MILVUS_VERSION = 'v2.6.20-go';

/** Builds the server into outDir and returns the binary's path. */
export async function buildGoMilvusServer(outDir: string): Promise<string> {
  const binary = join(outDir, process.platform === 'win32' ? 'go-milvus.exe' : 'go-milvus');
  const env = {
    ...process.env,
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local',
    GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'milvus-tls-go-build-cache'),
  };
  const result = await runProcess('go', ['build', '-o', binary, '.'], { cwd: SOURCE, env, timeoutMs: 300_000 }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new Error(
        error.code === 'ENOENT'
          ? 'the Go toolchain (`go`) is not installed; install golang-go to run the Go crypto/tls tests'
          : error.message,
      );
    },
  );
  if (result.code !== 0) throw new Error(`go build failed:\n${result.stderr}${result.stdout}`);
  return binary;
}

export async function startGoMilvusServer(binary: string, mode: 1 | 2, server: PemPair, caPath: string): Promise<RunningServer> {
  const peer = startPeer(binary, ['-mode', String(mode), '-cert', server.certPath, '-key', server.keyPath, '-ca', caPath]);
  try {
    const match = await peer.waitFor(/LISTENING (\d+)/);
    return { port: Number(match[1]), close: () => peer.stop() };
  } catch (error) {
    await peer.stop();
    throw error;
  }
}
