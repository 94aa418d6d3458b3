// A leaf that outlives its CA stops working the day the CA expires, while it still looks valid: the
// linter flags it (cert-outlives-ca). Certificates made with openssl, which allows such leaves.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { inspectFiles } from '../../../src/core/inspect';
import type { WorkspaceInspection } from '../../../src/core/inspect/types';
import { makeTempDir } from '../../helpers/tempDir';
import { requestArgs, selfSignedArgs, signRequestArgs } from '../../helpers/opensslArgs';

const run = promisify(execFile);

describe('a leaf that outlives its CA', () => {
  let dir = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let inspection: WorkspaceInspection;
  before(async () => {
    ({ dir, cleanup } = await makeTempDir('outlives'));
    const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
    await openssl(...selfSignedArgs('ca', '/CN=Short CA', '10', ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign']));
    await writeFile(join(dir, 'leaf.ext'), 'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost\n');
    for (const [name, days] of [
      ['long', '100'],
      ['short', '5'],
    ] as const) {
      await openssl(...requestArgs(name, `/CN=${name}`));
      await openssl(...signRequestArgs(name, 'ca', days, 'leaf.ext'));
    }
    inspection = inspectFiles(
      await Promise.all(
        ['ca.pem', 'long.pem', 'short.pem'].map(async (name) => ({ path: join(dir, name), bytes: await readFile(join(dir, name)) })),
      ),
    );
  });
  after(() => cleanup());

  const findings = (name: string) => inspection.certificates.find((cert) => cert.file === join(dir, name))?.findings ?? [];

  it('is flagged with cert-outlives-ca, naming the day its CA ends', () => {
    const [finding] = findings('long.pem').filter((candidate) => candidate.code === 'cert-outlives-ca');
    assert.equal(finding?.severity, 'warning');
    const caEnd = inspection.certificates.find((cert) => cert.file === join(dir, 'ca.pem'))?.notAfter.slice(0, 10) ?? '';
    assert.match(finding?.message ?? '', new RegExp(`its CA \\(Short CA\\) expires on ${caEnd}`));
    assert.ok(inspection.findings.some((located) => located.code === 'cert-outlives-ca' && located.file === join(dir, 'long.pem')));
  });

  it('is not flagged when it ends before its CA', () => {
    assert.deepEqual(
      findings('short.pem').map((finding) => finding.code),
      ['cert-expiring'],
      'only the expiry warning of a 5-day certificate',
    );
  });
});
