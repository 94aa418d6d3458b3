// A CodeLens above each BEGIN CERTIFICATE block of a PEM file: who it is, who issued it, when it
// expires. Read from the editor's text, so it follows unsaved edits.
import * as vscode from 'vscode';
import { Commands } from '../../shared/protocol';
import { readPemOrDer } from '../../core/inspect/readFile';
import { certificateLenses } from './codeLensModel';
import type { CertificateLocation } from './detailsDocument';

export class PemCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = document.uri.fsPath;
    const result = readPemOrDer(Buffer.from(document.getText()), file);
    return certificateLenses(result, new Date()).map((lens) => {
      const location: CertificateLocation = { file, indexInFile: lens.indexInFile };
      return new vscode.CodeLens(new vscode.Range(lens.line, 0, lens.line, 0), {
        title: lens.title,
        tooltip: 'Show every field of this certificate',
        command: Commands.showCertificateDetails,
        arguments: [location, lens.label],
      });
    });
  }
}

/** Only real files: details documents are PEM too, and a lens there would point at itself. */
export const PEM_FILES: vscode.DocumentSelector = [
  { language: 'pem', scheme: 'file' },
  { language: 'pem', scheme: 'untitled' },
];
