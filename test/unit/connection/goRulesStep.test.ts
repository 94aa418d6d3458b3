// The Go rules step on openssl-made certificates: its causes come from the inspection engine's lint
// (test/helpers/inspectFixtures.ts makes one certificate per rule), plus the connection's own facts.
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { GoRulesInput } from '../../../src/core/connection/goRulesStep';
import { goRulesStep } from '../../../src/core/connection/goRulesStep';
import type { InspectedCertificate } from '../../../src/core/inspect';
import { readPemCertificates } from '../../../src/core/inspect';
import type { InspectFixtures } from '../../helpers/inspectFixtures';
import { makeInspectFixtures } from '../../helpers/inspectFixtures';

let fixtures: InspectFixtures;
let NOW: Date;

before(async () => {
  fixtures = await makeInspectFixtures();
  NOW = new Date(Date.now() + 1000);
});
after(async () => {
  await fixtures.cleanup();
});

async function problem(name: string): Promise<InspectedCertificate[]> {
  return readPemCertificates(await readFile(join(fixtures.problems, name), 'utf8'), name, NOW);
}

function input(fields: Partial<GoRulesInput>): GoRulesInput {
  return { chain: [], serverName: 'localhost', nodeAcceptedName: true, clientChain: [], caCerts: [], now: NOW, ...fields };
}

describe('goRulesStep', () => {
  it('warns about a server certificate close to expiry, and passes its name', async () => {
    const outcome = goRulesStep(input({ chain: await problem('expiring.pem'), serverName: 'EXPIRING.milvus.local' }));
    assert.equal(outcome.status, 'warn');
    assert.equal(outcome.cause?.code, 'certificate-expiring');
    // Issued for 10 days a second before NOW: 10 days left by the one rule.
    assert.match(outcome.cause?.message ?? '', /The server certificate expires in 10 days /);
    assert.ok(outcome.details.includes('Server certificate: a SAN matches "EXPIRING.milvus.local".'));
  });

  it('fails a CN-only server certificate, and one not yet valid', async () => {
    assert.equal(goRulesStep(input({ chain: await problem('server-cn-only.pem') })).cause?.code, 'cn-only-certificate');
    const early = goRulesStep(input({ chain: await problem('not-yet-valid.pem'), serverName: 'dated.milvus.local' }));
    assert.equal(early.cause?.code, 'certificate-not-yet-valid');
    assert.match(early.cause?.message ?? '', /not before 2099-01-01/);
  });

  it('names the usages of a server certificate without serverAuth', async () => {
    const outcome = goRulesStep(input({ chain: await problem('server-wrong-eku.pem'), serverName: 'server-wrong-eku.milvus.local' }));
    assert.equal(outcome.cause?.code, 'server-certificate-wrong-usage');
    assert.match(outcome.cause?.message ?? '', /\(clientAuth\) does not allow serverAuth/);
  });

  it("checks the client certificate's usage and issuer against the CA given", async () => {
    const client = await problem('client-wrong-eku.pem');
    const wrongUsage = goRulesStep(input({ clientChain: client, caCerts: await problem('pca.pem') }));
    assert.equal(wrongUsage.cause?.code, 'client-certificate-wrong-usage');
    assert.equal(wrongUsage.moreCauses, undefined);
    const stranger = goRulesStep(input({ clientChain: await problem('expired.pem'), caCerts: await problem('impostor-ca.pem') }));
    // Failures first, in rule order (usage, validity), then the warning.
    assert.deepEqual(
      [stranger.cause?.code, ...(stranger.moreCauses ?? []).map((cause) => cause.code)],
      ['client-certificate-wrong-usage', 'certificate-expired', 'client-certificate-not-from-ca'],
    );
    assert.match(stranger.moreCauses?.[1]?.message ?? '', /issued by "CN=Problem CA"/);
  });
});
