/**
 * Where a bind mount's source lives on the machine the extension runs on. Compose resolves sources
 * against the project folder and expands `~` with the home of whoever runs it (compose-go
 * paths/home.go and paths/unix.go); we do the same with this machine's home and path flavour
 * (node's posix or win32 path API), so a compose file written for Docker Desktop on Windows is read
 * correctly on Windows and reported as foreign (not checkable, never "missing") elsewhere.
 */
import type { PathApi } from '../workspace/fileSystem';

export type MountHost =
  /** An absolute host path of this machine's flavour. */
  | { kind: 'local'; path: string }
  /** A host path in another platform's syntax: `C:\certs` read on Linux, `/srv/certs` on Windows (Docker's Linux VM). */
  | { kind: 'foreign'; path: string; platform: 'windows' | 'linux' }
  /** `\\.\pipe\docker_engine`: a Windows named pipe, not a file. */
  | { kind: 'named-pipe'; path: string }
  /** `~/…` and no home folder known. */
  | { kind: 'home-unknown'; path: string };

export interface HostPathBase {
  pathApi: PathApi;
  /** The folder relative sources resolve against: the project folder (or an included file's folder). */
  baseDir: string;
  /** The home of the user running the extension; undefined when unknown. */
  homeDir: string | undefined;
}

export function isWin32(pathApi: PathApi): boolean {
  return pathApi.sep === '\\';
}

/**
 * `C:\x`, `C:/x`, `\\server\share`: Windows syntax (compose-go paths.IsWindowsAbs, plus a drive-relative
 * `C:x`). `//server/share` is Windows syntax only on Windows; elsewhere it is an absolute path.
 */
export function isWindowsPath(source: string, onWindows = false): boolean {
  return /^\p{L}:/u.test(source) || source.startsWith('\\\\') || (onWindows && /^\/\/[^/]/.test(source));
}

function isNamedPipe(source: string): boolean {
  return /^[\\/]{2}\.[\\/]pipe[\\/]/i.test(source);
}

/** The source of a bind mount (or a local volume's bind device) as a location on this machine. */
export function resolveBindSource(source: string, base: HostPathBase): MountHost {
  const { pathApi } = base;
  if (isNamedPipe(source)) return { kind: 'named-pipe', path: source };
  let expanded = source;
  if (source.startsWith('~')) {
    if (base.homeDir === undefined) return { kind: 'home-unknown', path: source };
    // compose-go joins the home with everything after the tilde: `~/x` and `~x` are both below home.
    expanded = pathApi.join(base.homeDir, source.slice(1));
  }
  if (isWin32(pathApi)) {
    if (isWindowsPath(expanded, true)) return { kind: 'local', path: trimSeparator(pathApi, pathApi.normalize(expanded)) };
    // A rooted path without a drive is passed to Docker as it is: a path in Docker Desktop's Linux VM.
    if (expanded.startsWith('/')) return { kind: 'foreign', path: expanded, platform: 'linux' };
    return { kind: 'local', path: trimSeparator(pathApi, pathApi.resolve(base.baseDir, expanded)) };
  }
  if (isWindowsPath(expanded)) return { kind: 'foreign', path: expanded, platform: 'windows' };
  return { kind: 'local', path: trimSeparator(pathApi, pathApi.resolve(base.baseDir, expanded)) };
}

function trimSeparator(pathApi: PathApi, filePath: string): string {
  const root = pathApi.parse(filePath).root;
  return filePath.length > root.length && filePath.endsWith(pathApi.sep) ? filePath.slice(0, -1) : filePath;
}

/** `path` below a foreign host folder, joined in that platform's syntax. */
export function joinForeign(host: { path: string; platform: 'windows' | 'linux' }, below: string): string {
  if (below === '') return host.path;
  const separator = host.platform === 'windows' ? '\\' : '/';
  const trimmed = host.path.replace(/[\\/]+$/, '');
  return `${trimmed}${separator}${below.split('/').join(separator)}`;
}

/** Whether two host paths name the same file, case-insensitively where the file system is. */
export function sameHostPath(pathApi: PathApi, a: string, b: string, caseInsensitive: boolean): boolean {
  const left = pathApi.resolve(a);
  const right = pathApi.resolve(b);
  return caseInsensitive ? left.toLowerCase() === right.toLowerCase() : left === right;
}
