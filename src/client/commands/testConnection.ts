// "Milvus TLS: Test Connection…": connects to Milvus the way its clients do (TCP, TLS, Go's
// certificate rules, gRPC GetVersion, REST), with the address from the settings and the files of
// the workspace's milvus.yaml, and says in one notification what works or what to change.
import * as vscode from 'vscode';
import path from 'node:path';
import type { ConfigKey, ConnectionReport, ConnectionTarget } from '../../core/connection';
import { formatReport, parseAddress, testConnection } from '../../core/connection';
import type { ExtensionContextHolder } from '../context';
import type { ConfigLocation } from '../connection/configLink';
import { formatLocation, locateConfigKey } from '../connection/configLink';
import { summarizeReport } from '../connection/reportSummary';
import { buildConnectionTarget } from '../connection/target';
import type { TargetFiles } from '../connection/target';
import type { WorkspaceTls } from '../connection/workspaceTls';
import { connectionFolder, pickFile, pickMode, readConnectionSettings, readWorkspaceTls, storedCredentials } from './connectionInputs';

const TITLE = 'Milvus TLS: Test Connection';
const SHOW_REPORT = 'Show Report';

/** The workspace's files, or the ones the user picks; undefined when a dialog was cancelled. */
async function chooseFiles(mode: 1 | 2, workspace: WorkspaceTls | undefined, folder: vscode.Uri | undefined): Promise<TargetFiles | undefined> {
  const caPath = workspace?.caPath ?? await pickFile('CA certificate that signed the Milvus server certificate (ca.pem)', folder);
  if (caPath === undefined) return undefined;
  if (mode === 1) return { caPath };
  const near = vscode.Uri.file(path.dirname(caPath));
  const certPath = workspace?.certPath ?? await pickFile('Client certificate for mutual TLS (client.pem)', near);
  if (certPath === undefined) return undefined;
  const keyPath = workspace?.keyPath ?? await pickFile('Private key of the client certificate (client.key)', near);
  return keyPath === undefined ? undefined : { caPath, certPath, keyPath };
}

async function runUnderProgress(target: ConnectionTarget): Promise<ConnectionReport> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: TITLE, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      return await testConnection(target, { signal: abort.signal, onStepStart: (_id, title) => progress.report({ message: `${title}…` }) });
    } finally {
      subscription.dispose();
    }
  });
}

function configKeysOf(report: ConnectionReport): ConfigKey[] {
  const keys = report.steps.flatMap((step) => [step.cause, ...(step.moreCauses ?? [])]).map((cause) => cause?.configKey);
  return [...new Set(keys.filter((key): key is ConfigKey => key !== undefined))];
}

async function openAt(location: ConfigLocation): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(location.file));
  const position = document.positionAt(location.offset);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

export function testConnectionCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    const { folder, cancelled } = await connectionFolder();
    if (cancelled) return;
    const settings = readConnectionSettings(folder?.uri);
    const address = await vscode.window.showInputBox({
      title: TITLE, prompt: 'Milvus gRPC address: host:port (setting milvusTls.connection.address)', value: settings.address, ignoreFocusOut: true,
      validateInput: (text) => {
        try {
          parseAddress(text);
          return undefined;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
    });
    if (address === undefined) return;
    const { host, port } = parseAddress(address);
    const workspace = folder ? await readWorkspaceTls(folder, log, 'test connection') : undefined;
    const mode = workspace?.mode === 1 || workspace?.mode === 2 ? workspace.mode : await pickMode(TITLE, workspace?.mode);
    if (mode === undefined) return;
    const files = await chooseFiles(mode, workspace, folder?.uri);
    if (!files) return;
    const token = await storedCredentials(ctx);
    const target = await buildConnectionTarget({
      host, port, timeoutMs: settings.timeoutMs, serverNameSetting: settings.serverName, workspace, files, token,
    });
    log.info(`test connection: tlsMode ${mode}, CA ${files.caPath}`
      + (files.certPath !== undefined ? `, client ${files.certPath}, key ${files.keyPath ?? '?'}` : '')
      + (token !== undefined ? ', stored credentials' : ''));

    const report = await runUnderProgress(target);
    for (const line of formatReport(report)) log.info(line);
    const locations = new Map<ConfigKey, ConfigLocation>();
    if (workspace?.config && workspace.configPath !== undefined) {
      for (const key of configKeysOf(report)) {
        const location = locateConfigKey(workspace.config, workspace.configPath, key);
        if (!location) continue;
        locations.set(key, location);
        log.info(`${key} in milvus.yaml: ${formatLocation(location)}${location.exact ? '' : ' (not set; its section)'}`);
      }
    }
    // Not awaited: the command is done; the buttons act whenever the user clicks.
    void notify(ctx, report, locations).catch((error: unknown) => log.error(`test connection: ${String(error)}`));
  };
}

async function notify(ctx: ExtensionContextHolder, report: ConnectionReport, locations: ReadonlyMap<ConfigKey, ConfigLocation>): Promise<void> {
  const summary = summarizeReport(report);
  if (report.cancelled) {
    void vscode.window.showInformationMessage(summary.message);
    return;
  }
  const key = summary.cause?.configKey;
  const location = key !== undefined ? locations.get(key) : undefined;
  const openLabel = key !== undefined && location ? `Open milvus.yaml at ${key}` : undefined;
  const buttons = [SHOW_REPORT, ...(openLabel !== undefined ? [openLabel] : [])];
  const choice = summary.ok && !summary.cause
    ? await vscode.window.showInformationMessage(summary.message, SHOW_REPORT)
    : summary.ok
      ? await vscode.window.showWarningMessage(summary.message, ...buttons)
      : await vscode.window.showErrorMessage(summary.message, ...buttons);
  if (choice === SHOW_REPORT) ctx.log.show(true);
  else if (choice !== undefined && choice === openLabel && location) await openAt(location);
}
