/**
 * The Secret manifest written beside a generated set: the object `kubectl create secret generic NAME
 * --from-file=server.pem --from-file=server.key --from-file=ca.pem [--namespace NS] --dry-run=client
 * -o yaml` prints (same fields, same order, `data` base64), with a comment saying what it holds.
 *
 * Seam for renewal and rotation (src/core/pki lifecycle): after a phase rewrites server.pem,
 * server.key or ca.pem, `secretManifestFile` over the new files gives the manifest to write in the
 * same all-or-nothing write, so the Secret never lags the files.
 */
import type { SetFile } from '../pki/types';

/** The files of a set a Milvus pod needs, under the names the Milvus docs' Secret uses. */
export const SECRET_SET_FILES = ['server.pem', 'server.key', 'ca.pem'] as const;

export interface SecretManifestInput {
  name: string;
  namespace?: string;
  /** Key → file contents, as --from-file=KEY reads them. */
  entries: readonly { key: string; contents: string | Buffer }[];
}

export function secretManifestText(input: SecretManifestInput): string {
  const data = [...input.entries]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => `  ${entry.key}: ${Buffer.from(entry.contents).toString('base64')}`);
  return [
    '# Kubernetes Secret with the Milvus server certificate, its private key and the CA (milvus-tls generate).',
    '# It holds a private key: keep it out of git. Apply it with: kubectl apply -f <this file>',
    'apiVersion: v1',
    'data:',
    ...data,
    'kind: Secret',
    'metadata:',
    '  creationTimestamp: null',
    `  name: ${input.name}`,
    ...(input.namespace !== undefined ? [`  namespace: ${input.namespace}`] : []),
    '',
  ].join('\n');
}

export function secretManifestFileName(name: string): `${string}.secret.yaml` {
  return `${name}.secret.yaml`;
}

/** The manifest of server.pem, server.key and ca.pem of a set; undefined when one is missing from `files`. */
export function secretManifestFile(name: string, namespace: string | undefined, files: readonly SetFile[]): SetFile | undefined {
  const entries = SECRET_SET_FILES.map((key) => ({ key, file: files.find((file) => file.name === key) }));
  if (entries.some((entry) => entry.file === undefined)) return undefined;
  return {
    name: secretManifestFileName(name),
    contents: secretManifestText({
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      entries: entries.map((entry) => ({ key: entry.key, contents: entry.file?.contents ?? '' })),
    }),
    isPrivateKey: true,
  };
}

/**
 * The set's files plus its Secret manifest, for one all-or-nothing write. When only the leaves were
 * reissued (the CA kept), ca.pem is not among the new files: `existingCaPem` supplies it.
 */
export function withSecretManifest(
  files: readonly SetFile[],
  secret: { name: string; namespace?: string | undefined },
  existingCaPem?: string,
): SetFile[] {
  const withCa =
    files.some((file) => file.name === 'ca.pem') || existingCaPem === undefined
      ? files
      : [...files, { name: 'ca.pem', contents: existingCaPem, isPrivateKey: false }];
  const manifest = secretManifestFile(secret.name, secret.namespace, withCa);
  // The generator always makes server.pem and server.key; a set without them is a bug, not input.
  if (!manifest) throw new Error('the certificate set lacks server.pem, server.key or ca.pem');
  return [...files, manifest];
}
