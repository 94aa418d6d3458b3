import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONNECTION_SETTING_DEFAULTS, connectionSettingsFrom } from '../../../../src/client/connection/settings';

interface Property {
  default: unknown;
  scope?: string;
  markdownDescription?: string;
}

describe('connection settings', () => {
  it('take well-typed values and trim them', () => {
    const values: Record<string, unknown> = { address: ' milvus:19530 ', serverName: ' localhost ', timeoutMs: 2000 };
    assert.deepEqual(
      connectionSettingsFrom((name) => values[name]),
      { address: 'milvus:19530', serverName: 'localhost', timeoutMs: 2000 },
    );
  });

  it('fall back to the defaults for wrong types, empty addresses and out-of-range timeouts', () => {
    const values: Record<string, unknown> = { address: '  ', serverName: 42, timeoutMs: 10 };
    assert.deepEqual(
      connectionSettingsFrom((name) => values[name]),
      CONNECTION_SETTING_DEFAULTS,
    );
    assert.equal(connectionSettingsFrom((name) => (name === 'timeoutMs' ? 2.5 : undefined)).timeoutMs, 5000);
  });

  it('match package.json (defaults, scope, description) and keep the address out of untrusted workspaces', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
      contributes: {
        configuration: { title: string; properties: Record<string, Property> }[];
        commands: { command: string; title: string; category: string }[];
      };
    };
    const section = manifest.contributes.configuration.find((entry) => entry.title === 'Connection');
    assert.ok(section);
    for (const [name, value] of Object.entries(CONNECTION_SETTING_DEFAULTS)) {
      const property: Property | undefined = section.properties[`milvusTls.connection.${name}`];
      assert.ok(property, name);
      assert.deepEqual(property.default, value);
      assert.equal(property.scope, 'resource');
      assert.ok(property.markdownDescription);
    }
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes('milvusTls.connection.address'));
    for (const [id, title] of [
      ['milvusTls.testConnection', 'Test Connection…'],
      ['milvusTls.setConnectionCredentials', 'Set Connection Credentials…'],
      ['milvusTls.copyConnectionSnippet', 'Copy Connection Snippet'],
    ]) {
      const command = manifest.contributes.commands.find((entry) => entry.command === id);
      assert.deepEqual(command && { title: command.title, category: command.category }, { title, category: 'Milvus TLS' });
    }
  });
});
