/** A service's `command:` as argv, and the Milvus role it runs (`milvus run standalone`). */
import path from 'node:path';

/** Splits a command string like a POSIX shell would for simple cases (blanks, quotes, backslash). */
export function splitCommandLine(commandLine: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:\\.|[^"\\])*)"|'([^']*)'|((?:\\.|[^\s"'])+)|(\s+)/g;
  let current: string | undefined;
  for (const match of commandLine.matchAll(pattern)) {
    if (match[4] !== undefined) {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    const piece = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? (match[3] ?? '').replace(/\\(.)/g, '$1'));
    current = (current ?? '') + piece;
  }
  if (current !== undefined) words.push(current);
  return words;
}

/** `milvus run standalone` → `standalone` (also after `/tini --` or with a path to the binary). */
export function milvusRoleOf(command: readonly string[]): string | undefined {
  for (let index = 0; index + 2 < command.length; index++) {
    const binary = command[index] ?? '';
    if (path.posix.basename(binary) === 'milvus' && command[index + 1] === 'run') return command[index + 2];
  }
  return undefined;
}
