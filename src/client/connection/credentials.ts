// Connection credentials ("user:password" or an API token) in VS Code's SecretStorage (the OS
// keychain), one per Milvus address, never in settings, never logged. A credential is sent only to
// the address it was stored for, and, when the workspace chose that address (its compose file, its
// settings), only after the user confirmed it once for this workspace. Restricted Mode sends none.
import * as vscode from 'vscode';
import type { ConnectionChoice } from '../../core/usecases';
import { workspaceDecidedEndpoints } from '../../core/usecases';

const SECRET_PREFIX = 'milvusTls.connection.credentials';
/** The single credential of earlier versions, for any address: offered, never sent unasked. */
export const LEGACY_SECRET_KEY = SECRET_PREFIX;
const CONSENT_KEY = 'milvusTls.credentialConsent';

export function endpointKey(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}

function secretKey(endpoint: string): string {
  return `${SECRET_PREFIX}/${endpoint}`;
}

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(endpoint: string): Promise<string | undefined> {
    return this.secrets.get(secretKey(endpoint));
  }

  async store(endpoint: string, value: string): Promise<void> {
    await this.secrets.store(secretKey(endpoint), value);
  }

  async delete(endpoint: string): Promise<void> {
    await this.secrets.delete(secretKey(endpoint));
  }

  legacy(): Thenable<string | undefined> {
    return this.secrets.get(LEGACY_SECRET_KEY);
  }

  async dropLegacy(): Promise<void> {
    await this.secrets.delete(LEGACY_SECRET_KEY);
  }
}

const SEND = 'Send';
const WITHOUT = 'Test Without It';

/**
 * `{ token }` to send with this test (undefined: none stored, Restricted Mode, or the user declined);
 * undefined when the user closed the question.
 */
export async function credentialFor(
  store: CredentialStore,
  memento: vscode.Memento,
  choice: ConnectionChoice,
  log: vscode.LogOutputChannel,
): Promise<{ token: string | undefined } | undefined> {
  if (!vscode.workspace.isTrusted) {
    log.info('test connection: Restricted Mode: no stored credentials are sent');
    return { token: undefined };
  }
  const endpoint = endpointKey(choice.host.value, choice.port.value);
  let credential = await store.get(endpoint);
  let legacy = false;
  if (credential === undefined) {
    credential = await store.legacy();
    legacy = credential !== undefined;
  }
  if (credential === undefined) return { token: undefined };
  const steered = workspaceDecidedEndpoints(choice);
  const consentId = `${endpoint}|${steered.join(',')}`;
  const consented = memento.get<string[]>(CONSENT_KEY, []);
  if (!legacy && (steered.length === 0 || consented.includes(consentId))) return { token: credential };
  const where = [endpoint, ...steered.filter((entry) => entry !== endpoint)].join(' and ');
  const reason = legacy
    ? 'It was stored before credentials were kept per address.'
    : `The workspace chose ${steered.join(' and ')} (${[choice.host.from, choice.port.from, choice.restPort?.from]
        .filter((from) => from !== undefined)
        .map((from) => from.text)
        .filter((text, index, all) => all.indexOf(text) === index)
        .join('; ')}).`;
  const answer = await vscode.window.showWarningMessage(
    `Send the stored Milvus credential to ${where}?`,
    { modal: true, detail: `${reason} Send it only to a Milvus you run.` },
    SEND,
    WITHOUT,
  );
  if (answer === undefined) return undefined;
  if (answer === WITHOUT) return { token: undefined };
  if (legacy) {
    await store.store(endpoint, credential);
    await store.dropLegacy();
    log.info(`credentials: the stored credential now belongs to ${endpoint}`);
  }
  await memento.update(CONSENT_KEY, [...consented, consentId]);
  return { token: credential };
}
