// Keeps private keys out of git: finds key files git would pick up and appends .gitignore entries.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The closest folder at or above `start` with a `.git` (a folder, or a file for worktrees).
 * Checking the file system first spares a git process in most folders.
 */
export async function findRepositoryRoot(start: string): Promise<string | undefined> {
  const folders = [resolve(start)];
  for (let dir = folders[0] ?? '/'; dirname(dir) !== dir; dir = dirname(dir)) folders.push(dirname(dir));
  // Every level is asked at once (a deep folder outside any repository asks them all); the closest wins.
  const found = await Promise.all(
    folders.map((dir) =>
      fs.access(join(dir, '.git')).then(
        () => true,
        () => false,
      ),
    ),
  );
  return folders[found.indexOf(true)];
}

/**
 * The key files (absolute paths) inside repoRoot's work tree that git would NOT ignore, so a
 * `git add .` would commit them. Returns [] when repoRoot is not a git repository or git is missing.
 */
export async function unignoredKeyFiles(repoRoot: string, absPaths: string[]): Promise<string[]> {
  if ((await findRepositoryRoot(repoRoot)) === undefined) return [];
  // Loaded only when there is a repository to ask: node:child_process pulls in the socket stack.
  const { runGit } = await import('./gitProcess.js');
  const inside = await runGit(repoRoot, ['rev-parse', '--is-inside-work-tree']);
  if (!inside || inside.code !== 0 || inside.stdout.trim() !== 'true') return [];
  const candidates = absPaths.filter((path) => {
    const fromRoot = relative(repoRoot, path);
    return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  });
  if (candidates.length === 0) return [];
  const relativePaths = candidates.map((path) => relative(repoRoot, path));
  // --verbose --non-matching -z prints one NUL-separated record per path, in order: source, line, pattern, path.
  // A path is ignored when a pattern matched and it is not a negation ("!pattern").
  const result = await runGit(
    repoRoot,
    ['check-ignore', '--verbose', '--non-matching', '-z', '--stdin'],
    relativePaths.map((path) => `${path}\0`).join(''),
  );
  if (!result || (result.code !== 0 && result.code !== 1)) return [];
  const fields = result.stdout.split('\0');
  const ignored = new Set<string>();
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const pattern = fields[i + 2] ?? '';
    if (pattern !== '' && !pattern.startsWith('!')) ignored.add(fields[i + 3] ?? '');
  }
  return candidates.filter((_, index) => !ignored.has(relativePaths[index] ?? ''));
}

/**
 * The entry that ignores the private keys of a set in `folder`: "/tls/*.key". It also matches the
 * store's staging files (".milvus-tls-<id>-ca.key"), since git's * matches a leading dot.
 */
export function gitignoreEntryForKeys(repoRoot: string, folder: string, pattern = '*.key'): string {
  const folderInRepo = relative(repoRoot, folder).split(sep).join('/');
  return folderInRepo === '' ? `/${pattern}` : `/${folderInRepo}/${pattern}`;
}

/**
 * Appends the entries to repoRoot/.gitignore (created if missing), keeping its content, skipping
 * duplicates. Written as a new file renamed over the old one; a .gitignore that is a symbolic link
 * is refused rather than replaced or followed (it may be shared, or point anywhere).
 */
export async function addGitignoreEntries(repoRoot: string, entries: string[]): Promise<void> {
  const path = join(repoRoot, '.gitignore');
  let current = '';
  let mode = 0o644;
  try {
    const info = await fs.lstat(path);
    if (info.isSymbolicLink()) throw new Error(`${path} is a symbolic link; add ${entries.join(', ')} to the file it points to yourself`);
    if (!info.isFile()) throw new Error(`${path} is not a regular file`);
    mode = info.mode & 0o777;
    current = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim()));
  const missing: string[] = [];
  for (const entry of entries.map((e) => e.trim())) {
    if (entry !== '' && !present.has(entry)) {
      present.add(entry);
      missing.push(entry);
    }
  }
  if (missing.length === 0) return;
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const separator = current === '' || current.endsWith('\n') ? '' : eol;
  const next = `${current}${separator}${missing.join(eol)}${eol}`;
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, next, { mode, flag: 'wx' });
    await fs.chmod(temp, mode);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
