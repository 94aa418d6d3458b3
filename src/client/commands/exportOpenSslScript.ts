// "Milvus TLS: Export OpenSSL Script…": the same questions as Generate Certificates, answered with an
// openssl.cnf + gen.sh pair instead of certificates, for teams that must produce keys with openssl.
import * as vscode from 'vscode';
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportOpenSslScript, type OpenSslScriptFiles } from '../../core/pki/opensslScript';
import type { ExtensionContextHolder } from '../context';
import { askCertificateOptions } from './askCertificateOptions';

const SCRIPT_FILES: { name: keyof OpenSslScriptFiles; mode: number }[] = [
  { name: 'openssl.cnf', mode: 0o644 },
  // Executable so `./gen.sh` works as well as `sh gen.sh`.
  { name: 'gen.sh', mode: 0o755 },
];
const OVERWRITE = 'Overwrite';
const REVEAL = 'Reveal in Explorer';

async function existingNames(dir: string): Promise<string[]> {
  const found = await Promise.all(SCRIPT_FILES.map(async ({ name }) => {
    try {
      await stat(join(dir, name));
      return name;
    } catch {
      return undefined;
    }
  }));
  return found.filter((name): name is keyof OpenSslScriptFiles => name !== undefined);
}

export function exportOpenSslScriptCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    const answered = await askCertificateOptions(ctx, {
      logPrefix: 'export', purpose: 'export the OpenSSL script', wizardTitle: 'Export OpenSSL Script',
      folderPurpose: 'Folder for openssl.cnf and gen.sh (gen.sh writes the nine files next to itself)',
    });
    if (!answered) return;
    const { options, outputDir, label } = answered;
    const existing = await existingNames(outputDir);
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

    const contents = exportOpenSslScript(options);
    await mkdir(outputDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' || error.code === 'ENOTDIR'
        ? new Error(`${outputDir} is a file, not a folder; choose a folder for openssl.cnf and gen.sh`)
        : error;
    });
    for (const { name, mode } of SCRIPT_FILES) {
      const path = join(outputDir, name);
      // 'wx' fails if a file appeared since the check, instead of replacing it unasked.
      await writeFile(path, contents[name], { mode, flag: existing.length > 0 ? 'w' : 'wx' });
      await chmod(path, mode);
    }
    log.info(`export: wrote openssl.cnf and gen.sh to ${outputDir} (${options.keyType}, SANs ${options.serverSans.join(', ')})`);

    const script = vscode.Uri.file(join(outputDir, 'gen.sh'));
    await vscode.window.showTextDocument(script, { preview: false });
    const scriptLabel = label.endsWith('/') ? `${label}gen.sh` : `${label}/gen.sh`;
    void vscode.window.showInformationMessage(
      `Exported openssl.cnf and gen.sh to ${label}. Run "sh ${scriptLabel}" to create the nine files with openssl.`, REVEAL,
    ).then((choice) => {
      if (choice === REVEAL) void vscode.commands.executeCommand('revealInExplorer', script);
    });
  };
}
