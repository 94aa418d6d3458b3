// What a certificate folder holds, checked independently of our code: the exact file names, and with
// the openssl CLI that every key belongs to its certificate and both leaves chain to ca.pem.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CERTIFICATE_SET_FILES } from '../../src/core/pki/types';
import { openssl } from './opensslChecks';

/** Every entry of the folder (hidden ones included), sorted. */
export async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** name → SHA-256 of the bytes, for the folder's files; a subfolder (the backups) is listed as "folder". */
export async function fileHashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of await entries(dir)) {
    const path = join(dir, name);
    result[name] = (await stat(path)).isDirectory()
      ? 'folder'
      : createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
  }
  return result;
}

/** The folder holds exactly the docs' nine files, the keys match, and the leaves verify against ca.pem. */
export async function assertConsistentSet(dir: string): Promise<void> {
  assert.deepEqual(await entries(dir), [...CERTIFICATE_SET_FILES].sort(), `exactly the nine files in ${dir}`);
  const verified = await openssl(['verify', '-CAfile', 'ca.pem', 'server.pem', 'client.pem'], dir);
  assert.match(verified, /server\.pem: OK[\s\S]*client\.pem: OK/);
  for (const name of ['ca', 'server', 'client']) {
    const fromCertificate = await openssl(['x509', '-in', `${name}.pem`, '-noout', '-pubkey'], dir);
    const fromKey = await openssl(['pkey', '-in', `${name}.key`, '-pubout'], dir);
    assert.equal(fromKey, fromCertificate, `${name}.key does not belong to ${name}.pem`);
  }
}
