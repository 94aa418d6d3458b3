import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Commands } from '../../../src/constants';

interface CommandContribution { command: string; title: string; category?: string }

describe('package.json commands of certificate generation', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { commands: CommandContribution[] } };
  for (const [id, title] of [
    [Commands.generateCertificates, 'Generate Certificates…'],
    [Commands.exportOpenSslScript, 'Export OpenSSL Script…'],
    [Commands.renewExpiringCertificates, 'Renew Expiring Certificates…'],
    [Commands.rotateCa, 'Rotate CA…'],
  ] as const) {
    it(`contributes ${id} as "Milvus TLS: ${title}"`, () => {
      const contribution = manifest.contributes.commands.find((c) => c.command === id);
      assert.deepEqual(contribution && { title: contribution.title, category: contribution.category }, { title, category: 'Milvus TLS' });
    });
  }
});
