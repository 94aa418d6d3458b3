// Editing a workspace's milvus.yaml before VS Code opens it, and finding where a key sits, so that
// scenarios assert on the line the user sees rather than on a hard-coded number.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface KeyPosition {
  /** 1-based, as the Problems panel and Go to Line count. */
  readonly line: number;
  /** 1-based column of the value. */
  readonly valueColumn: number;
  /** 1-based column of the key. */
  readonly keyColumn: number;
}

/** Sets the (single) `tlsMode:` value of `<workspace>/milvus.yaml` to `value`, keeping the line's layout. */
export async function setTlsMode(workspace: string, value: string): Promise<KeyPosition> {
  const file = join(workspace, 'milvus.yaml');
  const text = await readFile(file, 'utf8');
  const pattern = /^(\s*tlsMode:\s*)\S+/m;
  if (!pattern.test(text)) throw new Error(`no tlsMode in ${file}`);
  await writeFile(file, text.replace(pattern, `$1${value}`));
  return tlsModePosition(workspace);
}

/** Where `tlsMode:` and its value are in `<workspace>/milvus.yaml`. */
export async function tlsModePosition(workspace: string): Promise<KeyPosition> {
  const lines = (await readFile(join(workspace, 'milvus.yaml'), 'utf8')).split(/\r?\n/);
  const index = lines.findIndex((line) => /^\s*tlsMode:/.test(line));
  const line = lines[index];
  if (line === undefined) throw new Error('no tlsMode in milvus.yaml');
  const match = /^(\s*)(tlsMode:\s*)/.exec(line);
  const indent = match?.[1]?.length ?? 0;
  return { line: index + 1, keyColumn: indent + 1, valueColumn: indent + (match?.[2]?.length ?? 0) + 1 };
}

/** The value of `tlsMode:` in `<workspace>/milvus.yaml` as written on disk. */
export async function tlsModeOnDisk(workspace: string): Promise<string | undefined> {
  const text = await readFile(join(workspace, 'milvus.yaml'), 'utf8');
  return /^\s*tlsMode:\s*(\S+)/m.exec(text)?.[1];
}
