/**
 * One analysis per open document, keyed by uri + version + a generation that the file watcher
 * bumps: hovers, links and inlay hints reuse the diagnostics' analysis instead of re-checking. The
 * document's deployment is resolved through the deployment model (src/core/deployment), the same
 * one the CLI and the extension use. Evicted on close.
 *
 * Which documents are ours: a Kubernetes file (chart values, Milvus resource, Secret, cert-manager
 * object) by content, whatever its name; else a Milvus config by name (milvus.yaml, user.yaml,
 * *milvus*.yaml, `milvusTls.configFiles`). Every other YAML file the editor sends gets nothing.
 */
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_GLOBS } from '../shared/protocol';
import { isComposeFileName } from '../core/compose';
import type { KubernetesNames, LoadedFile, ResolveContext } from '../core/deployment';
import { roleHintFromFileName } from '../core/inspect';
import type { Analysis, RuleFinding } from '../core/rules';
import { analysisAt as analysisAtOffset } from '../core/rules/documentFixes';
import { analyseDocument } from '../core/usecases/analyseDocument';
import { matchesGlob } from '../core/workspace';
import { uriToPath } from './convert';
import type { WorkspaceFiles } from './workspaceFiles';

export interface AnalysisSettings {
  warnDays: number | undefined;
  kubernetes: KubernetesNames;
}

export interface DocumentAnalysis {
  /** Everything reported on the document. */
  findings: RuleFinding[];
  /** The milvus.yaml analyses in it: one for a config file, one per deployment of a Kubernetes file. */
  analyses: Analysis[];
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
    /** `milvusTls.configFiles`: more names of Milvus config files. */
    private readonly configGlobs: readonly string[] = [],
  ) {}

  /** Undefined for documents that are not ours (compose files, other YAML, non-file URIs). */
  get(document: TextDocument, settings: AnalysisSettings): Promise<DocumentAnalysis | undefined> {
    const fileName = uriToPath(document.uri) ?? `/untitled/${path.posix.basename(document.uri)}`;
    // *milvus*.yml also matches compose files such as milvus-standalone-docker-compose.yml: read, not diagnosed.
    if (isComposeFileName(fileName) || /^services\s*:/m.test(document.getText())) return Promise.resolve(undefined);
    const key = `${document.version}:${this.generation}:${settings.warnDays ?? ''}:${settings.kubernetes.release ?? ''}:${settings.kubernetes.namespace ?? ''}`;
    const cached = this.byUri.get(document.uri);
    if (cached?.key === key) return cached.result;
    const result = this.analyse(document, fileName, settings);
    this.byUri.set(document.uri, { key, result });
    return result;
  }

  private isConfigByName(fileName: string): boolean {
    return [...CONFIG_FILE_GLOBS, ...this.configGlobs].some((pattern) => matchesGlob(path.posix, fileName, pattern, this.files.roots));
  }

  private async analyse(document: TextDocument, fileName: string, settings: AnalysisSettings): Promise<DocumentAnalysis | undefined> {
    // This document's text as of this version, whatever happens while we read the rest.
    const text = document.getText();
    const own = { text, version: document.version };
    const context = this.files.context((filePath) => (filePath === fileName ? own : this.openText(filePath)));
    const selected = this.isConfigByName(fileName);
    const clientCertificates: LoadedFile[] = await Promise.all(
      this.certificateFiles
        .filter((candidate) => roleHintFromFileName(candidate) === 'client')
        .map((candidate) => context.cache.load(context.fs, candidate)),
    );
    const analysed = await analyseDocument({
      fileName,
      text,
      roots: this.files.roots,
      context,
      selected,
      kubernetes: settings.kubernetes,
      clientCertificates,
      ...(settings.warnDays !== undefined ? { warnDays: settings.warnDays } : {}),
    });
    return analysed && { ...analysed, context };
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

/** The milvus.yaml analysis a position belongs to (see core/rules/documentFixes.ts). */
export function analysisAt(analysed: DocumentAnalysis, offset: number): Analysis | undefined {
  return analysisAtOffset(analysed.analyses, offset);
}
