import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  actionForChoice,
  canReissueLeaves,
  existingSetPrompt,
  OVERWRITE_LABEL,
  REISSUE_LABEL,
} from '../../../src/client/generate/existingSet';

describe('existing certificate set', () => {
  it('asks nothing when the folder holds none of the files', () => {
    assert.equal(existingSetPrompt([], 'tls/'), undefined);
  });
  it('offers Overwrite and Reissue when the CA certificate and key are both there', () => {
    const prompt = existingSetPrompt(['ca.key', 'ca.pem', 'server.pem'], 'tls/');
    assert.ok(prompt);
    assert.equal(prompt.message, 'tls/ already holds 3 files of a certificate set');
    assert.match(prompt.detail, /Existing: ca.key, ca.pem, server.pem\./);
    // Reissue first: it is the modal's default button and keeps the CA that clients trust.
    assert.deepEqual(
      prompt.choices.map((c) => c.action),
      ['reissue', 'overwrite'],
    );
    assert.equal(actionForChoice(prompt, REISSUE_LABEL), 'reissue');
    assert.equal(actionForChoice(prompt, OVERWRITE_LABEL), 'overwrite');
  });
  it('offers only Overwrite without both halves of the CA', () => {
    for (const existing of [['ca.pem'], ['ca.key', 'server.key'], ['client.pem']]) {
      assert.equal(canReissueLeaves(existing), false);
      const prompt = existingSetPrompt(existing, 'tls/');
      assert.deepEqual(
        prompt?.choices.map((c) => c.action),
        ['overwrite'],
      );
      assert.match(prompt?.detail ?? '', /needs both ca.pem and ca.key/);
    }
    assert.equal(existingSetPrompt(['ca.pem'], 'certs/')?.message, 'certs/ already holds 1 file of a certificate set');
  });
  it('writes nothing on Cancel or Escape', () => {
    const prompt = existingSetPrompt(['ca.pem', 'ca.key'], 'tls/');
    assert.ok(prompt);
    assert.equal(actionForChoice(prompt, undefined), undefined);
    assert.equal(actionForChoice(prompt, 'Cancel'), undefined);
  });
});
