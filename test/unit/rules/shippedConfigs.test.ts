import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { shippedComposeFiles, shippedMilvusYamls } from '../compose/shippedFiles';
import { check, codes, docsCompose, withCompose } from './ruleHelpers';

describe('rules on the shipped milvus.yaml files', () => {
  for (const file of shippedMilvusYamls()) {
    describe(file.fileName, () => {
      it('has no finding above hint as shipped', async () => {
        assert.deepEqual(codes(await check(file.text), 'information'), []);
      });

      it('tlsMode 1: refuses to start on the shared port, and uses the bundled test certificates', async () => {
        const text = file.text.replace(/tlsMode: 0/, 'tlsMode: 1');
        const found = await check(text);
        assert.deepEqual(codes(found, 'warning').sort(), [
          'bundled-test-certificate',
          'bundled-test-certificate',
          'rest-port-shared-with-tls',
        ]);
        assert.ok(codes(found).includes('ca-ignored-in-mode-1'));
      });

      it('tlsMode 2 with a REST port and the docs mounts: checks the mounted files', async () => {
        const text = file.text
          .replace(/tlsMode: 0/, 'tlsMode: 2')
          .replace(/(\n\s+)serverPemPath: configs\/cert\/server.pem/, '$1serverPemPath: /milvus/tls/server.pem')
          .replace(/(\n\s+)serverKeyPath: configs\/cert\/server.key/, '$1serverKeyPath: /milvus/tls/server.key')
          .replace(/(\n\s+)caPemPath: configs\/cert\/ca.pem/, '$1caPemPath: /milvus/tls/ca.pem');
        // The REST port comes from the compose environment, as in the Attu mTLS doc.
        const compose = withCompose(docsCompose('milvusdb/milvus:v2.5.27', '      PROXY_HTTP_PORT: "8080"\n'));
        const found = await check(text, { ...compose, files: {} });
        assert.deepEqual(codes(found, 'warning').sort(), ['file-not-found', 'file-not-found', 'file-not-found']);
        const overridden = found
          .filter((finding) => finding.code === 'overridden-by-environment')
          .map((finding) => /variable (\w+)/.exec(finding.message)?.[1]);
        // Only TLS keys (ETCD_ENDPOINTS is not reported); 2.3 has no proxy.http.port to override.
        assert.deepEqual(overridden, file.version === '2.3.22' ? [] : ['PROXY_HTTP_PORT']);
      });
    });
  }

  for (const file of shippedComposeFiles()) {
    it(`has no finding above hint with ${file.fileName} beside it, and says the file is not mounted`, async () => {
      for (const yaml of shippedMilvusYamls()) {
        const found = await check(yaml.text, withCompose(file.text));
        assert.deepEqual(codes(found, 'information'), [], yaml.fileName);
        // The shipped compose files mount no milvus.yaml: Milvus reads the image's own.
        const notMounted = found.find((finding) => finding.code === 'config-not-mounted');
        assert.deepEqual(notMounted?.data, {
          fix: 'add-volume',
          composeFile: '/ws/docker-compose.yml',
          service: 'standalone',
          hostPath: './milvus.yaml',
          containerPath: '/milvus/configs/milvus.yaml',
          readOnly: false,
        });
      }
    });

    it(`reads the version from ${file.fileName}`, async () => {
      const master = shippedMilvusYamls().find((yaml) => yaml.version === 'master');
      assert.ok(master);
      const found = await check(master.text.replace(/tlsMode: 0/, 'tlsMode: 1'), withCompose(file.text));
      const shared = found.find((finding) => finding.code === 'rest-port-shared-with-tls');
      const old = file.version.startsWith('2.3');
      assert.equal(shared?.severity, old ? 'warning' : 'error');
      assert.match(shared?.message ?? '', old ? /silently stops serving REST/ : /refuses to start/);
    });
  }
});
