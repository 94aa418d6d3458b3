/** Core ⇄ LSP: offsets to positions (only here), severities, file paths to URIs. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { FixData, RuleFinding, RuleSeverity } from '../core/rules';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';

const SEVERITY: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its quick fixes. */
export interface DiagnosticData {
  fix: FixData;
}

export function toRange(document: TextDocument, range: { start: number; end: number }): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function toOffsets(document: TextDocument, range: Range): { start: number; end: number } {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

export function toDiagnostic(document: TextDocument, finding: RuleFinding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.range),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  if (finding.data) diagnostic.data = { fix: finding.data } satisfies DiagnosticData;
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as { fix?: { fix?: unknown } }).fix?.fix === 'string';
}

/** A file: URI as a posix path; undefined for other schemes (untitled:, vscode-remote:…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  return fileURLToPath(uri).replace(/\\/g, '/');
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).toString();
}
