// The certificate folders Enable TLS can use in a workspace folder. Read-only; the files Enable and
// Disable edit are chosen by the use cases in core (src/core/usecases).
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { CERTIFICATE_FILES_BY_MODE } from '../../core/usecases';

const EXCLUDE = '**/{node_modules,.git}/**';
const MAX_RESULTS = 50;
const SET_FILES = ['ca.pem', 'server.pem', 'server.key', 'client.pem', 'client.key'];

export interface CertificateFolder {
  uri: vscode.Uri;
  /** Relative to the workspace folder: `tls/`, or `./`. */
  label: string;
  /** Files of the docs' set that are present (server.pem, server.key, ca.pem, client.pem, …). */
  present: string[];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function relativeLabel(folder: vscode.WorkspaceFolder, uri: vscode.Uri, isFolder: boolean): string {
  const path = posix.relative(folder.uri.path, uri.path);
  if (path === '') return './';
  return isFolder ? `${path}/` : path;
}

/** Folders holding a server.pem and the other files the mode needs, the docs' `tls/` first. */
export async function findCertificateFolders(folder: vscode.WorkspaceFolder, mode: 1 | 2): Promise<CertificateFolder[]> {
  const servers = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/server.pem'), EXCLUDE, MAX_RESULTS);
  const result: CertificateFolder[] = [];
  for (const server of servers) {
    const dir = vscode.Uri.joinPath(server, '..');
    const present: string[] = [];
    for (const name of SET_FILES) if (await exists(vscode.Uri.joinPath(dir, name))) present.push(name);
    if (CERTIFICATE_FILES_BY_MODE[mode].every((name) => present.includes(name))) {
      result.push({ uri: dir, label: relativeLabel(folder, dir, true), present });
    }
  }
  return result.sort((a, b) => Number(b.label === 'tls/') - Number(a.label === 'tls/') || a.label.localeCompare(b.label));
}
