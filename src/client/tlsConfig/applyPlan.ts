// Applies planned file changes (src/core/usecases FileChange) as ONE WorkspaceEdit, so one Undo
// reverts them all, converting the planners' offsets with the documents' own positionAt, then saves
// so Docker sees the files.
import * as vscode from 'vscode';
import type { FileChange } from '../../core/usecases';
import { hasChanges } from '../../core/usecases';

export class DocumentChangedError extends Error {
  override readonly name = 'DocumentChangedError';
}

/**
 * True when VS Code applied the edit. A document whose text is no longer the text the plan was made
 * from is refused (the offsets would point at the wrong text); nothing is applied then.
 */
export async function applyFileChanges(changes: readonly FileChange[], label: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  const touched: vscode.Uri[] = [];
  for (const change of changes.filter(hasChanges)) {
    const uri = vscode.Uri.file(change.path);
    touched.push(uri);
    if (!Array.isArray(change.edits)) {
      edit.createFile(uri, { overwrite: false, contents: Buffer.from(change.edits.create, 'utf8') }, metadata);
      continue;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== change.before) {
      throw new DocumentChangedError(
        `${vscode.workspace.asRelativePath(uri)} changed while Milvus TLS was planning; run the command again`,
      );
    }
    for (const textEdit of change.edits) {
      edit.replace(
        uri,
        new vscode.Range(document.positionAt(textEdit.start), document.positionAt(textEdit.end)),
        textEdit.newText,
        metadata,
      );
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  for (const uri of touched) {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty) await document.save();
  }
  return true;
}
