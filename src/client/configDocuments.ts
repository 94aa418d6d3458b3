// Which documents the language server checks: the Milvus config names every user has, plus the globs
// of `milvusTls.configFiles`. Apart from languageClient.ts so that activation can tell whether one is
// open without loading vscode-languageclient.
import * as vscode from 'vscode';
import { CONFIG_FILE_GLOBS, CONFIG_SECTION, Settings } from '../shared/protocol';

/**
 * Milvus config names (and `milvusTls.configFiles`), plus every YAML file: Kubernetes files (chart
 * values, Milvus resources, Secrets, cert-manager objects) are recognised by content, whatever their
 * name, and the server answers any other YAML file with nothing.
 */
export function documentSelector(
  extraGlobs: readonly string[],
): ({ scheme: string; pattern: string } | { scheme: string; language: string })[] {
  const byName = [...CONFIG_FILE_GLOBS, ...extraGlobs].map((pattern) => ({ scheme: 'file', pattern }));
  return [...byName, { scheme: 'file', language: 'yaml' }];
}

export function configuredGlobs(): string[] {
  const globs = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(Settings.configFiles);
  return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string' && glob !== '') : [];
}
