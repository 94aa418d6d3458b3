// Applies planned file changes as ONE WorkspaceEdit (so one Undo reverts them all), converting the
// planners' offsets with the documents' own positionAt, then saves so Docker sees the files.
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/edit';

export interface DocumentChange {
  uri: vscode.Uri;
  /** The open document the offsets refer to; undefined for a file to create. */
  document: vscode.TextDocument | undefined;
  edits: TextEdit[] | { create: string };
}

export function changeCount(change: DocumentChange): number {
  return Array.isArray(change.edits) ? change.edits.length : 1;
}

/**
 * True when VS Code applied the edit. The documents are then saved; a document changed since it
 * was read (its version moved) is refused, since the offsets would point at the wrong text.
 */
export async function applyDocumentChanges(changes: readonly DocumentChange[], versions: ReadonlyMap<string, number>, label: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  for (const change of changes) {
    if (!Array.isArray(change.edits)) {
      edit.createFile(change.uri, { overwrite: false, contents: Buffer.from(change.edits.create, 'utf8') }, metadata);
      continue;
    }
    const document = change.document;
    if (!document || change.edits.length === 0) continue;
    if (versions.get(document.uri.toString()) !== document.version) {
      throw new Error(`${vscode.workspace.asRelativePath(document.uri)} changed while Milvus TLS was planning; run the command again`);
    }
    for (const textEdit of change.edits) {
      edit.replace(document.uri, new vscode.Range(document.positionAt(textEdit.start), document.positionAt(textEdit.end)), textEdit.newText, metadata);
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  for (const change of changes) {
    if (changeCount(change) === 0) continue;
    const document = change.document ?? await vscode.workspace.openTextDocument(change.uri);
    if (document.isDirty) await document.save();
  }
  return true;
}
