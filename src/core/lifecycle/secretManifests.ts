// A Kubernetes Secret manifest written beside a set (`generate --k8s-secret`, the Kubernetes target of
// Generate Certificates…) holds copies of server.pem, server.key and ca.pem. Every lifecycle change
// (renew, each rotation phase) rewrites it in the same all-or-nothing change as the files it copies,
// so the Secret never lags them; undo restores it from the same backup.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseManifestFile } from '../kubernetes/manifestFile';
import { readSecretManifest, secretKeys } from '../kubernetes/secret';
import { SECRET_SET_FILES, secretManifestText } from '../kubernetes/secretManifest';
import type { FileWrite } from '../pki/store/transaction';
import { nodeFileSystem } from '../workspace';

const MANIFEST_SUFFIX = '.secret.yaml';
/** A manifest of three PEM files is a few KB; anything much larger is not one of ours. */
const MAX_MANIFEST_BYTES = 1_000_000;
const MANIFEST_MODE = 0o600;

export interface ManifestChange {
  writes: FileWrite[];
  /** The manifests' bytes as read: the change refuses to commit if one was edited meanwhile. */
  unchanged: Map<string, Buffer | undefined>;
}

/** The Secret a manifest file holds when it is exactly the set's copy (one Secret of the three keys). */
function setSecretOf(text: string): { name: string; namespace: string | undefined } | undefined {
  const file = parseManifestFile(text);
  if (file.documents.length !== 1 || file.problems.some((problem) => problem.severity === 'error')) return undefined;
  const [document] = file.documents;
  const secret = document ? readSecretManifest(document) : undefined;
  if (!secret || secret.kind !== 'Secret') return undefined;
  const keys = secretKeys(secret).sort();
  const wanted = [...SECRET_SET_FILES].sort();
  return keys.length === wanted.length && keys.every((key, index) => key === wanted[index])
    ? { name: secret.name, namespace: secret.namespace }
    : undefined;
}

/** The bytes `name` will hold once `writes` are applied: written, copied from another file, or as now. */
async function bytesAfter(directory: string, name: string, writes: readonly FileWrite[]): Promise<Buffer | undefined> {
  const write = writes.find((candidate) => candidate.name === name);
  if (write && 'contents' in write) return Buffer.from(write.contents);
  const source = write && 'sameAs' in write ? write.sameAs : name;
  const read = await nodeFileSystem().readFile(join(directory, source));
  return read.ok ? read.bytes : undefined;
}

/**
 * The manifest rewrites a change of `writes` in `directory` implies: one per `*.secret.yaml` there that
 * copies the set, when one of its three files changes. Nothing for other YAML files.
 */
export async function secretManifestWrites(directory: string, writes: readonly FileWrite[]): Promise<ManifestChange> {
  const change: ManifestChange = { writes: [], unchanged: new Map() };
  if (!writes.some((write) => (SECRET_SET_FILES as readonly string[]).includes(write.name))) return change;
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.endsWith(MANIFEST_SUFFIX)).sort()) {
    const read = await nodeFileSystem().readFile(join(directory, name), MAX_MANIFEST_BYTES);
    if (!read.ok) continue;
    const secret = setSecretOf(read.bytes.toString('utf8'));
    if (!secret) continue;
    const entries = [];
    for (const key of SECRET_SET_FILES) {
      const contents = await bytesAfter(directory, key, writes);
      if (contents === undefined) break;
      entries.push({ key, contents });
    }
    if (entries.length !== SECRET_SET_FILES.length) continue;
    const text = secretManifestText({
      name: secret.name,
      ...(secret.namespace !== undefined ? { namespace: secret.namespace } : {}),
      entries,
    });
    if (Buffer.from(text).equals(read.bytes)) continue;
    change.writes.push({ name, contents: text, mode: MANIFEST_MODE });
    change.unchanged.set(name, read.bytes);
  }
  return change;
}
