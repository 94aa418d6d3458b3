/**
 * Certificates and keys inside Secret manifests, as files for the one certificate engine
 * (src/core/inspect): each Secret key holding PEM becomes an input named `file#secret/key` — the
 * name `milvus-tls inspect`, the Certificates view and the status bar show — with the bytes a pod
 * would see when the Secret is mounted. Values YAML folded or base64 broke are left to the
 * diagnostics, which report them on the key.
 */
import type { InputFile } from '../inspect/types';
import { parseManifestFile } from './manifestFile';
import type { SecretEntry } from './secret';
import { readSecretManifest } from './secret';

export interface ManifestEntryPath {
  /** The manifest file. */
  file: string;
  secret: string;
  key: string;
}

/** `/ws/k8s/certs.yaml#certs/server.pem`. */
export function manifestEntryPath(file: string, secret: string, key: string): string {
  return `${file}#${secret}/${key}`;
}

/** The parts of an entry path; undefined for a plain file path. */
export function parseManifestEntryPath(path: string): ManifestEntryPath | undefined {
  const match = /^(.*\.ya?ml)#([^/#]+)\/([^/#]+)$/i.exec(path);
  if (!match) return undefined;
  const [, file = '', secret = '', key = ''] = match;
  return { file, secret, key };
}

/** Cheap gate: only files that can hold a Secret are parsed. */
export function mayHoldSecret(text: string): boolean {
  return /^kind:\s*["']?Secret["']?\s*$/m.test(text);
}

export interface ManifestCertificateEntry {
  input: InputFile;
  /** 0-based line of the key in the manifest, where a click should land. */
  line: number;
}

function holdsPem(entry: SecretEntry): boolean {
  return !entry.shadowed && entry.problems.length === 0 && entry.bytes !== undefined && entry.bytes.includes('-----BEGIN ');
}

/** Every Secret key of the manifest that holds PEM, as an inspection input. */
export function manifestCertificateEntries(file: string, text: string): ManifestCertificateEntry[] {
  if (!mayHoldSecret(text)) return [];
  const manifest = parseManifestFile(text, file);
  return manifest.documents.flatMap((doc) => {
    const secret = doc.kind === 'Secret' ? readSecretManifest(doc) : undefined;
    if (!secret) return [];
    return secret.entries.filter(holdsPem).map((entry) => ({
      input: { path: manifestEntryPath(file, secret.name, entry.key), bytes: entry.bytes ?? Buffer.alloc(0) },
      line: manifest.lineCounter.linePos(entry.keyRange.start).line - 1,
    }));
  });
}

/** The bytes of one entry in the manifest's current text; undefined when it is gone. */
export function manifestEntryBytes(text: string, entry: ManifestEntryPath): Buffer | undefined {
  const found = manifestCertificateEntries(entry.file, text).find(
    (candidate) => candidate.input.path === manifestEntryPath(entry.file, entry.secret, entry.key),
  );
  return found && Buffer.isBuffer(found.input.bytes) ? found.input.bytes : undefined;
}
