// The CLI built into a temporary folder (dist/cli.js + dist/cli/*.js, as installed), for tests that
// start many real processes: the bundle starts in a fraction of tsx's time on a busy machine.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT, runProcess, startPeer, type Peer } from './spawnHelpers';

export async function buildCli(outdir: string): Promise<string> {
  const build = await runProcess(process.execPath, [join(REPO_ROOT, '.ci', 'build.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, MILVUS_TLS_OUTDIR: outdir },
  });
  assert.equal(build.code, 0, build.stderr);
  return join(outdir, 'cli.js');
}

/** A CLI process started with MILVUS_TLS_PAUSE_AT=point, resolved once it waits there (resume() lets it go on). */
export async function startPausedAt(cli: string, args: string[], point: string, cwd: string): Promise<Peer> {
  const peer = startPeer(process.execPath, [cli, ...args], { cwd, env: { ...process.env, MILVUS_TLS_PAUSE_AT: point } });
  try {
    await peer.waitFor(new RegExp(`paused at ${point.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
  } catch (error) {
    await peer.stop();
    throw error;
  }
  return peer;
}

/** Lets a process waiting at its pause point go on. */
export function resume(peer: Peer): void {
  peer.child.stdin?.write('\n');
}

/** Resolves with the exit code once the process has exited. */
export async function exitCode(peer: Peer): Promise<number | null> {
  if (peer.child.exitCode !== null || peer.child.signalCode !== null) return peer.child.exitCode;
  return new Promise((resolve) => peer.child.once('exit', (code) => resolve(code)));
}
