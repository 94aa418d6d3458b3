import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { KEY_TYPES } from '../../../src/core/pki/types';
import { GENERATE_SETTING_DEFAULTS, generateSettingsFrom, type GenerateSettings } from '../../../src/client/generate/generateSettings';

interface SettingSchema {
  default?: unknown;
  scope?: string;
  markdownDescription?: string;
  enum?: string[];
  enumDescriptions?: string[];
}
interface Manifest {
  contributes: { configuration: { title: string; properties: Record<string, SettingSchema> }[] };
}

describe('generate settings', () => {
  it('uses the defaults when nothing is set', () => {
    assert.deepEqual(
      generateSettingsFrom(() => undefined),
      GENERATE_SETTING_DEFAULTS,
    );
  });
  it('reads set values and trims text', () => {
    const values: Partial<Record<keyof GenerateSettings, unknown>> = {
      keyType: 'ecdsa-p384',
      caDays: 10,
      days: 5,
      country: ' DE ',
      outputFolder: 'certs',
    };
    const settings = generateSettingsFrom((name) => values[name]);
    assert.equal(settings.keyType, 'ecdsa-p384');
    assert.equal(settings.caDays, 10);
    assert.equal(settings.days, 5);
    assert.equal(settings.country, 'DE');
    assert.equal(settings.outputFolder, 'certs');
  });
  it('falls back to defaults for values of the wrong type or range', () => {
    const values: Partial<Record<keyof GenerateSettings, unknown>> = {
      keyType: 'dsa',
      caDays: 0,
      days: 1.5,
      outputFolder: '  ',
      caCommonName: 42,
      clientCommonName: '',
    };
    const settings = generateSettingsFrom((name) => values[name]);
    assert.equal(settings.keyType, 'rsa2048');
    assert.equal(settings.caDays, 3650);
    assert.equal(settings.days, 825);
    assert.equal(settings.outputFolder, 'tls');
    assert.equal(settings.caCommonName, 'Milvus TLS CA');
    assert.equal(settings.clientCommonName, 'milvus-client');
  });
  it('matches package.json: same defaults, a scope and a description on every setting', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
    const section = manifest.contributes.configuration.find((s) => s.title === 'Certificate generation');
    assert.ok(section, 'a "Certificate generation" configuration section');
    const names = Object.keys(GENERATE_SETTING_DEFAULTS) as (keyof GenerateSettings)[];
    assert.deepEqual(Object.keys(section.properties).sort(), names.map((n) => `milvusTls.generate.${n}`).sort());
    for (const name of names) {
      const schema: SettingSchema | undefined = section.properties[`milvusTls.generate.${name}`];
      assert.deepEqual(schema?.default, GENERATE_SETTING_DEFAULTS[name], name);
      assert.ok(schema?.scope, `${name} has a scope`);
      assert.ok(schema?.markdownDescription, `${name} has a markdownDescription`);
    }
    const keyType = section.properties['milvusTls.generate.keyType'];
    assert.deepEqual(keyType?.enum, [...KEY_TYPES]);
    assert.equal(keyType?.enumDescriptions?.length, KEY_TYPES.length);
  });
});
