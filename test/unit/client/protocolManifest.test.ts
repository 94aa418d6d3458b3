// The contract in src/shared/protocol.ts against package.json: both sides of every string the
// manifest, the client, the server and core must agree on. A command, setting or walkthrough step
// added on one side only fails here.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Commands, CONFIG_SECTION, Settings, settingId } from '../../../src/shared/protocol';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string };
  completionEvents: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, unknown> }[];
    walkthroughs: { id: string; steps: Step[] }[];
  };
}

describe('src/shared/protocol.ts agrees with package.json', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  const contributed = manifest.contributes.commands.map((command) => command.command);
  const properties = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties)) as Record<
    string,
    unknown
  >;

  it('contributes exactly the commands of the protocol, each in the Milvus TLS category', () => {
    assert.deepEqual([...contributed].sort(), Object.values(Commands).sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Milvus TLS', command.command);
  });

  it('declares every setting key of the protocol, and nothing outside milvusTls.*', () => {
    for (const key of Object.values(Settings).filter((key) => !['generate', 'connection'].includes(key))) {
      assert.ok(settingId(key) in properties, `${settingId(key)} is declared in package.json`);
    }
    for (const property of Object.keys(properties)) assert.ok(property.startsWith(`${CONFIG_SECTION}.`), property);
  });

  it('walks through Generate, Enable TLS, Test Connection and Watch expiry, each step with a button and a page', () => {
    const walkthrough = manifest.contributes.walkthroughs.find((candidate) => candidate.id === 'milvusTls.gettingStarted');
    assert.ok(walkthrough);
    const commands = [Commands.generateCertificates, Commands.enableTls, Commands.testConnection, 'milvusTls.certificates.focus'];
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ['generate', 'enableTls', 'testConnection', 'watchExpiry'],
    );
    walkthrough.steps.forEach((step, index) => {
      const command = commands[index] ?? '';
      assert.ok(step.description.includes(`(command:${command})`), `${step.id} has a button for ${command}`);
      assert.ok(step.media.markdown && existsSync(step.media.markdown), `${step.id} page exists`);
    });
  });
});
