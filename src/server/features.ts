/**
 * The LSP features as thin adapters: an Analysis in, protocol objects out. The work is in
 * src/core/rules (hoverInfo, completionInfo, fixes, inlayInfo).
 */
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  Hover,
  InlayHint,
  MarkupKind,
  Position,
} from 'vscode-languageserver/node';
import { CodeActionKind, CompletionItemKind, InlayHintKind } from 'vscode-languageserver/node';
import { markdownToPlainText } from '../core/markdown';
import type { Analysis, FixData, RuleFinding } from '../core/rules';
import type { MountedFolderListing } from '../core/rules/completionInfo';
import { readText } from '../core/workspace';
import { completionCandidates } from '../core/rules/completionInfo';
import { documentFixes } from '../core/rules/documentFixes';
import { composeFixesFor } from '../core/rules/fixes';
import type { DocumentAnalysis } from './analyses';
import { hoverInfo, linkTargets } from '../core/rules/hoverInfo';
import { inlayInfo } from '../core/rules/inlayInfo';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';
import { isDiagnosticData, pathToUri, toDiagnostic, toOffsets, toRange } from './convert';

export function diagnosticsOf(document: TextDocument, findings: readonly RuleFinding[] | undefined): Diagnostic[] {
  return findings ? findings.map((finding) => toDiagnostic(document, finding)) : [];
}

export function hoverOf(document: TextDocument, analysis: Analysis, position: Position, markdown: boolean): Hover | null {
  const info = hoverInfo(analysis, document.offsetAt(position));
  if (!info) return null;
  const kind: MarkupKind = markdown ? 'markdown' : 'plaintext';
  const value = markdown ? info.markdown : markdownToPlainText(info.markdown);
  return { contents: { kind, value }, range: toRange(document, info.range) };
}

const COMPLETION_KIND = { key: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, file: CompletionItemKind.File } as const;

export function completionsOf(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
  listings: MountedFolderListing,
): CompletionItem[] {
  return completionCandidates(analysis.context, document.offsetAt(position), listings).map((candidate, index) => {
    const item: CompletionItem = {
      label: candidate.label,
      kind: COMPLETION_KIND[candidate.kind],
      textEdit: { range: toRange(document, candidate.range), newText: candidate.insertText ?? candidate.label },
      sortText: String(index).padStart(4, '0'),
    };
    if (candidate.detail !== undefined) item.detail = candidate.detail;
    if (candidate.documentation !== undefined) item.documentation = candidate.documentation;
    return item;
  });
}

/** Quick fixes; files other than the document (a compose file) are read through the analysis's file system. */
export async function codeActionsOf(document: TextDocument, params: CodeActionParams, analysed: DocumentAnalysis): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  const text = document.getText();
  const context = analysed.context;
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) continue;
    const data = diagnostic.data.fix;
    if (data.fix === 'add-volume') {
      const action = addVolumeAction(data, (await readText(context.fs, data.composeFile)).text);
      if (action) actions.push({ ...action, diagnostics: [diagnostic] });
      continue;
    }
    for (const fix of documentFixes(
      text,
      data,
      toOffsets(document, diagnostic.range),
      analysed.analyses,
      path.posix.basename(document.uri),
    )) {
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
      if (fix.edits.length > 0) {
        action.edit = { changes: { [document.uri]: fix.edits.map((edit) => ({ range: toRange(document, edit), newText: edit.newText })) } };
      }
      if (fix.command) action.command = fix.command;
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

function addVolumeAction(data: Extract<FixData, { fix: 'add-volume' }>, composeText: string | undefined): CodeAction | undefined {
  if (composeText === undefined) return undefined;
  const edits = composeFixesFor(composeText, data);
  if (edits.length === 0) return undefined;
  const composeDocument = TextDocument.create(pathToUri(data.composeFile), 'yaml', 0, composeText);
  return {
    title: `Mount ${data.hostPath}:${data.containerPath}${data.readOnly === false ? '' : ':ro'} in ${path.posix.basename(data.composeFile)} (service ${data.service})`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [composeDocument.uri]: edits.map((edit) => ({ range: toRange(composeDocument, edit), newText: edit.newText })) } },
  };
}

export function linksOf(document: TextDocument, analysis: Analysis): DocumentLink[] {
  return linkTargets(analysis).map(({ entry, hostPath }) => ({
    range: toRange(document, entry.valueRange),
    target: pathToUri(hostPath),
    tooltip: hostPath,
  }));
}

export function inlayHintsOf(document: TextDocument, analysis: Analysis): InlayHint[] {
  return inlayInfo(analysis).map((hint) => ({
    position: document.positionAt(hint.offset),
    label: hint.label,
    kind: InlayHintKind.Type,
    paddingLeft: true,
    ...(hint.tooltip ? { tooltip: hint.tooltip } : {}),
  }));
}
