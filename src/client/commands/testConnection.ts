// "Milvus TLS: Test Connection…": connects to Milvus the way its clients do (TCP, TLS, Go's
// certificate rules, gRPC GetVersion, REST), with what the deployment model says a client would use
// (address, mode, files, server name, REST port) and whatever the user overrides, and says in one
// notification what works or what to change.
import * as vscode from 'vscode';
import path from 'node:path';
import type { ConfigKey, ConnectionReport, ConnectionTarget } from '../../core/connection';
import { formatReport, parseAddress, testConnection } from '../../core/connection';
import type { Deployment } from '../../core/deployment';
import type { ClientFile, ConnectionChoice, ConnectionPlan, SettingLocation } from '../../core/usecases';
import { connectionTarget, defaultServerName, describeChoice, formatLocation, locateSetting, userInput } from '../../core/usecases';
import type { ExtensionContextHolder } from '../context';
import { summarizeReport } from '../connection/reportSummary';
import type { WorkspaceConnection } from './connectionInputs';
import { CredentialStore, credentialFor } from '../connection/credentials';
import { connectionFolder, offeredAddress, pickFile, pickMode, readConnectionSettings, workspaceConnection } from './connectionInputs';

const TITLE = 'Milvus TLS: Test Connection';
const SHOW_REPORT = 'Show Report';

function picked(filePath: string): ClientFile {
  return { path: filePath, from: userInput('picked in the file dialog') };
}

/** The deployment's files, or the ones the user picks; undefined when a dialog was cancelled. */
async function chooseFiles(
  mode: 1 | 2,
  plan: ConnectionPlan,
  folder: vscode.Uri | undefined,
): Promise<Pick<ConnectionChoice, 'ca' | 'clientCertificate' | 'clientKey'> | undefined> {
  const caPath = plan.ca ? undefined : await pickFile('CA certificate that signed the Milvus server certificate (ca.pem)', folder);
  const ca = plan.ca ?? (caPath !== undefined ? picked(caPath) : undefined);
  if (!ca) return undefined;
  if (mode === 1) return { ca };
  const near = ca.bytes ? folder : vscode.Uri.file(path.dirname(ca.path));
  const certPath = plan.clientCertificate ? undefined : await pickFile('Client certificate for mutual TLS (client.pem)', near);
  const clientCertificate = plan.clientCertificate ?? (certPath !== undefined ? picked(certPath) : undefined);
  if (!clientCertificate) return undefined;
  const keyPath = plan.clientKey ? undefined : await pickFile('Private key of the client certificate (client.key)', near);
  const clientKey = plan.clientKey ?? (keyPath !== undefined ? picked(keyPath) : undefined);
  return clientKey ? { ca, clientCertificate, clientKey } : undefined;
}

async function runUnderProgress(target: ConnectionTarget): Promise<ConnectionReport> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: TITLE, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        return await testConnection(target, {
          signal: abort.signal,
          onStepStart: (_id, title) => progress.report({ message: `${title}…` }),
        });
      } finally {
        subscription.dispose();
      }
    },
  );
}

function configKeysOf(report: ConnectionReport): ConfigKey[] {
  const keys = report.steps.flatMap((step) => [step.cause, ...(step.moreCauses ?? [])]).map((cause) => cause?.configKey);
  return [...new Set(keys.filter((key): key is ConfigKey => key !== undefined))];
}

async function openAt(location: SettingLocation): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(location.file));
  const position = document.positionAt(location.offset);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

async function askAddress(text: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: TITLE,
    prompt: "Milvus gRPC address: host:port (the deployment's published port, or the setting milvusTls.connection.address)",
    value: text,
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        parseAddress(value);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
}

