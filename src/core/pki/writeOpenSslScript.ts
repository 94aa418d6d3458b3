// Writes the exported openssl.cnf + gen.sh pair into a folder through the set store: both or neither,
// never through a symlink planted in the workspace (a new file is renamed over whatever has the name).
import type { OpenSslScriptFiles } from './opensslScript';
import { applySetChange } from './store/transaction';

export const OPENSSL_SCRIPT_FILES: readonly { name: keyof OpenSslScriptFiles; mode: number }[] = [
  { name: 'openssl.cnf', mode: 0o644 },
  // Executable so `./gen.sh` works as well as `sh gen.sh`.
  { name: 'gen.sh', mode: 0o755 },
];

/**
 * Writes both files into dir (created 0700 if missing) and returns their paths. Without overwrite, an
 * existing entry of either name (a dangling symlink too) is refused with FilesExistError, writing nothing.
 */
export async function writeOpenSslScript(dir: string, contents: OpenSslScriptFiles, opts: { overwrite: boolean }): Promise<string[]> {
  const names = OPENSSL_SCRIPT_FILES.map(({ name }) => name);
  const applied = await applySetChange(dir, {
    writes: OPENSSL_SCRIPT_FILES.map(({ name, mode }) => ({ name, contents: contents[name], mode })),
    refuseExisting: opts.overwrite ? [] : names,
  });
  return applied.written;
}
