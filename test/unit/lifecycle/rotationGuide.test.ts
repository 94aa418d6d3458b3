import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextStep, rotationChoices } from '../../../src/core/lifecycle/rotationGuide';
import { setFolders } from '../../../src/core/lifecycle/setFolders';
import type { WorkspaceInspection } from '../../../src/core/inspect/types';

describe('Rotate CA… choices', () => {
  it('offers only the phase that can run now, numbered, and undo when a phase has a backup', () => {
    assert.deepEqual(
      rotationChoices('none', undefined).map((choice) => [choice.action, choice.label]),
      [['start', 'Phase 1 of 3: Start']],
    );
    assert.deepEqual(
      rotationChoices('started', 'b1').map((choice) => [choice.action, choice.label]),
      [
        ['reissue', 'Phase 2 of 3: Reissue'],
        ['undo', 'Undo the last phase'],
      ],
    );
    assert.deepEqual(
      rotationChoices('reissued', 'b2').map((choice) => choice.action),
      ['finish', 'undo'],
    );
    assert.deepEqual(
      rotationChoices(undefined, 'b3').map((choice) => choice.action),
      ['undo'],
      'an inconsistent set can only be undone',
    );
    assert.deepEqual(rotationChoices(undefined, undefined), []);
    assert.equal(nextStep('none'), 'start');
  });

  it('finds the folders that hold ca.pem with ca.key', () => {
    const inspection = {
      certificates: [{ file: '/w/tls/ca.pem' }, { file: '/w/other/ca.pem' }, { file: '/w/tls/server.pem' }],
      keys: [{ file: '/w/tls/ca.key' }, { file: '/w/third/ca.key' }],
    } as unknown as WorkspaceInspection;
    assert.deepEqual(setFolders(inspection), ['/w/tls']);
  });
});
