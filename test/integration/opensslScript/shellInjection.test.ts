import { strict as assert } from 'node:assert';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { exportOpenSslScript, shellQuote, subjectArgument } from '../../../src/core/pki/opensslScript';
import { CERTIFICATE_SET_FILES } from '../../../src/core/pki/types';
import { run, runGenSh, subjectLines, writeExportedScript, type ExportedScript } from './scriptRunner';

const HOSTILE_SERVER_CN = "a'; touch pwned; '";
const HOSTILE_CLIENT_CN = 'c $(touch pwned2) `touch pwned3` ${HOME}';
const HOSTILE_ORGANIZATION = 'A/B+C\\D "x" & | ; < > * ?';

describe('exported gen.sh with hostile subject values', () => {
  let script: ExportedScript;
  before(async () => {
    script = await writeExportedScript(
      defaultCertificateSetOptions({
        keyType: 'ecdsa-p256',
        subject: { organization: HOSTILE_ORGANIZATION, organizationalUnit: "it's" },
        serverCommonName: HOSTILE_SERVER_CN,
        serverSans: ['localhost'],
        clientCommonName: HOSTILE_CLIENT_CN,
      }),
    );
    await runGenSh(script);
  });
  after(() => script.cleanup());

  it('executes nothing from the values', async () => {
    const created = [...(await readdir(script.root)), ...(await readdir(script.dir)), ...(await readdir(script.cwd))];
    for (const name of ['pwned', 'pwned2', 'pwned3']) assert.ok(!created.includes(name), `${name} was created`);
    assert.deepEqual(
      (await readdir(script.dir)).filter((name) => !['gen.sh', 'openssl.cnf'].includes(name)).sort(),
      [...CERTIFICATE_SET_FILES].sort(),
    );
  });

  it('stores every value exactly as given', async () => {
    assert.deepEqual(await subjectLines(join(script.dir, 'server.pem')), [
      `O=${HOSTILE_ORGANIZATION}`,
      "OU=it's",
      `CN=${HOSTILE_SERVER_CN}`,
    ]);
    assert.deepEqual(await subjectLines(join(script.dir, 'client.pem')), [
      `O=${HOSTILE_ORGANIZATION}`,
      "OU=it's",
      `CN=${HOSTILE_CLIENT_CN}`,
    ]);
  });
});

describe('openssl script text', () => {
  it('single-quotes for the shell so that the shell gives back the exact value', async () => {
    for (const value of ["a'b", "''", '$(x) `y` \\ "z"', '', 'ü€']) {
      const { stdout } = await run('sh', ['-c', `printf %s ${shellQuote(value)}`]);
      assert.equal(stdout, value);
    }
  });

  it('escapes -subj separators inside values', () => {
    assert.equal(subjectArgument({ organization: 'A/B+C\\D', commonName: 'x' }), '/O=A\\/B\\+C\\\\D/CN=x');
    assert.equal(subjectArgument({ country: '', commonName: 'localhost' }), '/CN=localhost');
  });

  it('refuses values that could break out of openssl.cnf or the script', () => {
    const base = defaultCertificateSetOptions();
    assert.throws(() => exportOpenSslScript({ ...base, serverSans: ['$(touch x)'] }), /Invalid subject alternative name/);
    assert.throws(() => exportOpenSslScript({ ...base, serverSans: ['a\nb'] }), /Invalid subject alternative name/);
    assert.throws(() => exportOpenSslScript({ ...base, serverCommonName: 'a\nb' }), /control characters/);
    assert.throws(() => exportOpenSslScript({ ...base, leafDays: 0 }), /whole number of days/);
    assert.throws(() => exportOpenSslScript({ ...base, serverSans: [] }), /at least one/);
  });

  it('keeps the nine file names and the profile of the generator', () => {
    const files = exportOpenSslScript(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }));
    const script = files['gen.sh'];
    assert.match(script, /^#!\/bin\/sh\n/);
    assert.match(script, /\nset -eu\n/);
    for (const name of CERTIFICATE_SET_FILES) assert.ok(script.includes(name), name);
    assert.match(script, /ec_paramgen_curve:P-256/);
    assert.match(files['openssl.cnf'], /basicConstraints = critical, CA:TRUE, pathlen:0/);
    assert.match(files['openssl.cnf'], /keyUsage = critical, keyCertSign, cRLSign/);
    assert.match(files['openssl.cnf'], /extendedKeyUsage = clientAuth/);
    // ECDSA keys cannot encipher: keyEncipherment is for RSA only.
    assert.doesNotMatch(files['openssl.cnf'], /keyEncipherment/);
    assert.match(exportOpenSslScript(defaultCertificateSetOptions())['openssl.cnf'], /digitalSignature, keyEncipherment/);
    assert.match(exportOpenSslScript(defaultCertificateSetOptions())['gen.sh'], /rsa_keygen_bits:2048/);
  });
});
