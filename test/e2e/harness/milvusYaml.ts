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

/** The 0-based index of the line holding `key` (dotted, e.g. "proxy.http.port") in a block-style YAML text. */
function keyLineIndex(lines: readonly string[], key: string): number {
  const content = (line: string): boolean => line.trim() !== '' && !line.trimStart().startsWith('#');
  const indentOf = (line: string): number => line.length - line.trimStart().length;
  let start = 0;
  let end = lines.length;
  let parentIndent = -1;
  let found = -1;
  for (const segment of key.split('.')) {
    const childIndent = lines.slice(start, end).find((line) => content(line) && indentOf(line) > parentIndent);
    const indent = childIndent === undefined ? -1 : indentOf(childIndent);
    const pattern = new RegExp(`^ {${indent}}${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\s|$)`);
    const offset = lines.slice(start, end).findIndex((line) => pattern.test(line));
    if (indent < 0 || offset < 0) throw new Error(`no ${key} in the YAML text (looking for ${segment})`);
    found = start + offset;
    const blockEnd = lines.slice(found + 1, end).findIndex((line) => content(line) && indentOf(line) <= indent);
    start = found + 1;
    end = blockEnd < 0 ? end : found + 1 + blockEnd;
    parentIndent = indent;
  }
  return found;
}

/**
 * Sets `key` (dotted, e.g. "tls.serverPemPath") of `<workspace>/<file>` to the plain scalar `value`,
 * replacing the key's line (its comment too); the key must exist. Returns where the key is.
 */
export async function setConfigValue(workspace: string, key: string, value: string, file = 'milvus.yaml'): Promise<KeyPosition> {
  const path = join(workspace, file);
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  const index = keyLineIndex(lines, key);
  const line = lines[index] ?? '';
  const indent = line.length - line.trimStart().length;
  const name = key.split('.').pop() ?? key;
  lines[index] = `${' '.repeat(indent)}${name}: ${value}${line.endsWith('\r') ? '\r' : ''}`;
  await writeFile(path, lines.join('\n'));
  return configValuePosition(workspace, key, file);
}

/** Where `key` (dotted) and its value are in `<workspace>/<file>`. */
export async function configValuePosition(workspace: string, key: string, file = 'milvus.yaml'): Promise<KeyPosition> {
  const lines = (await readFile(join(workspace, file), 'utf8')).split(/\r?\n/);
  const index = keyLineIndex(lines, key);
  const line = lines[index] ?? '';
  const match = /^(\s*)([^:]+:\s*)/.exec(line);
  const indent = match?.[1]?.length ?? 0;
  return { line: index + 1, keyColumn: indent + 1, valueColumn: indent + (match?.[2]?.length ?? 0) + 1 };
}
