import { strict as assert } from 'node:assert';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultCertificateSetOptions } from '../../../src/core/pki/defaults';
import { CERTIFICATE_SET_FILES, type KeyType } from '../../../src/core/pki/types';
import { checkCertificateSetWithOpenssl } from '../../helpers/opensslChecks';
import { certificateText, runGenSh, subjectLines, writeExportedScript, type ExportedScript } from './scriptRunner';

const PUBLIC_KEY_LINE: Partial<Record<KeyType, RegExp>> = {
  rsa2048: /Public-Key: \(2048 bit\)/,
  'ecdsa-p256': /ASN1 OID: prime256v1/,
  'ecdsa-p384': /ASN1 OID: secp384r1/,
};

for (const keyType of ['rsa2048', 'ecdsa-p256', 'ecdsa-p384'] as const) {
  describe(`exported gen.sh (${keyType})`, () => {
    const options = defaultCertificateSetOptions({
      keyType,
      subject: { country: 'DE', state: 'Bavaria', organization: 'Acme' },
      serverSans: ['localhost', '127.0.0.1', '::1', 'standalone', 'milvus-standalone', '*.milvus.example.com'],
      caDays: 1000,
      leafDays: 90,
    });
    let script: ExportedScript;
    before(async () => {
      script = await writeExportedScript(options);
      await runGenSh(script);
    });
    after(() => script.cleanup());

    it('writes the nine files next to the script and nothing in the working directory', async () => {
      assert.deepEqual((await readdir(script.dir)).sort(), [...CERTIFICATE_SET_FILES, 'gen.sh', 'openssl.cnf'].sort());
      assert.deepEqual(await readdir(script.cwd), []);
    });

    it('passes the same openssl checks as our generator', async () => {
      await checkCertificateSetWithOpenssl(script.dir, {
        serverSans: ['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1', 'DNS:milvus-standalone'],
      });
    });

    it('uses the chosen key type, validity and subjects', async () => {
      for (const name of ['ca.pem', 'server.pem', 'client.pem']) {
        const text = await certificateText(join(script.dir, name));
        assert.match(text, PUBLIC_KEY_LINE[keyType] ?? /./, `${name} key type`);
        const notBefore = Date.parse(/Not Before: (.+)/.exec(text)?.[1] ?? '');
        const notAfter = Date.parse(/Not After : (.+)/.exec(text)?.[1] ?? '');
        const days = Math.round((notAfter - notBefore) / 86_400_000);
        assert.equal(days, name === 'ca.pem' ? 1000 : 90, `${name} validity`);
      }
      assert.deepEqual(await subjectLines(join(script.dir, 'ca.pem')), ['C=DE', 'ST=Bavaria', 'O=Acme', 'CN=Milvus TLS CA']);
      assert.deepEqual(await subjectLines(join(script.dir, 'server.pem')), ['C=DE', 'ST=Bavaria', 'O=Acme', 'CN=localhost']);
      assert.deepEqual(await subjectLines(join(script.dir, 'client.pem')), ['C=DE', 'ST=Bavaria', 'O=Acme', 'CN=milvus-client']);
    });

    it('puts every SAN in the server certificate', async () => {
      const text = await certificateText(join(script.dir, 'server.pem'));
      assert.match(
        text,
        /DNS:localhost, IP Address:127\.0\.0\.1, IP Address:0:0:0:0:0:0:0:1, DNS:standalone, DNS:milvus-standalone, DNS:\*\.milvus\.example\.com/,
      );
    });

    it('makes private keys 0600 and the rest 0644', async () => {
      for (const name of CERTIFICATE_SET_FILES) {
        const mode = (await stat(join(script.dir, name))).mode & 0o777;
        assert.equal(mode, name.endsWith('.key') ? 0o600 : 0o644, name);
      }
    });

    it('refuses to run over an existing set, leaving it byte-identical', async () => {
      const before = await Promise.all(CERTIFICATE_SET_FILES.map((name) => readFile(join(script.dir, name))));
      await assert.rejects(runGenSh(script), (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr ?? '', /ca\.key exists; run FORCE=1 sh gen\.sh/);
        return true;
      });
      const afterRun = await Promise.all(CERTIFICATE_SET_FILES.map((name) => readFile(join(script.dir, name))));
      assert.deepEqual(afterRun, before);
    });
  });
}

describe('exported gen.sh with FORCE=1', () => {
  it('replaces an existing set with a new one', async () => {
    const script = await writeExportedScript(defaultCertificateSetOptions({ keyType: 'ecdsa-p256' }));
    try {
      await runGenSh(script);
      const firstCa = await readFile(join(script.dir, 'ca.pem'), 'utf8');
      await runGenSh(script, { FORCE: '1' });
      assert.notEqual(await readFile(join(script.dir, 'ca.pem'), 'utf8'), firstCa);
      await checkCertificateSetWithOpenssl(script.dir);
    } finally {
      await script.cleanup();
    }
  });
});
