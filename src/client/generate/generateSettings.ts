// The `milvusTls.generate.*` settings as one typed object. Pure: the VS Code reader (settings.ts)
// passes a getter, so a hand-edited settings.json with wrong types falls back to the defaults here.
import type { KeyType } from '../../core/pki/types';
import { KEY_TYPES } from '../../core/pki/types';

export interface GenerateSettings {
  outputFolder: string;
  keyType: KeyType;
  caDays: number;
  days: number;
  country: string;
  state: string;
  locality: string;
  organization: string;
  organizationalUnit: string;
  caCommonName: string;
  clientCommonName: string;
}

/** Must match the defaults in package.json `contributes.configuration` (a unit test checks). */
export const GENERATE_SETTING_DEFAULTS: Readonly<GenerateSettings> = Object.freeze({
  outputFolder: 'tls',
  keyType: 'rsa2048',
  caDays: 3650,
  days: 825,
  country: '',
  state: '',
  locality: '',
  organization: '',
  organizationalUnit: '',
  caCommonName: 'Milvus TLS CA',
  clientCommonName: 'milvus-client',
});

export const MAX_DAYS = 36500;

function isKeyType(value: unknown): value is KeyType {
  return typeof value === 'string' && (KEY_TYPES as readonly string[]).includes(value);
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

function nonEmptyText(value: unknown, fallback: string): string {
  const result = text(value, fallback);
  return result === '' ? fallback : result;
}

function days(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DAYS ? value : fallback;
}

/** Reads every generate setting through `get(name)` (name relative to `milvusTls.generate`). */
export function generateSettingsFrom(get: (name: keyof GenerateSettings) => unknown): GenerateSettings {
  const d = GENERATE_SETTING_DEFAULTS;
  const keyType = get('keyType');
  return {
    outputFolder: nonEmptyText(get('outputFolder'), d.outputFolder),
    keyType: isKeyType(keyType) ? keyType : d.keyType,
    caDays: days(get('caDays'), d.caDays),
    days: days(get('days'), d.days),
    country: text(get('country'), d.country),
    state: text(get('state'), d.state),
    locality: text(get('locality'), d.locality),
    organization: text(get('organization'), d.organization),
    organizationalUnit: text(get('organizationalUnit'), d.organizationalUnit),
    caCommonName: nonEmptyText(get('caCommonName'), d.caCommonName),
    clientCommonName: nonEmptyText(get('clientCommonName'), d.clientCommonName),
  };
}
