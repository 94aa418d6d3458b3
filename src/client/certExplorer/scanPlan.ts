// Which files the Certificates view reads, and when it shows what it has read. Pure (no editor
// import): the folder walk is the one of every front (src/core/inspect/scan.ts); the editor's
// `files.exclude` setting becomes its exclude filter here, with the glob matcher the language
// server uses for milvusTls.configFiles (src/core/workspace/glob.ts).
import { DEFAULT_EXCLUDED_DIRECTORIES } from '../../core/inspect/scan';
import { globToRegExp } from '../../core/workspace/glob';

/** ScanOptions.exclude: a path relative to the workspace folder, '/'-separated. */
export type ExcludeFilter = (relativePath: string, isDirectory: boolean) => boolean;

// The `files.exclude` patterns set to true, as a filter on paths relative to the workspace folder,
// as the Explorer applies them: `**/x` anywhere, `x/**` the folder x and all below it, `{a,b}`
// either, `x` only at the top. Patterns with a `when` clause depend on sibling files and are left out.
export function filesExcludeFilter(filesExclude: Readonly<Record<string, unknown>> | undefined): ExcludeFilter {
  const patterns = Object.entries(filesExclude ?? {})
    .filter(([, enabled]) => enabled === true)
    // Patterns are written with '/' (a Windows user may write '\'); a leading './' means the folder itself.
    .map(([pattern]) => globToRegExp(pattern.replace(/\\/g, '/').replace(/^\.\//, '')));
  return (relativePath) => patterns.some((pattern) => pattern.test(relativePath));
}

/**
 * Whether a file the watcher reported lies where the scan never looks: under a folder it does not
 * enter (node_modules, .git, the backups) or under, or at, a path the filter excludes.
 */
export function isExcludedPath(relativePath: string, exclude: ExcludeFilter): boolean {
  const segments = relativePath.split(/[\\/]/).filter((segment) => segment !== '');
  return segments.some((segment, index) => {
    const isDirectory = index < segments.length - 1;
    if (isDirectory && (DEFAULT_EXCLUDED_DIRECTORIES as readonly string[]).includes(segment)) return true;
    return exclude(segments.slice(0, index + 1).join('/'), isDirectory);
  });
}

/**
 * When to show progress while a scan reads: after the first `first` files, then each time twice as
 * many more have been read. Every update re-inspects all files read so far, so doubling keeps the
 * total work at about twice one inspection instead of growing with the square of the file count.
 * Returns a function told how many files were just read; true means "update the view now".
 */
export function progressSchedule(first = 20): (justRead: number) => boolean {
  let pending = 0;
  let next = first;
  return (justRead) => {
    pending += justRead;
    if (pending < next) return false;
    pending = 0;
    next *= 2;
    return true;
  };
}
