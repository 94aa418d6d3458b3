// On Windows, stat's POSIX mode bits are made up (a file reads 0666 unless read-only) and access is
// governed by NTFS ACLs: the "chmod 600" advice would fire on every key and could not be followed.
import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { inspectFiles } from '../../../src/core/inspect';

const key = Buffer.from(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));

function permissionFindings(platform: NodeJS.Platform): string[] {
  const inspection = inspectFiles([{ path: 'C:\\ws\\tls\\server.key', bytes: key, mode: 0o100666 }], new Date(), { platform });
  return inspection.keys
    .flatMap((found) => found.findings)
    .map((finding) => finding.code)
    .filter((code) => code === 'key-file-permissions');
}

describe('key file permissions per platform', () => {
  it('flags a world-readable key where modes are real', () => {
    assert.deepEqual(permissionFindings('linux'), ['key-file-permissions']);
    assert.deepEqual(permissionFindings('darwin'), ['key-file-permissions']);
  });
  it('says nothing about mode bits on Windows', () => {
    assert.deepEqual(permissionFindings('win32'), []);
  });
});
