import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { inspectFiles } from '../../../../src/core/inspect/workspace';
import type { WorkspaceCertificate } from '../../../../src/core/inspect/types';
import { soonestExpiring } from '../../../../src/client/certExplorer/statusModel';
import { certificateSet, DAY_MS, input } from './fixtures';

let certificates: WorkspaceCertificate[];

describe('status bar model', () => {
  before(async () => {
    const set = await certificateSet();
    const files = ['ca.pem', 'server.pem'].map((name) => input(`/w/${name}`, set.get(name) ?? ''));
    certificates = inspectFiles(files).certificates;
  });

  it('is hidden when nothing expires within the warning window', () => {
    assert.equal(
      soonestExpiring(certificates, new Date(), () => 30),
      undefined,
    );
  });

  it('names the soonest-expiring certificate within the window', () => {
    const entry = soonestExpiring(certificates, new Date(Date.now() + 88 * DAY_MS), () => 30);
    assert.equal(entry?.certificateId, '/w/server.pem#0');
    // 100-day certificate, 88 days on: a little under 12 days remain, which reads 12.
    assert.equal(entry?.text, '$(warning) server.pem expires in 12 days');
    assert.equal(entry?.expired, false);
  });

  it('uses the warning window of each file', () => {
    const now = new Date(Date.now() + 88 * DAY_MS);
    assert.equal(
      soonestExpiring(certificates, now, (file) => (file.endsWith('server.pem') ? 5 : 30)),
      undefined,
    );
  });

  it('reports an expired certificate with an error icon', () => {
    const entry = soonestExpiring(certificates, new Date(Date.now() + 104 * DAY_MS), () => 30);
    assert.equal(entry?.text, '$(error) server.pem expired 4 days ago', 'a little over 4 days after notAfter');
    assert.equal(entry?.expired, true);
  });
});
