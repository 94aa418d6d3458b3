// Builds test/peers/go (stdlib only) with the local Go toolchain, offline, into a temp folder.
// A missing `go` fails the test with instructions: the Go handshake is the strictest check we have.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runProcess, startPeer, type Peer } from './spawnHelpers';

const PEER_SOURCE = join(REPO_ROOT, 'test', 'peers', 'go');

function goEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local',
    GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'milvus-tls-go-build-cache'),
  };
}

/** Builds the peer into outDir and returns the binary's path. */
export async function buildGoPeer(outDir: string): Promise<string> {
  const binary = join(outDir, process.platform === 'win32' ? 'peer.exe' : 'peer');
  const result = await runProcess('go', ['build', '-o', binary, '.'], { cwd: PEER_SOURCE, env: goEnvironment() }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new Error(
        error.code === 'ENOENT'
          ? 'the Go toolchain (`go`) is not installed; install golang-go (CI does this in .ci/run) to run the Go crypto/tls handshake tests'
          : `cannot run go: ${error.message}`,
      );
    },
  );
  if (result.code !== 0) throw new Error(`go build failed:\n${result.stderr}${result.stdout}`);
  return binary;
}

/** Starts the peer as a Milvus proxy in tlsMode 2 and resolves once it listens. */
export async function startGoServer(
  binary: string,
  files: { cert: string; key: string; ca: string },
): Promise<{ peer: Peer; port: number }> {
  const peer = startPeer(binary, ['server', '-cert', files.cert, '-key', files.key, '-ca', files.ca]);
  try {
    const match = await peer.waitFor(/LISTENING (\d+)/);
    return { peer, port: Number(match[1]) };
  } catch (error) {
    await peer.stop();
    throw error;
  }
}

export function runGoClient(
  binary: string,
  port: number,
  files: { ca: string; serverName: string; cert?: string; key?: string },
): ReturnType<typeof runProcess> {
  const args = ['client', '-connect', `127.0.0.1:${port}`, '-servername', files.serverName, '-ca', files.ca];
  if (files.cert && files.key) args.push('-cert', files.cert, '-key', files.key);
  return runProcess(binary, args, { timeoutMs: 60_000 });
}
