/**
 * The wiring: owns the open documents, declares the capabilities and registers one thin handler
 * per feature. No module state, so tests can run several servers in one process.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  Diagnostic,
  DidChangeWatchedFilesParams,
  DocumentDiagnosticReport,
  InitializeParams,
  InitializeResult,
  ServerCapabilities,
} from 'vscode-languageserver/node';
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { isCertificateFileName } from '../core/inspect';
import type { AnalysisSettings, DocumentAnalysis } from './analyses';
import { Analyses, analysisAt } from './analyses';
import { pathToUri, uriToPath } from './convert';
import { codeActionsOf, completionsOf, diagnosticsOf, hoverOf, inlayHintsOf, linksOf } from './features';
import type { WorkspaceFileSystem } from '../core/workspace';
import { listMountedFolders } from '../core/deployment';
import { DiagnosticsPusher } from './pushDiagnostics';
import { WorkspaceFiles } from './workspaceFiles';
import type { DeploymentRequestParams, DeploymentRequestResult, InitializationOptions } from '../shared/protocol';
import { CONFIG_SECTION, DeploymentRequest, Settings } from '../shared/protocol';
import { summarizeDeployment } from '../core/deployment';
import { milvusTlsVersion } from '../version';

/** What the embedding process decides: tests read from memory instead of node:fs. */
export interface ServerOptions {
  disk?: WorkspaceFileSystem;
}

export const SERVER_NAME = 'milvus-tls-language-server';

