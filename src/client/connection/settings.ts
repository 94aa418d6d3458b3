// The `milvusTls.connection.*` settings as one typed object. Pure: the VS Code side passes a getter,
// so a hand-edited settings.json with wrong types falls back to the defaults here.

export interface ConnectionSettings {
  /** host[:port] of the Milvus gRPC endpoint. */
  address: string;
  /** Overrides the server name picked from the certificate's SANs; '' = pick. */
  serverName: string;
  timeoutMs: number;
}

/** Must match the defaults in package.json `contributes.configuration` (a unit test checks). */
export const CONNECTION_SETTING_DEFAULTS: Readonly<ConnectionSettings> = Object.freeze({
  address: 'localhost:19530',
  serverName: '',
  timeoutMs: 5000,
});

export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 120000;

export function connectionSettingsFrom(get: (name: keyof ConnectionSettings) => unknown): ConnectionSettings {
  const address = get('address');
  const serverName = get('serverName');
  const timeoutMs = get('timeoutMs');
  return {
    address: typeof address === 'string' && address.trim() !== '' ? address.trim() : CONNECTION_SETTING_DEFAULTS.address,
    serverName: typeof serverName === 'string' ? serverName.trim() : CONNECTION_SETTING_DEFAULTS.serverName,
    timeoutMs:
      typeof timeoutMs === 'number' && Number.isInteger(timeoutMs) && timeoutMs >= MIN_TIMEOUT_MS && timeoutMs <= MAX_TIMEOUT_MS
        ? timeoutMs
        : CONNECTION_SETTING_DEFAULTS.timeoutMs,
  };
}
