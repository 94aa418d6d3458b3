// The deployment model's view of the workspace in the extension host: the disk as the extension may
// read it (diskFileSystem.ts: vscode.workspace.fs, contained in Restricted Mode) with the editor's
// unsaved text over it.
import * as vscode from 'vscode';
import type { ResolveContext } from '../core/deployment';
import { LoadedFileCache, ParseCache } from '../core/deployment';
import { overlayFileSystem } from '../core/workspace';
import { diskFileSystem } from './diskFileSystem';

/** A fresh context per command: what the workspace holds now, contained when it is not trusted. */
export function workspaceContext(): ResolveContext {
  const fs = overlayFileSystem(diskFileSystem(), (filePath) => {
    const document = vscode.workspace.textDocuments.find(
      (candidate) => candidate.uri.scheme === 'file' && candidate.uri.fsPath === filePath,
    );
    return document ? { text: document.getText(), version: document.version } : undefined;
  });
  return { fs, cache: new LoadedFileCache(), parsed: new ParseCache() };
}
