// package.json for Enable / Disable TLS and the getting-started walkthrough: the commands exist
// with their titles, every walkthrough step runs a command and has its markdown page.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Commands } from '../../../src/constants';

interface Step { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }
interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    walkthroughs: { id: string; steps: Step[] }[];
  };
}

describe('package.json: Enable / Disable TLS and the walkthrough', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

  for (const [id, title] of [[Commands.enableTls, 'Enable TLS…'], [Commands.disableTls, 'Disable TLS']] as const) {
    it(`contributes ${id} as "Milvus TLS: ${title}" and registers it`, () => {
      const contribution = manifest.contributes.commands.find((command) => command.command === id);
      assert.deepEqual(contribution && { title: contribution.title, category: contribution.category }, { title, category: 'Milvus TLS' });
      assert.match(readFileSync('src/extension.ts', 'utf8'), new RegExp(`\\[Commands\\.${id === Commands.enableTls ? 'enableTls' : 'disableTls'}\\]`));
    });
  }

  it('walks through Generate, Enable TLS, Test Connection and Watch expiry, each step with a button and a page', () => {
    const walkthrough = manifest.contributes.walkthroughs.find((candidate) => candidate.id === 'milvusTls.gettingStarted');
    assert.ok(walkthrough);
    const commands = [Commands.generateCertificates, Commands.enableTls, 'milvusTls.testConnection', 'milvusTls.certificates.focus'];
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['generate', 'enableTls', 'testConnection', 'watchExpiry']);
    walkthrough.steps.forEach((step, index) => {
      const command = commands[index] ?? '';
      assert.ok(step.description.includes(`(command:${command})`), `${step.id} has a button for ${command}`);
      assert.ok(step.completionEvents.includes(`onCommand:${command}`), `${step.id} completes on ${command}`);
      assert.ok(step.media.markdown && existsSync(step.media.markdown), `${step.id} page exists`);
    });
  });
});
