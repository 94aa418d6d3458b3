/**
 * One analysis per open document, keyed by uri + version + a generation that the file watcher
 * bumps: hovers, links and inlay hints reuse the diagnostics' analysis instead of re-checking.
 * Evicted on close. Certificate bytes are cached by stat in the FileCache, across documents.
 */
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isComposeFileName } from '../core/compose';
import type { Analysis, CheckInput } from '../core/rules';
import { analyseMilvusConfig, FileCache } from '../core/rules';
import { uriToPath } from './convert';
import type { ServerHost } from './nodeHost';
import { companionConfig } from './nodeHost';

export interface AnalysisSettings {
  warnDays: number | undefined;
}

export class Analyses {
  private readonly byUri = new Map<string, { key: string; analysis: Analysis }>();
  private generation = 0;
  readonly fileCache = new FileCache();
  private certificateFiles: readonly string[] = [];

  constructor(
    private readonly host: ServerHost,
    private readonly roots: () => readonly string[],
    private readonly openText: (filePath: string) => string | undefined,
  ) {}

  /** Undefined for documents that are not Milvus configs (compose files, non-file URIs). */
  get(document: TextDocument, settings: AnalysisSettings): Analysis | undefined {
    const fileName = uriToPath(document.uri) ?? `/untitled/${path.posix.basename(document.uri)}`;
    // *milvus*.yml also matches compose files such as milvus-standalone-docker-compose.yml: read, not diagnosed.
    if (isComposeFileName(fileName) || /^services\s*:/m.test(document.getText())) return undefined;
    const key = `${document.version}:${this.generation}:${settings.warnDays ?? ''}`;
    const cached = this.byUri.get(document.uri);
    if (cached?.key === key) return cached.analysis;
    const analysis = analyseMilvusConfig(this.input(document, fileName, settings));
    this.byUri.set(document.uri, { key, analysis });
    return analysis;
  }

  private input(document: TextDocument, fileName: string, settings: AnalysisSettings): CheckInput {
    const input: CheckInput = {
      text: document.getText(),
      fileName,
      files: this.host.files,
      cache: this.fileCache,
      workspaceCertificateFiles: this.certificateFiles,
    };
    if (settings.warnDays !== undefined) input.warnDays = settings.warnDays;
    const compose = this.host.composeFor(fileName, this.roots());
    if (compose) input.compose = compose;
    Object.assign(input, companionConfig(fileName, (filePath) => this.openText(filePath) ?? this.host.readText(filePath)));
    return input;
  }

  /** A referenced file changed on disk: everything may depend on it. */
  filesChanged(paths: readonly string[]): void {
    for (const filePath of paths) {
      this.fileCache.invalidate(filePath);
      this.host.invalidate(filePath);
    }
    this.generation++;
  }

  setCertificateFiles(files: readonly string[]): void {
    this.certificateFiles = files;
    this.generation++;
  }

  /** Settings changed or a companion document was edited. */
  invalidateAll(): void {
    this.generation++;
  }

  evict(uri: string): void {
    this.byUri.delete(uri);
  }
}
