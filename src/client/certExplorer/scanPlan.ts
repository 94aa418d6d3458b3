// Which files the scan reads. workspace.findFiles applies files.exclude only when no exclude glob
// is given, and we must add node_modules and .git, so the glob is built here from the setting.
import { DEFAULT_EXCLUDED_DIRECTORIES } from '../../core/inspect/scan';

/** 'a/{b,c}/d' → ['a/b/d', 'a/c/d']; VS Code globs do not nest braces, so they are expanded first. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const parts: string[] = [];
  let start = open + 1;
  for (let index = open; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      parts.push(pattern.slice(start, index));
      const prefix = pattern.slice(0, open);
      const suffix = pattern.slice(index + 1);
      return parts.flatMap((part) => expandBraces(`${prefix}${part}${suffix}`));
    } else if (char === ',' && depth === 1) {
      parts.push(pattern.slice(start, index));
      start = index + 1;
    }
  }
  return [pattern]; // unbalanced: leave it to the glob engine
}

/**
 * One exclude glob for findFiles: node_modules, .git, and every files.exclude pattern set to true
 * (patterns with a `when` clause depend on sibling files findFiles cannot see here, so they are left out).
 */
export function excludeGlob(filesExclude: Readonly<Record<string, unknown>> | undefined): string {
  const patterns = new Set<string>(DEFAULT_EXCLUDED_DIRECTORIES.map((name) => `**/${name}`));
  for (const [pattern, enabled] of Object.entries(filesExclude ?? {})) {
    if (enabled === true) for (const expanded of expandBraces(pattern)) patterns.add(expanded);
  }
  return `{${[...patterns].join(',')}}`;
}

/** Watcher events for files under these folders are ignored, as the scan ignores them. */
export function isInExcludedDirectory(path: string): boolean {
  const segments = path.split(/[\\/]/);
  return DEFAULT_EXCLUDED_DIRECTORIES.some((name) => segments.includes(name));
}

/**
 * Batches for reading: a small first one so the view shows something at once, then each twice the
 * size of the last. Every batch re-inspects all files read so far, so doubling keeps the total work
 * at about twice one inspection instead of growing with the square of the file count.
 */
export function batches<T>(items: readonly T[], first = 20): T[][] {
  const out: T[][] = [];
  let index = 0;
  let size = first;
  while (index < items.length) {
    out.push(items.slice(index, index + size));
    index += size;
    size *= 2;
  }
  return out;
}
