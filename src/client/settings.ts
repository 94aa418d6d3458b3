// Typed readers over workspace.getConfiguration: the rest of the client never sees raw settings.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../shared/protocol';
import type { GenerateSettings } from './generate/generateSettings';
import { generateSettingsFrom } from './generate/generateSettings';

/** The `milvusTls.generate.*` settings as they apply to one workspace folder. */
export function readGenerateSettings(scope: vscode.ConfigurationScope | undefined): GenerateSettings {
  const configuration = vscode.workspace.getConfiguration(`${CONFIG_SECTION}.generate`, scope);
  return generateSettingsFrom((name) => configuration.get<unknown>(name));
}
