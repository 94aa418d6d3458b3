// "Milvus TLS: Export OpenSSL Script…": the same questions as Generate Certificates, answered with an
// openssl.cnf + gen.sh pair instead of certificates, for teams that must produce keys with openssl.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { FilesExistError } from '../../core/pki/errors';
import { exportOpenSslScript } from '../../core/pki/opensslScript';
import { existingSetFiles } from '../../core/pki/writeSet';
import { OPENSSL_SCRIPT_FILES, writeOpenSslScript } from '../../core/pki/writeOpenSslScript';
import type { ExtensionContextHolder } from '../context';
import { askCertificateOptions } from './askCertificateOptions';

const OVERWRITE = 'Overwrite';
const REVEAL = 'Reveal in Explorer';

export function exportOpenSslScriptCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    const answered = await askCertificateOptions(ctx, {
      logPrefix: 'export',
      purpose: 'export the OpenSSL script',
      wizardTitle: 'Export OpenSSL Script',
      folderPurpose: 'Folder for openssl.cnf and gen.sh (gen.sh writes the nine files next to itself)',
    });
    if (!answered) return;
    const { options, outputDir, label } = answered;
    const existing = await existingSetFiles(
      outputDir,
      OPENSSL_SCRIPT_FILES.map(({ name }) => name),
    );
    if (existing.length > 0) {
      const pressed = await vscode.window.showWarningMessage(
        `${label} already has ${existing.join(' and ')}`,
        { modal: true, detail: 'Overwrite replaces them with the script for the answers you just gave.' },
        OVERWRITE,
      );
      if (pressed !== OVERWRITE) {
        log.info(`export: kept ${existing.join(', ')} in ${outputDir}; nothing written`);
        return;
      }
    }

    try {
      // Written through the store: a new file renamed over the name, so a symlink planted there is
      // replaced, never followed; without Overwrite, a file that appeared since the question is kept.
      await writeOpenSslScript(outputDir, exportOpenSslScript(options), { overwrite: existing.length > 0 });
    } catch (error) {
      if (!(error instanceof FilesExistError)) throw error;
      void vscode.window.showWarningMessage(
        `${label} now has ${error.existing.join(' and ')}: nothing was written. Run the command again to choose.`,
      );
      return;
    }
    log.info(`export: wrote openssl.cnf and gen.sh to ${outputDir} (${options.keyType}, SANs ${options.serverSans.join(', ')})`);

    const script = vscode.Uri.file(join(outputDir, 'gen.sh'));
    await vscode.window.showTextDocument(script, { preview: false });
    const scriptLabel = label.endsWith('/') ? `${label}gen.sh` : `${label}/gen.sh`;
    void vscode.window
      .showInformationMessage(
        `Exported openssl.cnf and gen.sh to ${label}. Run "sh ${scriptLabel}" to create the nine files with openssl.`,
        REVEAL,
      )
      .then((choice) => {
        if (choice === REVEAL) void vscode.commands.executeCommand('revealInExplorer', script);
      });
  };
}
