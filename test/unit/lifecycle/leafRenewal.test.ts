import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { inspectFiles } from '../../../src/core/inspect/workspace';
import { readPemOrDer } from '../../../src/core/inspect/readFile';
import type { WorkspaceCertificate } from '../../../src/core/inspect/types';
import { reissueLeaves } from '../../../src/core/pki/generate';
import { planLeafRenewal as planRenewal, type LeafRenewalPlan as RenewPlan } from '../../../src/core/lifecycle/leafRenewal';
import { certificateSet, input } from '../client/certExplorer/fixtures';

let set: Map<string, string>;
let byFile: Map<string, WorkspaceCertificate>;

describe('leaf renewal plan (tree, renew, rotate reissue)', () => {
  before(async () => {
    set = await certificateSet();
    const names = ['ca.pem', 'server.pem', 'client.pem'];
    byFile = new Map(
      inspectFiles(names.map((name) => input(`/w/${name}`, set.get(name) ?? ''))).certificates.map((cert) => [cert.file, cert]),
    );
  });
  const cert = (name: string): WorkspaceCertificate => byFile.get(`/w/${name}`) as WorkspaceCertificate;

  it('reissues a server certificate with the same subject, SANs, key type and files', () => {
    const plan = planRenewal(cert('server.pem'), cert('ca.pem'), '/w/server.key', new Date()) as RenewPlan;
    assert.equal(typeof plan, 'object');
    assert.equal(plan.role, 'server');
    assert.equal(plan.options.serverCommonName, 'milvus.local');
    assert.deepEqual(plan.options.serverSans, ['milvus.local', 'localhost', '127.0.0.1', '::1']);
    assert.equal(plan.options.keyType, 'ecdsa-p256');
    assert.equal(plan.options.leafDays, 100);
    assert.deepEqual(plan.targets, [
      { generated: 'server.pem', path: '/w/server.pem' },
      { generated: 'server.key', path: '/w/server.key' },
    ]);
  });

  it('produces options the PKI generator accepts, giving back the same subject and SANs', async () => {
    const plan = planRenewal(cert('server.pem'), cert('ca.pem'), undefined, new Date()) as RenewPlan;
    assert.equal(plan.targets[1]?.path, '/w/server.key');
    const files = await reissueLeaves({ certificatePem: set.get('ca.pem') ?? '', privateKeyPem: set.get('ca.key') ?? '' }, plan.options, {
      server: true,
      client: false,
    });
    const pem = files.find((file) => file.name === 'server.pem')?.contents ?? '';
    const renewed = readPemOrDer(Buffer.from(pem), '/w/server.pem').objects[0];
    assert.ok(renewed?.kind === 'certificate');
    assert.equal(renewed.subject, cert('server.pem').subject);
    assert.deepEqual(renewed.sans, cert('server.pem').sans);
  });

  it('renews client certificates as client certificates', () => {
    const plan = planRenewal(cert('client.pem'), cert('ca.pem'), '/w/client.key', new Date()) as RenewPlan;
    assert.equal(plan.role, 'client');
    assert.equal(plan.options.clientCommonName, 'milvus-client');
    assert.equal(plan.targets[0]?.generated, 'client.pem');
  });

  it('says why a CA, a key in another folder or an expired CA cannot be renewed', () => {
    assert.match(planRenewal(cert('ca.pem'), cert('ca.pem'), undefined, new Date()) as string, /ca certificate/);
    assert.match(planRenewal(cert('server.pem'), cert('ca.pem'), '/elsewhere/server.key', new Date()) as string, /another folder/);
    assert.match(planRenewal(cert('server.pem'), cert('ca.pem'), '/w/server.pem', new Date()) as string, /holds the key too/);
    const caEnd = Date.parse(cert('ca.pem').notAfter);
    assert.match(
      planRenewal(cert('server.pem'), cert('ca.pem'), undefined, new Date(caEnd + 1)) as string,
      /its CA \(Milvus TLS CA\) expired on .*rotate the CA/,
    );
    assert.equal(
      typeof planRenewal(cert('server.pem'), cert('ca.pem'), undefined, new Date(caEnd)),
      'object',
      "the CA's last instant still signs (capped)",
    );
  });
});
