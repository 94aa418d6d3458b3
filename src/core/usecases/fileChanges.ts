/**
 * Planned edits to workspace files, as every writing use case returns them: the text they apply to
 * (so the editor can refuse when a document changed meanwhile), and the edits or the new file. The
 * CLI writes them atomically; the editor applies them as one WorkspaceEdit (one Undo).
 */
import type { TextEdit } from '../edit';
import { applyTextEdits } from '../edit';

export interface FileChange {
  path: string;
  /** Relative to the project, for messages. */
  label: string;
  /** The text the edits apply to; undefined for a file that is created. */
  before: string | undefined;
  edits: TextEdit[] | { create: string };
}

export function hasChanges(change: FileChange): boolean {
  return !Array.isArray(change.edits) || change.edits.length > 0;
}

export function resultText(change: FileChange): string {
  return Array.isArray(change.edits) ? applyTextEdits(change.before ?? '', change.edits) : change.edits.create;
}
