import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { effectiveConfig, getEffectiveValue } from '../../../src/core/config/effectiveConfig';
import { findBlocksNamed, getConfigEntry, parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import { isBundledTestCertificatePath, resolveConfigPath } from '../../../src/core/config/containerPaths';
import { knownChildKeys } from '../../../src/core/config/tlsKeys';
import { readTlsMode } from '../../../src/core/config/tlsMode';
import { readBool } from '../../../src/core/config/typedValues';
import { shippedMilvusYamls } from '../compose/shippedFiles';

const LINES_WITH_INTERNAL_TLS = new Set(['2.5.27', '2.6.20', '3.0.0', 'master']);

describe('shipped milvus.yaml files', () => {
  const files = shippedMilvusYamls();
  it('covers 2.3.22 to master', () => {
    assert.deepEqual(files.map((file) => file.version).sort(), ['2.3.22', '2.4.24', '2.5.27', '2.6.20', '3.0.0', 'master']);
  });
  for (const file of files) {
    describe(file.fileName, () => {
      const config = parseMilvusConfig(file.text, `/ws/${file.fileName}`);
      const effective = effectiveConfig({ milvusYaml: config });

      it('parses with no problems and no duplicates', () => {
        assert.deepEqual(config.problems, []);
        assert.deepEqual(config.duplicates, []);
        assert.ok(config.entries.size > 300);
      });

      it('has tlsMode 0, valid, from milvus.yaml', () => {
        const tlsMode = readTlsMode(effective);
        assert.deepEqual([tlsMode.mode, tlsMode.raw, tlsMode.valid, tlsMode.known], [0, '0', true, true]);
        assert.equal(tlsMode.entry?.origin.kind, 'file');
        const entry = getConfigEntry(config, 'common.security.tlsMode')!;
        assert.deepEqual(entry.path, ['common', 'security', 'tlsMode']);
        assert.equal(file.text.slice(entry.keyRange.start, entry.keyRange.end), 'tlsMode');
        assert.equal(file.text.slice(entry.valueRange.start, entry.valueRange.end), '0');
      });

      it('has proxy.http.port absent in 2.3 and empty later', () => {
        const port = getConfigEntry(config, 'proxy.http.port');
        if (file.version === '2.3.22') {
          assert.equal(port, undefined);
        } else {
          assert.equal(port?.value, '');
          assert.equal(port?.rawText, '');
          assert.equal(port?.valueRange.start, port?.valueRange.end);
        }
        assert.equal(getConfigEntry(config, 'proxy.port')?.value, '19530');
        assert.deepEqual(readBool(effective, 'proxy.http.enabled', true).value, true);
      });

      it('has the top-level tls block with the bundled test certificates', () => {
        for (const [key, file_] of [
          ['tls.serverPemPath', 'server.pem'],
          ['tls.serverKeyPath', 'server.key'],
          ['tls.caPemPath', 'ca.pem'],
        ] as const) {
          const entry = getConfigEntry(config, key);
          assert.equal(entry?.value, `configs/cert/${file_}`);
          assert.equal(resolveConfigPath(entry.value), `/milvus/configs/cert/${file_}`);
          assert.ok(isBundledTestCertificatePath(entry.value));
        }
        assert.deepEqual(
          findBlocksNamed(config, 'tls').map((block) => block.path),
          [['tls']],
        );
      });

      it(`has internaltls ${LINES_WITH_INTERNAL_TLS.has(file.version) ? 'present' : 'absent'}`, () => {
        const sni = getConfigEntry(config, 'internaltls.sni');
        const enabled = getEffectiveValue(effective, 'common.security.internaltlsEnabled');
        if (LINES_WITH_INTERNAL_TLS.has(file.version)) {
          assert.equal(sni?.value, 'localhost');
          assert.equal(enabled?.value, 'false');
          assert.equal(getConfigEntry(config, 'internaltls.serverPemPath')?.value, 'configs/cert/server.pem');
        } else {
          assert.equal(sni, undefined);
          assert.equal(enabled, undefined);
        }
      });

      it('has the minio.ssl.tlsCACert placeholder up to 2.6 and an empty value from 3.0', () => {
        const expected = ['3.0.0', 'master'].includes(file.version) ? '' : '/path/to/public.crt';
        assert.equal(getConfigEntry(config, 'minio.ssl.tlsCACert')?.value, expected);
        assert.equal(getConfigEntry(config, 'etcd.ssl.tlsMinVersion')?.value, '1.3');
        assert.equal(getConfigEntry(config, 'etcd.ssl.enabled')?.value, 'false');
        assert.equal(getConfigEntry(config, 'minio.useSSL')?.value, 'false');
      });

      it('uses only child keys of tls, internaltls and common.security that the key table knows', () => {
        for (const blockName of ['tls', 'internaltls', 'common.security']) {
          const known = knownChildKeys(blockName) ?? [];
          const block = config.blocks.find((candidate) => candidate.path.join('.') === blockName);
          for (const child of block?.children ?? []) {
            assert.ok(known.includes(child.name), `${blockName}.${child.name} missing from KNOWN_CHILD_KEYS`);
          }
        }
      });
    });
  }
});
