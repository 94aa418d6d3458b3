// "Show Details": a read-only virtual document with the complete dump of one certificate. Its
// name ends in .pem so the PEM grammar colours it: the dump reads as comments, the block as PEM.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { CertExplorer } from '../../constants';
import { readPemOrDer } from '../../core/inspect/readFile';
import { DEFAULT_MAX_BYTES } from '../../core/inspect/scan';
import { manifestEntryBytes, parseManifestEntryPath } from '../../core/kubernetes';
import { diskFileSystem } from '../diskFileSystem';
import { certificateDump } from './details';
import type { ScanSnapshot } from './scanner';
import { workspaceContext } from './treeModel';

export interface CertificateLocation {
  file: string;
  indexInFile: number;
}

export function detailsUri(location: CertificateLocation, label: string): vscode.Uri {
  const title = `${label} (${basename(location.file)})`.replace(/[\\/]/g, '_');
  const query = new URLSearchParams({ file: location.file, index: String(location.indexInFile) }).toString();
  return vscode.Uri.from({ scheme: CertExplorer.detailsScheme, path: `/${title}.pem`, query });
}

function locationOf(uri: vscode.Uri): CertificateLocation | undefined {
  const query = new URLSearchParams(uri.query);
  const file = query.get('file');
  const index = Number(query.get('index'));
  return file && Number.isInteger(index) ? { file, indexInFile: index } : undefined;
}

/**
 * The file's current text: the editor's unsaved version when it is open, else the disk's, read as the
 * Certificates view reads it (capped, never a FIFO, only inside the workspace folders in Restricted Mode).
 */
async function fileBytes(file: string): Promise<Buffer> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === file);
  if (open) return Buffer.from(open.getText());
  const read = await diskFileSystem().readFile(file, DEFAULT_MAX_BYTES);
  if (!read.ok) throw new Error(read.message);
  return read.bytes;
}

/** A certificate file's bytes, or a Secret key's (`file#secret/key`) as read from its manifest now. */
async function currentBytes(path: string): Promise<Buffer> {
  const entry = parseManifestEntryPath(path);
  if (!entry) return fileBytes(path);
  const bytes = manifestEntryBytes((await fileBytes(entry.file)).toString('utf8'), entry);
  if (!bytes) throw new Error(`the Secret "${entry.secret}" in ${basename(entry.file)} no longer holds ${entry.key}`);
  return bytes;
}

export class CertificateDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #onDidChange = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#onDidChange.event;

  constructor(private readonly latest: () => ScanSnapshot | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const location = locationOf(uri);
    if (!location) return 'This details link is malformed.';
    let bytes: Buffer;
    try {
      bytes = await currentBytes(location.file);
    } catch (error) {
      return `${location.file} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    const now = new Date();
    const cert = readPemOrDer(bytes, location.file, now).objects.find(
      (object) => object.kind === 'certificate' && object.indexInFile === location.indexInFile,
    );
    if (cert?.kind !== 'certificate') return `${location.file} no longer holds certificate #${location.indexInFile + 1}.`;
    // The workspace adds issuer, keys and findings, if the scan saw this very certificate.
    const inspection = this.latest()?.inspection;
    const known = inspection?.certificates.find((other) => other.id === cert.id && other.fingerprintSha256 === cert.fingerprintSha256);
    return certificateDump(cert, inspection && known ? workspaceContext(inspection, known) : {}, now);
  }

  /** Re-renders open details documents after a rescan (a renewed file changes its dump). */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === CertExplorer.detailsScheme) this.#onDidChange.fire(document.uri);
    }
  }

  dispose(): void {
    this.#onDidChange.dispose();
  }
}

export async function showCertificateDetails(location: CertificateLocation, label: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(detailsUri(location, label));
  await vscode.window.showTextDocument(document, { preview: true });
}
