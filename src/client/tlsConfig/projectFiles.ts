// Finding what Enable / Disable TLS edit in a workspace folder: the certificate folders, the
// milvus.yaml and the compose file next to it. Read-only; asks the user only when there is a choice.
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { COMPOSE_FILE_NAMES } from '../../core/compose/composeFileLookup';

const EXCLUDE = '**/{node_modules,.git}/**';
const MAX_RESULTS = 50;

export interface CertificateFolder {
  uri: vscode.Uri;
  /** Relative to the workspace folder: `tls/`, or `./`. */
  label: string;
  /** Files of the docs' set that are present (server.pem, server.key, ca.pem, client.pem, …). */
  present: string[];
}

const SET_FILES = ['ca.pem', 'server.pem', 'server.key', 'client.pem', 'client.key'];

export function requiredCertificateFiles(mode: 1 | 2): string[] {
  return mode === 2 ? ['server.pem', 'server.key', 'ca.pem'] : ['server.pem', 'server.key'];
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
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
    if (requiredCertificateFiles(mode).every((name) => present.includes(name))) {
      result.push({ uri: dir, label: relativeLabel(folder, dir, true), present });
    }
  }
  return result.sort((a, b) => Number(b.label === 'tls/') - Number(a.label === 'tls/') || a.label.localeCompare(b.label));
}

/** Every milvus.yaml in the folder, the one at its root first. */
export async function findMilvusYamls(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/milvus.yaml'), EXCLUDE, MAX_RESULTS);
  const atRoot = (uri: vscode.Uri): boolean => posix.dirname(uri.path) === folder.uri.path;
  return found.sort((a, b) => Number(atRoot(b)) - Number(atRoot(a)) || a.path.localeCompare(b.path));
}

/** The compose file in `dir` (Docker Compose's order of preference), undefined when none. */
export async function findComposeIn(dir: vscode.Uri): Promise<vscode.Uri | undefined> {
  for (const name of COMPOSE_FILE_NAMES) {
    const candidate = vscode.Uri.joinPath(dir, name);
    if (await exists(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The milvus.yaml to edit: the only one or the root one, else the user's pick; undefined when the
 * workspace has none (the caller creates one) or the user cancelled (`cancelled`).
 */
export async function pickMilvusYaml(folder: vscode.WorkspaceFolder, purpose: string): Promise<vscode.Uri | 'none' | 'cancelled'> {
  const candidates = await findMilvusYamls(folder);
  const [first] = candidates;
  if (!first) return 'none';
  if (candidates.length === 1 || posix.dirname(first.path) === folder.uri.path) return first;
  const picked = await vscode.window.showQuickPick(
    candidates.map((uri) => ({ label: relativeLabel(folder, uri, false), uri })),
    { title: purpose, placeHolder: 'Which milvus.yaml does your Milvus use?', ignoreFocusOut: true },
  );
  return picked?.uri ?? 'cancelled';
}

/** `a/b` from `fromDir` to `to`, with forward slashes, as compose files write paths. */
export function relativePosix(fromDir: vscode.Uri, to: vscode.Uri): string {
  const path = posix.relative(fromDir.path, to.path);
  return path === '' ? '.' : path;
}
