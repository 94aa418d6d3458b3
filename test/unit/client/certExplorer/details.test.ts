import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { inspectFiles } from '../../../../src/core/inspect/workspace';
import type { WorkspaceCertificate } from '../../../../src/core/inspect/types';
import { certificateDump } from '../../../../src/client/certExplorer/details';
import { certificateSet, input } from './fixtures';

let server: WorkspaceCertificate;

describe('certificate details dump', () => {
  before(async () => {
    const set = await certificateSet();
    const inspection = inspectFiles(['ca.pem', 'server.pem', 'server.key'].map((name) => input(`/w/${name}`, set.get(name) ?? '')));
    server = inspection.certificates.find((cert) => cert.file === '/w/server.pem') as WorkspaceCertificate;
  });

  it('holds every field, the findings and the PEM', () => {
    const dump = certificateDump(
      server,
      { issuerStatus: 'in-workspace', issuerFile: 'Milvus TLS CA, ca.pem', keyFiles: ['/w/server.key'], findings: [] },
      new Date(),
    );
    for (const label of [
      'Subject',
      'Issuer',
      'Role',
      'Valid from',
      'Valid until',
      'Subject alt names',
      'Public key',
      'Signature',
      'Basic constraints',
      'Key usage',
      'Extended key usage',
      'Serial',
      'Version',
      'SHA-256',
      'File',
      'Private key',
    ]) {
      assert.match(dump, new RegExp(`^${label}: +\\S`, 'm'), label);
    }
    assert.match(dump, /^Issuer: +CN=Milvus TLS CA \(Milvus TLS CA, ca\.pem, signature verified\)$/m);
    assert.match(dump, /^Subject alt names: +DNS:milvus\.local, DNS:localhost, IP:127\.0\.0\.1/m);
    assert.match(dump, /^Extended key usage: +serverAuth$/m);
    assert.match(dump, /^Findings: none$/m);
    assert.ok(dump.trimEnd().endsWith('-----END CERTIFICATE-----'));
  });

  it('lists findings with severity and code', () => {
    const dump = certificateDump(server, { findings: [{ code: 'cert-expiring', severity: 'warning', message: 'Renew it.' }] }, new Date());
    assert.match(dump, /^ {2}\[warning\] cert-expiring: Renew it\.$/m);
  });
});
