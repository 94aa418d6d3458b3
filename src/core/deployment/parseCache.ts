/**
 * Parsed config and compose files, kept per path while their text is unchanged. The language server
 * resolves a deployment on every keystroke; only the document being edited should be parsed again.
 * Keyed by the exact text, so a cached model can never be stale. A config whose text changed is
 * read again reusing the unchanged top-level parts of its last reading (segmentedConfig.ts,
 * kubernetes/segmentedManifest.ts).
 */
import type { ComposeFile, ComposeVariables } from '../compose';
import { parseComposeFile } from '../compose';
import type { MilvusConfigFile } from '../config/milvusConfig';
import { SegmentedConfigReader } from '../config/segmentedConfig';
import type { ManifestFile } from '../kubernetes/manifestFile';
import { SegmentedManifestReader } from '../kubernetes/segmentedManifest';

export class ParseCache {
  private readonly configs = new Map<string, { text: string; config: MilvusConfigFile; reader: SegmentedConfigReader }>();
  private readonly composes = new Map<string, { text: string; variables: string; compose: ComposeFile }>();
  private readonly manifests = new Map<string, { text: string; manifest: ManifestFile; reader: SegmentedManifestReader }>();
  /** Embedded configs, keyed by the outer file and the region: the outer text decides them. */
  private readonly embedded = new Map<string, { text: string; source: string; config: MilvusConfigFile; reader: SegmentedConfigReader }>();

  config(filePath: string, text: string): MilvusConfigFile {
    const cached = this.configs.get(filePath);
    if (cached?.text === text) return cached.config;
    const reader = cached?.reader ?? new SegmentedConfigReader(filePath);
    const config = reader.read(text);
    this.configs.set(filePath, { text, config, reader });
    return config;
  }

  compose(filePath: string, text: string, variables: ComposeVariables): ComposeFile {
    const variablesKey = JSON.stringify(variables);
    const cached = this.composes.get(filePath);
    if (cached?.text === text && cached.variables === variablesKey) return cached.compose;
    const compose = parseComposeFile(text, filePath, { variables });
    this.composes.set(filePath, { text, variables: variablesKey, compose });
    return compose;
  }

  /** A (multi-document) Kubernetes YAML file. */
  manifest(filePath: string, text: string): ManifestFile {
    const cached = this.manifests.get(filePath);
    if (cached?.text === text) return cached.manifest;
    const reader = cached?.reader ?? new SegmentedManifestReader(filePath);
    const manifest = reader.read(text);
    this.manifests.set(filePath, { text, manifest, reader });
    return manifest;
  }

  /** A milvus.yaml embedded in `filePath` (see kubernetes/embeddedYaml.ts), read as the config `source`. */
  embeddedConfig(filePath: string, key: string, text: string, source: string): MilvusConfigFile {
    const cacheKey = `${filePath}\u0000${key}`;
    const cached = this.embedded.get(cacheKey);
    if (cached?.text === text && cached.source === source) return cached.config;
    const reader = cached?.source === source ? cached.reader : new SegmentedConfigReader(filePath, source);
    const config = reader.read(text);
    this.embedded.set(cacheKey, { text, source, config, reader });
    return config;
  }

  forget(filePath?: string): void {
    if (filePath === undefined) {
      this.configs.clear();
      this.composes.clear();
      this.manifests.clear();
      this.embedded.clear();
    } else {
      this.configs.delete(filePath);
      this.composes.delete(filePath);
      this.manifests.delete(filePath);
      for (const key of this.embedded.keys()) if (key.startsWith(`${filePath}\u0000`)) this.embedded.delete(key);
    }
  }
}