/** Everything the test needs, asked only where the deployment has no answer; undefined when the user cancelled. */
async function choose(connection: WorkspaceConnection, folder: vscode.WorkspaceFolder | undefined): Promise<ConnectionChoice | undefined> {
  const { plan } = connection;
  const settings = readConnectionSettings(folder?.uri);
  const offered = offeredAddress(plan, folder);
  const address = await askAddress(offered.text);
  if (address === undefined) return undefined;
  const { host, port } = parseAddress(address);
  const unchanged = address.trim() === offered.text;
  const deploymentMode = plan.mode?.value;
  const mode = deploymentMode === 1 || deploymentMode === 2 ? deploymentMode : await pickMode(TITLE, deploymentMode);
  if (mode === undefined) return undefined;
  const files = await chooseFiles(mode, plan, folder?.uri);
  if (!files) return undefined;
  const serverName =
    settings.serverName !== ''
      ? { value: settings.serverName, from: userInput('the setting milvusTls.connection.serverName') }
      : defaultServerName(plan, host);
  return {
    host: unchanged ? offered.host : { value: host, from: userInput('entered in Test Connection') },
    port: unchanged ? offered.port : { value: port, from: userInput('entered in Test Connection') },
    mode:
      plan.mode && deploymentMode === mode
        ? { value: mode, from: plan.mode.from }
        : { value: mode, from: userInput('picked in Test Connection') },
    ...files,
    ...(serverName ? { serverName } : {}),
    ...(plan.rest ? { restPort: plan.rest.port } : {}),
    timeoutMs: settings.timeoutMs,
  };
}

function locateCauses(
  ctx: ExtensionContextHolder,
  report: ConnectionReport,
  deployment: Deployment | undefined,
): Map<ConfigKey, SettingLocation> {
  const locations = new Map<ConfigKey, SettingLocation>();
  if (!deployment) return locations;
  for (const key of configKeysOf(report)) {
    const location = locateSetting(deployment, key);
    if (!location) continue;
    locations.set(key, location);
    ctx.log.info(`${key}: ${formatLocation(location)}${location.exact ? '' : ' (not set; its section)'}`);
  }
  return locations;
}

export function testConnectionCommand(ctx: ExtensionContextHolder): () => Promise<void> {
  return async () => {
    const log = ctx.log;
    const { folder, cancelled } = await connectionFolder();
    if (cancelled) return;
    const connection = await workspaceConnection(folder, log, 'test connection', TITLE);
    if (!connection) return;
    const chosen = await choose(connection, folder);
    if (!chosen) return;
    const credential = await credentialFor(new CredentialStore(ctx.extension.secrets), ctx.extension.workspaceState, chosen, log);
    if (!credential) return;
    const choice: ConnectionChoice = { ...chosen, ...(credential.token !== undefined ? { token: credential.token } : {}) };
    for (const line of describeChoice(choice)) {
      log.info(`test connection: ${line}${choice.token !== undefined && line.startsWith('address') ? '; stored credentials' : ''}`);
    }
    let target: ConnectionTarget;
    try {
      target = await connectionTarget(choice, connection.context);
    } catch (error) {
      void vscode.window.showErrorMessage(`Milvus TLS: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const report = await runUnderProgress(target);
    for (const line of formatReport(report)) log.info(line);
    const locations = locateCauses(ctx, report, connection.selection?.chosen);
    // Not awaited: the command is done; the buttons act whenever the user clicks.
    void notify(ctx, report, locations).catch((error: unknown) => log.error(`test connection: ${String(error)}`));
  };
}

async function notify(
  ctx: ExtensionContextHolder,
  report: ConnectionReport,
  locations: ReadonlyMap<ConfigKey, SettingLocation>,
): Promise<void> {
  const summary = summarizeReport(report);
  if (report.cancelled) {
    void vscode.window.showInformationMessage(summary.message);
    return;
  }
  const key = summary.cause?.configKey;
  const location = key !== undefined ? locations.get(key) : undefined;
  const openLabel = key !== undefined && location ? `Open ${path.basename(location.file)} at ${key}` : undefined;
  const buttons = [SHOW_REPORT, ...(openLabel !== undefined ? [openLabel] : [])];
  const choice =
    summary.ok && !summary.cause
      ? await vscode.window.showInformationMessage(summary.message, SHOW_REPORT)
      : summary.ok
        ? await vscode.window.showWarningMessage(summary.message, ...buttons)
        : await vscode.window.showErrorMessage(summary.message, ...buttons);
  if (choice === SHOW_REPORT) ctx.log.show(true);
  else if (choice !== undefined && choice === openLabel && location) await openAt(location);
}
