/**
 * Parsed config and compose files, kept per path while their text is unchanged. The language server
 * resolves a deployment on every keystroke; only the document being edited should be parsed again.
 * Keyed by the exact text, so a cached model can never be stale.
 */
import type { ComposeFile, ComposeVariables } from '../compose';
import { parseComposeFile } from '../compose';
import type { MilvusConfigFile } from '../config/milvusConfig';
import { parseMilvusConfig } from '../config/milvusConfig';

export class ParseCache {
  private readonly configs = new Map<string, { text: string; config: MilvusConfigFile }>();
  private readonly composes = new Map<string, { text: string; variables: string; compose: ComposeFile }>();

  config(filePath: string, text: string): MilvusConfigFile {
    const cached = this.configs.get(filePath);
    if (cached?.text === text) return cached.config;
    const config = parseMilvusConfig(text, filePath);
    this.configs.set(filePath, { text, config });
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

  forget(filePath?: string): void {
    if (filePath === undefined) {
      this.configs.clear();
      this.composes.clear();
    } else {
      this.configs.delete(filePath);
      this.composes.delete(filePath);
    }
  }
}
