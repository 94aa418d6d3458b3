// Which documents the language server checks: the Milvus config names every user has, plus the globs
// of `milvusTls.configFiles`. Apart from languageClient.ts so that activation can tell whether one is
// open without loading vscode-languageclient.
import * as vscode from 'vscode';
import { CONFIG_SECTION, LanguageServer } from '../constants';

/** Milvus config names every user has; `milvusTls.configFiles` adds more. */
const CONFIG_FILE_PATTERNS = ['**/milvus.yaml', '**/user.yaml', '**/*milvus*.yaml', '**/*milvus*.yml'];

export function documentSelector(extraGlobs: readonly string[]): { scheme: string; pattern: string }[] {
  return [...CONFIG_FILE_PATTERNS, ...extraGlobs].map((pattern) => ({ scheme: 'file', pattern }));
}

export function configuredGlobs(): string[] {
  const globs = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(LanguageServer.configFilesSetting);
  return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string' && glob !== '') : [];
}
