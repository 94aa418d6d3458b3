// Runs an exported gen.sh the way a user would (`sh gen.sh` from another folder) in a temp dir.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportOpenSslScript } from '../../../src/core/pki/opensslScript';
import type { CertificateSetOptions } from '../../../src/core/pki/types';

export const run = promisify(execFile);

export interface ExportedScript {
  /** Holds openssl.cnf and gen.sh; gen.sh writes the set here. */
  dir: string;
  /** The working directory gen.sh is started from: nothing may appear here. */
  cwd: string;
  root: string;
  cleanup(): Promise<void>;
}

export async function writeExportedScript(options: CertificateSetOptions): Promise<ExportedScript> {
  const root = await mkdtemp(join(tmpdir(), 'milvus-tls-openssl-'));
  const dir = join(root, 'tls');
  const cwd = join(root, 'elsewhere');
  await mkdir(dir);
  await mkdir(cwd);
  const files = exportOpenSslScript(options);
  await writeFile(join(dir, 'openssl.cnf'), files['openssl.cnf']);
  await writeFile(join(dir, 'gen.sh'), files['gen.sh'], { mode: 0o755 });
  return { dir, cwd, root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export async function runGenSh(script: ExportedScript, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  return run('sh', [join(script.dir, 'gen.sh')], { cwd: script.cwd, env: { ...process.env, ...env } });
}

/** The subject as openssl prints it, one `SN=value` per line, no escaping: exactly the stored text. */
export async function subjectLines(pemPath: string): Promise<string[]> {
  const { stdout } = await run('openssl', ['x509', '-in', pemPath, '-noout', '-subject', '-nameopt', 'sep_multiline,utf8,-esc_msb']);
  return stdout
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export async function certificateText(pemPath: string): Promise<string> {
  return (await run('openssl', ['x509', '-in', pemPath, '-noout', '-text'])).stdout;
}
