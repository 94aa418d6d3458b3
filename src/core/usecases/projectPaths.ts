/** Paths as messages and compose files write them: relative to the project, with forward slashes. */
import type { PathApi } from '../workspace';

/** `tls/` for a folder, `milvus.yaml` for a file: relative to the project when inside it, else absolute. */
export function projectLabel(pathApi: PathApi, root: string, target: string): string {
  const relative = pathApi.relative(root, target);
  if (relative === '') return '.';
  return relative.startsWith('..') || pathApi.isAbsolute(relative) ? target : relative.split(pathApi.sep).join('/');
}

/** `a/b` from `fromDir` to `to` with forward slashes (compose syntax); absolute when on another drive. */
export function relativePosixPath(pathApi: PathApi, fromDir: string, to: string): string {
  const relative = pathApi.relative(fromDir, to);
  if (pathApi.isAbsolute(relative)) return to.split(pathApi.sep).join('/');
  return relative === '' ? '.' : relative.split(pathApi.sep).join('/');
}
