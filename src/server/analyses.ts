/**
 * One analysis per open document, keyed by uri + version + a generation that the file watcher
 * bumps: hovers, links and inlay hints reuse the diagnostics' analysis instead of re-checking. The
 * document's deployment is resolved through the deployment model (src/core/deployment), the same
 * one the CLI and the extension use. Evicted on close.
 */
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isComposeFileName } from '../core/compose';
import type { LoadedFile, ResolveContext } from '../core/deployment';
import { deploymentForConfigFile } from '../core/deployment';
import { roleHintFromFileName } from '../core/inspect';
import type { Analysis } from '../core/rules';
import { analyseMilvusConfig } from '../core/rules';
import { uriToPath } from './convert';
import type { WorkspaceFiles } from './workspaceFiles';

export interface AnalysisSettings {
  warnDays: number | undefined;
}

export interface DocumentAnalysis {
  analysis: Analysis;
  /** The context it was resolved with (its file system sees this document's text). */
  context: ResolveContext;
}

export class Analyses {
  private readonly byUri = new Map<string, { key: string; result: Promise<DocumentAnalysis | undefined> }>();
  private generation = 0;
  private certificateFiles: readonly string[] = [];

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly openText: (filePath: string) => { text: string; version: number } | undefined,
  ) {}

  /** Undefined for documents that are not Milvus configs (compose files, non-file URIs). */
  get(document: TextDocument, settings: AnalysisSettings): Promise<DocumentAnalysis | undefined> {
    const fileName = uriToPath(document.uri) ?? `/untitled/${path.posix.basename(document.uri)}`;
    // *milvus*.yml also matches compose files such as milvus-standalone-docker-compose.yml: read, not diagnosed.
    if (isComposeFileName(fileName) || /^services\s*:/m.test(document.getText())) return Promise.resolve(undefined);
    const key = `${document.version}:${this.generation}:${settings.warnDays ?? ''}`;
    const cached = this.byUri.get(document.uri);
    if (cached?.key === key) return cached.result;
    const result = this.analyse(document, fileName, settings);
    this.byUri.set(document.uri, { key, result });
    return result;
  }

  private async analyse(document: TextDocument, fileName: string, settings: AnalysisSettings): Promise<DocumentAnalysis> {
    // This document's text as of this version, whatever happens while we read the rest.
    const text = document.getText();
    const own = { text, version: document.version };
    const context = this.files.context((filePath) => (filePath === fileName ? own : this.openText(filePath)));
    const deployment = await deploymentForConfigFile(fileName, this.files.roots, context);
    const clientCertificates: LoadedFile[] = await Promise.all(this.certificateFiles
      .filter((candidate) => roleHintFromFileName(candidate) === 'client')
      .map((candidate) => context.cache.load(context.fs, candidate)));
    const analysis = analyseMilvusConfig({
      deployment, fileName, text, clientCertificates, cache: context.cache,
      ...(settings.warnDays !== undefined ? { warnDays: settings.warnDays } : {}),
    });
    return { analysis, context };
  }

  /** A referenced file changed on disk: everything may depend on it. */
  filesChanged(paths: readonly string[]): void {
    for (const filePath of paths) this.files.invalidate(filePath);
    this.generation++;
  }

  setCertificateFiles(files: readonly string[]): void {
    this.certificateFiles = files;
    this.generation++;
  }

  /** Settings changed or another config or compose document was edited. */
  invalidateAll(): void {
    this.generation++;
  }

  evict(uri: string): void {
    this.byUri.delete(uri);
  }
}