export class MilvusLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly analyses: Analyses;
  private readonly files: WorkspaceFiles;
  private readonly capabilities: ClientCapabilities;
  private readonly settings = new Map<string, Promise<AnalysisSettings>>();
  /** Only for clients that cannot pull diagnostics (no textDocument.diagnostic capability). */
  private readonly pusher: DiagnosticsPusher | undefined;

  constructor(
    private readonly connection: Connection,
    params: InitializeParams,
    options: ServerOptions = {},
  ) {
    this.capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const roots = folders.map((uri) => uriToPath(uri)).filter((root): root is string => root !== undefined);
    const initialization = (params.initializationOptions ?? {}) as InitializationOptions;
    this.files = new WorkspaceFiles({ roots, trusted: initialization.trusted !== false, ...(options.disk ? { disk: options.disk } : {}) });
    const configGlobs = Array.isArray(initialization.configFiles)
      ? initialization.configFiles.filter((glob): glob is string => typeof glob === 'string' && glob !== '')
      : [];
    this.analyses = new Analyses(
      this.files,
      (filePath) => {
        const document = this.documents.get(pathToUri(filePath));
        return document ? { text: document.getText(), version: document.version } : undefined;
      },
      configGlobs,
    );
    if (pushesDiagnostics(this.capabilities)) {
      this.pusher = new DiagnosticsPusher(
        async (uri) => {
          const diagnostics = await this.diagnosticsFor(uri);
          const document = this.documents.get(uri);
          return diagnostics && document ? { version: document.version, diagnostics } : undefined;
        },
        (params) => connection.sendDiagnostics(params),
        (error) => connection.console.error(`publishing diagnostics failed: ${String(error)}`),
      );
    }
    this.register();
  }

  get initializeResult(): InitializeResult {
    // A fresh object per call: capabilities are never shared or mutated.
    const capabilities: ServerCapabilities = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '/'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      documentLinkProvider: { resolveProvider: false },
      inlayHintProvider: true,
    };
    return { capabilities, serverInfo: { name: SERVER_NAME, version: milvusTlsVersion() } };
  }

  private register(): void {
    const { connection, documents } = this;
    documents.listen(connection);
    documents.onDidClose((event) => {
      this.analyses.evict(event.document.uri);
      this.settings.delete(event.document.uri);
      this.pusher?.clear(event.document.uri);
    });
    // Editing user.yaml changes what milvus.yaml's diagnostics say (and a compose file, both): any
    // other open document may depend on the one that changed.
    documents.onDidChangeContent((event) => {
      if (documents.keys().length > 1) {
        this.analyses.invalidateAll();
        this.pusher?.scheduleAll(documents.keys());
      } else {
        this.pusher?.schedule(event.document.uri);
      }
    });
    connection.onInitialized(() => void this.scanCertificates());
    connection.onDidChangeConfiguration(() => {
      this.settings.clear();
      this.analyses.invalidateAll();
      this.refresh();
    });
    connection.onDidChangeWatchedFiles((params) => this.onWatchedFiles(params));
    connection.languages.diagnostics.on((params, token) =>
      this.guard(
        'diagnostics',
        emptyReport(),
        async () => {
          const items = await this.diagnosticsFor(params.textDocument.uri, token);
          return items ? { kind: DocumentDiagnosticReportKind.Full, items } : emptyReport();
        },
        token,
      ),
    );
    connection.onHover((params) =>
      this.withAnalysis(params.textDocument.uri, null, (document, analysed) => {
        const formats = this.capabilities.textDocument?.hover?.contentFormat;
        const analysis = analysisAt(analysed, document.offsetAt(params.position));
        return analysis ? hoverOf(document, analysis, params.position, formats === undefined || formats[0] === 'markdown') : null;
      }),
    );
    connection.onCompletion((params) =>
      this.withAnalysis(params.textDocument.uri, [], async (document, analysed) => {
        const analysis = analysisAt(analysed, document.offsetAt(params.position));
        return analysis
          ? completionsOf(document, analysis, params.position, await listMountedFolders(analysis.context.deployment, analysed.context))
          : [];
      }),
    );
    connection.onCodeAction((params) =>
      this.withAnalysis(params.textDocument.uri, [], (document, analysed) => codeActionsOf(document, params, analysed)),
    );
    connection.onDocumentLinks((params) =>
      this.withAnalysis(params.textDocument.uri, [], (document, { analyses }) =>
        analyses.flatMap((analysis) => linksOf(document, analysis)),
      ),
    );
    connection.languages.inlayHint.on((params) =>
      this.withAnalysis(params.textDocument.uri, [], (document, { analyses }) =>
        analyses.flatMap((analysis) => inlayHintsOf(document, analysis)),
      ),
    );
    connection.onRequest(DeploymentRequest.method, (params: DeploymentRequestParams) =>
      this.withAnalysis<DeploymentRequestResult>(params.textDocument.uri, null, (_document, analysed) => {
        const analysis = analysisAt(analysed, 0) ?? analysed.analyses[0];
        return analysis ? summarizeDeployment(analysis.context.deployment) : null;
      }),
    );
  }

  /** Undefined when the document is not open or the request was cancelled. */
  private async diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settingsFor(uri);
    // Looked up after the await: the document may have changed or closed meanwhile.
    const document = this.documents.get(uri);
    if (!document || token?.isCancellationRequested) return undefined;
    const analysed = await this.analyses.get(document, settings);
    // The document may have changed while its deployment was read: an older version's ranges are wrong.
    if (token?.isCancellationRequested || this.documents.get(uri)?.version !== document.version) return undefined;
    return diagnosticsOf(document, analysed?.findings);
  }

  private async withAnalysis<T>(
    uri: string,
    empty: T,
    run: (document: TextDocument, analysed: DocumentAnalysis) => T | Promise<T>,
  ): Promise<T> {
    return this.guard('request', empty, async () => {
      const document = this.documents.get(uri);
      if (!document) return empty;
      const analysed = await this.analyses.get(document, await this.settingsFor(uri));
      return analysed && this.documents.get(uri)?.version === document.version ? run(document, analysed) : empty;
    });
  }

  /** Every handler goes through here: a failure is logged and answered with an empty result, never stale data. */
  private async guard<T>(what: string, empty: T, run: () => Promise<T>, token?: CancellationToken): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (token?.isCancellationRequested) return empty;
      this.connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (error instanceof ResponseError) throw error;
      return empty;
    }
  }

  private settingsFor(uri: string): Promise<AnalysisSettings> {
    let settings = this.settings.get(uri);
    if (!settings) {
      settings = this.fetchSettings(uri);
      this.settings.set(uri, settings);
    }
    return settings;
  }

  private async fetchSettings(uri: string): Promise<AnalysisSettings> {
    if (!this.capabilities.workspace?.configuration) return { warnDays: undefined, kubernetes: {} };
    const section: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION });
    const settings = (section ?? {}) as Record<string, unknown>;
    const warnDays = settings[Settings.expiryWarningDays];
    const kubernetes = (settings.kubernetes ?? {}) as { release?: unknown; namespace?: unknown };
    const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
    const release = text(kubernetes.release);
    const namespace = text(kubernetes.namespace);
    return {
      warnDays: typeof warnDays === 'number' ? warnDays : undefined,
      kubernetes: { ...(release !== undefined ? { release } : {}), ...(namespace !== undefined ? { namespace } : {}) },
    };
  }

  private onWatchedFiles(params: DidChangeWatchedFilesParams): void {
    const paths = params.changes.map((change) => uriToPath(change.uri)).filter((filePath): filePath is string => filePath !== undefined);
    this.analyses.filesChanged(paths);
    // Created or deleted certificates change the client-certificate list; content changes do not.
    if (params.changes.some((change) => change.type !== FileChangeType.Changed && isCertificateFileName(change.uri))) {
      void this.scanCertificates();
    } else this.refresh();
  }

  private async scanCertificates(): Promise<void> {
    try {
      this.analyses.setCertificateFiles(await this.files.certificateFiles());
    } catch (error) {
      this.connection.console.warn(`scanning for certificates failed: ${String(error)}`);
    }
    this.refresh();
  }

  /** Asks the client to pull diagnostics and inlay hints again, if it can; pushes them if it cannot pull. */
  private refresh(): void {
    this.pusher?.scheduleAll(this.documents.keys());
    const workspace = this.capabilities.workspace;
    if (workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    if (workspace?.inlayHint?.refreshSupport) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  dispose(): void {
    this.pusher?.dispose();
    this.settings.clear();
  }
}

/** Clients that cannot pull diagnostics (no textDocument.diagnostic capability) get them pushed; the others never do. */
export function pushesDiagnostics(capabilities: ClientCapabilities): boolean {
  return !capabilities.textDocument?.diagnostic;
}

function emptyReport(): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
}

/** Starts a server on a connection: the instance is built in onInitialize, disposed on shutdown. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  let server: MilvusLanguageServer | undefined;
  connection.onInitialize((params) => {
    server = new MilvusLanguageServer(connection, params, options);
    return server.initializeResult;
  });
  connection.onShutdown(() => {
    server?.dispose();
    server = undefined;
  });
  connection.listen();
}
