/**
 * A service volume in short syntax (`[SOURCE:]TARGET[:OPTIONS]`), split and classified the way
 * Compose's loader does it (compose-spec/compose-go, format/volume.go `ParseVolume`), after
 * interpolation:
 * - a colon right after a single letter is part of a Windows drive (`C:\tls:/milvus/tls`), so a
 *   one-letter volume name is read as a drive too (`a:/data` is an anonymous volume at `a:/data`);
 * - colons inside `${…}` (left by `$${…}` escapes) do not split;
 * - a spec of one or two characters is an anonymous volume at that target;
 * - the source is a host path (a bind mount) when it starts with `.`, `/`, `~`, `\\` (a Windows named
 *   pipe or UNC path) or a drive letter; anything else names a volume;
 * - options: `ro`/`rw`, `nocopy`, the bind propagations and SELinux `z`/`Z`; Compose ignores others.
 */

export const BIND_PROPAGATIONS: readonly string[] = ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'];
const SELINUX_LABELS: readonly string[] = ['z', 'Z'];

export interface VolumeSpec {
  type: 'bind' | 'volume';
  /** Undefined for an anonymous volume. */
  source?: string;
  target: string;
  readOnly: boolean;
  /** Every option as written after the second colon, unknown ones included. */
  options: string[];
  propagation?: string;
  selinux?: string;
  noCopy: boolean;
}

export type VolumeSpecResult = { ok: true; spec: VolumeSpec } | { ok: false; error: string };

const END = '';

export function parseVolumeSpec(text: string): VolumeSpecResult {
  if (text.length === 0) return { ok: false, error: 'invalid empty volume spec' };
  if (text.length <= 2) return { ok: true, spec: { type: 'volume', target: text, readOnly: false, options: [], noCopy: false } };
  const fields: { source?: string; target?: string; options?: string } = {};
  let buffer = '';
  let substitutionDepth = 0;
  const characters = [...text, END];
  for (let index = 0; index < characters.length; index++) {
    const char = characters[index] ?? END;
    if (char === '$' && characters[index + 1] === '{') {
      substitutionDepth++;
      buffer += char;
      continue;
    }
    if (char === '}' && substitutionDepth > 0) {
      substitutionDepth--;
      buffer += char;
      continue;
    }
    if (isWindowsDrive(buffer, char)) {
      buffer += char;
    } else if ((char === ':' || char === END) && substitutionDepth === 0) {
      const error = takeField(fields, buffer, char === END);
      if (error !== undefined) return { ok: false, error: `invalid spec: ${text}: ${error}` };
      buffer = '';
    } else {
      buffer += char;
    }
  }
  return { ok: true, spec: specOf(fields) };
}

/** Whether `char` is the colon of a drive letter: `C:`, `d:`, any single letter. */
function isWindowsDrive(buffer: string, char: string): boolean {
  return char === ':' && [...buffer].length === 1 && /^\p{L}$/u.test(buffer);
}

function takeField(fields: { source?: string; target?: string; options?: string }, buffer: string, atEnd: boolean): string | undefined {
  if (buffer === '') return 'empty section between colons';
  if (fields.source === undefined && atEnd) {
    fields.target = buffer;
    return undefined;
  }
  if (fields.source === undefined) {
    fields.source = buffer;
    return undefined;
  }
  if (fields.target === undefined) {
    fields.target = buffer;
    return undefined;
  }
  if (!atEnd) return 'too many colons';
  fields.options = buffer;
  return undefined;
}

function specOf(fields: { source?: string; target?: string; options?: string }): VolumeSpec {
  const options = fields.options === undefined ? [] : fields.options.split(',');
  const spec: VolumeSpec = {
    type: isHostPathSource(fields.source) ? 'bind' : 'volume',
    target: fields.target ?? '',
    readOnly: false,
    options,
    noCopy: false,
  };
  if (fields.source !== undefined) spec.source = fields.source;
  // Later options win, as Compose applies them in order (`ro,rw` is read-write).
  for (const option of options) {
    if (option === 'ro') spec.readOnly = true;
    else if (option === 'rw') spec.readOnly = false;
    else if (option === 'nocopy') spec.noCopy = true;
    else if (BIND_PROPAGATIONS.includes(option)) spec.propagation = option;
    else if (SELINUX_LABELS.includes(option)) spec.selinux = option;
  }
  return spec;
}

/** Compose's test for a short-syntax source that is a host path rather than a volume name. */
export function isHostPathSource(source: string | undefined): boolean {
  if (source === undefined || source === '') return false;
  if (/^[./~]/.test(source) || source.startsWith('\\\\')) return true;
  const [first, second] = [...source];
  return first !== undefined && second !== undefined && isWindowsDrive(first, second);
}
