// The project's own CLI (dist/cli.js, built by `npm run build`), used to set a workspace up before VS
// Code opens it: faster than driving the same engine through the UI, and the UI flows have their own tests.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths';

const run = promisify(execFile);

export const CLI = join(REPO_ROOT, 'dist', 'cli.js');

/** Runs `milvus-tls <args>` and returns its stdout; rejects (with its output) on a non-zero exit. */
export async function runCli(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { timeout: timeoutMs });
  return stdout;
}

/** Writes a CA, server and client set into `dir` (created), e.g. `<workspace>/tls`. */
export async function generateCertificates(dir: string, extraArgs: readonly string[] = []): Promise<void> {
  await runCli(['generate', '--out', dir, '--force', ...extraArgs]);
}
