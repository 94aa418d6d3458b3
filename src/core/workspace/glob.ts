/**
 * VS Code-style glob patterns (`**`, `*`, `?`, `{a,b}`, `[abc]`) matched against a path relative to
 * a workspace folder: `milvusTls.configFiles` (the language server decides with it which files are
 * Milvus configs by name, as the editor's document selector does) and `files.exclude` (which files
 * the Certificates view leaves out, as the Explorer does).
 */
import type { PathApi } from './fileSystem';
import { isInsideFolder } from './fileSystem';

const cache = new Map<string, RegExp>();

function escape(character: string): string {
  return /[.+^$()|\\]/.test(character) ? `\\${character}` : character;
}

/** Whether `index` ends the pattern, or the current `{a,b}` alternative. */
function isAlternativeEnd(pattern: string, index: number, depth: number): boolean {
  return index === pattern.length || (depth > 0 && (pattern[index] === ',' || pattern[index] === '}'));
}

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let source = '';
  let depth = 0;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index] ?? '';
    // A trailing `/**` also matches the folder itself, as in VS Code: `out/**` excludes `out`.
    if (character === '/' && pattern.startsWith('**', index + 1) && isAlternativeEnd(pattern, index + 3, depth)) {
      source += '(?:/.*)?';
      index += 2;
    } else if (character === '*') {
      if (pattern[index + 1] === '*') {
        const slash = pattern[index + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        index += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (character === '?') source += '[^/]';
    else if (character === '{') {
      depth++;
      source += '(?:';
    } else if (character === '}' && depth > 0) {
      depth--;
      source += ')';
    } else if (character === ',' && depth > 0) source += '|';
    else if (character === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern
          .slice(index + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        index = end;
      }
    } else source += escape(character);
  }
  const regExp = new RegExp(`^${source}$`);
  if (cache.size > 200) cache.clear();
  cache.set(pattern, regExp);
  return regExp;
}

/** Whether a file matches a pattern relative to one of the roots (or, for an absolute pattern, as it is). */
export function matchesGlob(pathApi: PathApi, file: string, pattern: string, roots: readonly string[]): boolean {
  const regExp = globToRegExp(pattern.replace(/\\/g, '/'));
  const posix = file.split(pathApi.sep).join('/');
  if (regExp.test(posix)) return true;
  return roots.some(
    (root) => isInsideFolder(pathApi, file, root) && regExp.test(pathApi.relative(root, file).split(pathApi.sep).join('/')),
  );
}
