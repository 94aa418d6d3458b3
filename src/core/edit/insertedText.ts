/**
 * What the planners insert into files, checked and escaped at one place. Paths come from the user
 * (a folder name), from settings or from the files themselves (a container path in milvus.yaml, a
 * mount target in compose), so any of them may hold what the target syntax cannot carry:
 * - a control character: a newline in a single-quoted or plain YAML scalar is folded into a space
 *   or ends the line (in a compose list, a newline starts a second, attacker-chosen entry);
 * - `:` in a short-syntax volume (`host:container[:ro]`), which compose splits on;
 * - `$`, which compose interpolates (`$HOME`, `${VAR}`): written as `$$`, compose reads `$`.
 */
import { EditPlanError } from './errors';

/** Characters YAML cannot hold literally and a user cannot see: C0, DEL, C1, line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Throws when `value` (a path about to be written) holds a control character, or `:` where a volume needs it free. */
export function checkInsertedPath(label: string, what: string, value: string, options: { volume?: boolean } = {}): void {
  const control = CONTROL.exec(value);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new EditPlanError(
      label,
      `${what} ${JSON.stringify(value)} contains a control character (${code}, such as a newline or a tab), ` +
        'which cannot be written into the file without changing what it says. Rename it.',
    );
  }
  if (options.volume && value.includes(':')) {
    throw new EditPlanError(
      label,
      `${what} "${value}" contains ":", which the short volume syntax (host:container) reads as a separator. ` +
        'Rename it, or mount it by hand with the long syntax (source:, target:).',
    );
  }
}

/** Literal text for a compose value: `$` doubled, so compose does not interpolate it. */
export function composeLiteral(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

export interface VolumeSource {
  /** Compose text written as it is, before the path: an interpolation such as `${DOCKER_VOLUME_DIRECTORY:-.}/`. */
  prefix: string;
  /** The host path itself: checked, and escaped for interpolation. */
  path: string;
}

/** A short-syntax volume entry (`host:container[:ro]`) with both paths checked and escaped. */
export function volumeEntry(label: string, source: VolumeSource, containerPath: string, readOnly = false): string {
  checkInsertedPath(label, 'the host path', source.path, { volume: true });
  checkInsertedPath(label, 'the container path', containerPath, { volume: true });
  return `${source.prefix}${composeLiteral(source.path)}:${composeLiteral(containerPath)}${readOnly ? ':ro' : ''}`;
}
