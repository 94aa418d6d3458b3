/**
 * The Secrets and ConfigMaps a Kubernetes deployment can see in the workspace: those in its own file
 * first, then those in YAML files of its folder and the folders below it (a bounded walk: the
 * generated `tls/NAME.secret.yaml` sits one level down). Nothing here talks to a cluster; a Secret
 * that is only in the cluster stays unknown, and the paths it backs are "not checkable here".
 */
import type { ManifestFile } from '../../kubernetes/manifestFile';
import type { SecretManifest } from '../../kubernetes/secret';
import { readSecretManifest } from '../../kubernetes/secret';
import { readText, walkFiles } from '../../workspace';
import { child, stringField } from '../../kubernetes/yamlNodes';
import type { ResolveContext } from '../context';

export interface IndexedManifest {
  file: string;
  /** The whole file it is in (text, lines). */
  source: ManifestFile;
  manifest: SecretManifest;
}

export interface ManifestIndex {
  secrets: IndexedManifest[];
  configMaps: IndexedManifest[];
  /** Secrets cert-manager Certificates in the workspace write (spec.secretName): their keys are tls.crt, tls.key, ca.crt. */
  certificateSecrets: { file: string; secretName: string; namespace: string | undefined }[];
  /** True when the walk stopped at a limit: a Secret may exist that we did not see. */
  truncated: boolean;
}

const WALK = { maxDepth: 2, maxEntries: 2_000 } as const;
/** Only files that could hold one are parsed. */
const HOLDS_SECRET_OR_CONFIG_MAP = /^kind:\s*["']?(?:Secret|ConfigMap|Certificate)["']?\s*$/m;

export function manifestsOf(file: string, manifest: ManifestFile): IndexedManifest[] {
  return manifest.documents.flatMap((doc) => {
    const read = readSecretManifest(doc);
    return read ? [{ file, source: manifest, manifest: read }] : [];
  });
}

/** cert-manager Certificates and the Secret each writes. */
export function certificateSecretsOf(file: string, manifest: ManifestFile): ManifestIndex['certificateSecrets'] {
  return manifest.documents.flatMap((doc) => {
    if (doc.kind !== 'Certificate' || doc.apiVersion?.startsWith('cert-manager.io/') !== true) return [];
    const secretName = stringField(child(doc.root, 'spec'), 'secretName');
    return secretName !== undefined ? [{ file, secretName, namespace: doc.namespace }] : [];
  });
}

export async function indexManifests(file: string, own: ManifestFile, context: ResolveContext): Promise<ManifestIndex> {
  const pathApi = context.fs.path;
  const found: IndexedManifest[] = manifestsOf(file, own);
  const certificateSecrets = certificateSecretsOf(file, own);
  const walk = await walkFiles(context.fs, pathApi.dirname(file), (name) => /\.ya?ml$/i.test(name), WALK);
  for (const candidate of walk.files) {
    if (pathApi.resolve(candidate) === pathApi.resolve(file)) continue;
    const read = await readText(context.fs, candidate);
    if (read.text === undefined || !HOLDS_SECRET_OR_CONFIG_MAP.test(read.text)) continue;
    const parsed = context.parsed.manifest(candidate, read.text);
    found.push(...manifestsOf(candidate, parsed));
    certificateSecrets.push(...certificateSecretsOf(candidate, parsed));
  }
  return {
    secrets: found.filter((entry) => entry.manifest.kind === 'Secret'),
    configMaps: found.filter((entry) => entry.manifest.kind === 'ConfigMap'),
    certificateSecrets,
    truncated: walk.truncated,
  };
}

/**
 * The manifest a volume names: same name, and a namespace that can be the deployment's (a manifest
 * without one is applied into whatever namespace kubectl uses). The deployment's own file wins.
 */
export function findManifest(list: readonly IndexedManifest[], name: string, namespace: string | undefined): IndexedManifest | undefined {
  return list.find(
    (entry) =>
      entry.manifest.name === name &&
      (entry.manifest.namespace === undefined || namespace === undefined || entry.manifest.namespace === namespace),
  );
}
