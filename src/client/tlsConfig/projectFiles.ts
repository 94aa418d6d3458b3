// The certificate folders Enable TLS can use in a workspace folder. Read-only; the files Enable and
// Disable edit are chosen by the use cases in core (src/core/usecases).
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { CERTIFICATE_FILES_BY_MODE } from '../../core/usecases';
import { DEFAULT_EXCLUDED_DIRECTORIES } from '../../core/inspect/scan';
import { walkFiles } from '../../core/workspace';
import { diskFileSystem } from '../diskFileSystem';

/** Folders offered at most: more server.pem files than this is not a list anyone picks from. */
const MAX_RESULTS = 50;
const SET_FILES = ['ca.pem', 'server.pem', 'server.key', 'client.pem', 'client.key'];

export interface CertificateFolder {
  uri: vscode.Uri;
  /** Relative to the workspace folder: `tls/`, or `./`. */
  label: string;
  /** Files of the docs' set that are present (server.pem, server.key, ca.pem, client.pem, …). */
  present: string[];
}

export function relativeLabel(folder: vscode.WorkspaceFolder, uri: vscode.Uri, isFolder: boolean): string {
  const path = posix.relative(folder.uri.path, uri.path);
  if (path === '') return './';
  return isFolder ? `${path}/` : path;
}

/** Folders holding a server.pem and the other files the mode needs, the docs' `tls/` first. */
export async function findCertificateFolders(folder: vscode.WorkspaceFolder, mode: 1 | 2): Promise<CertificateFolder[]> {
  // The one bounded workspace walk (node_modules, .git and the backups skipped as the Certificates
  // view skips them, depth and entries capped), over the editor's file system (contained in Restricted Mode).
  const fs = diskFileSystem();
  const { files: servers } = await walkFiles(fs, folder.uri.fsPath, (name) => name === 'server.pem', {
    excludeFolders: DEFAULT_EXCLUDED_DIRECTORIES,
    includeHidden: true,
  });
  const result: CertificateFolder[] = [];
  for (const server of servers.slice(0, MAX_RESULTS)) {
    const dir = vscode.Uri.file(fs.path.dirname(server));
    const present: string[] = [];
    for (const name of SET_FILES) if ((await fs.stat(fs.path.join(dir.fsPath, name)))?.type === 'file') present.push(name);
    if (CERTIFICATE_FILES_BY_MODE[mode].every((name) => present.includes(name))) {
      result.push({ uri: dir, label: relativeLabel(folder, dir, true), present });
    }
  }
  return result.sort((a, b) => Number(b.label === 'tls/') - Number(a.label === 'tls/') || a.label.localeCompare(b.label));
}
