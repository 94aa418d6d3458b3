import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findMilvusServices, parseComposeFile } from '../../../src/core/compose/composeFile';
import { milvusImageVersion } from '../../../src/core/compose/imageVersion';
import {
  describeOrigin,
  effectiveConfig,
  environmentFromCompose,
  getEffectiveValue,
  yamlFilesReadBy,
} from '../../../src/core/config/effectiveConfig';
import { parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import { readTlsMode } from '../../../src/core/config/tlsMode';
import { readBool, readInt, readString } from '../../../src/core/config/typedValues';
import { shippedComposeFiles, shippedMilvusYamls } from '../compose/shippedFiles';

const milvusYaml = parseMilvusConfig(
  'common:\n  security:\n    tlsMode: 0\ntls:\n  serverPemPath: configs/cert/server.pem\nproxy:\n  http:\n    port:\n',
  '/ws/milvus.yaml',
);
const userYaml = parseMilvusConfig('common:\n  security:\n    TLSMode: 1\nproxy:\n  http:\n    port: 8080\n', '/ws/user.yaml');

describe('effectiveConfig precedence', () => {
  it('user.yaml overrides milvus.yaml and lists what it overrode', () => {
    const effective = effectiveConfig({ milvusYaml, userYaml });
    const mode = getEffectiveValue(effective, 'common.security.tlsMode')!;
    assert.equal(mode.value, '1');
    assert.equal(mode.origin.kind === 'file' && mode.origin.source, 'user.yaml');
    assert.deepEqual(mode.overridden.map(describeOrigin), ['milvus.yaml']);
    assert.equal(readInt(effective, 'proxy.http.port', 0).value, 8080);
    assert.deepEqual(effective.filesRead, ['milvus.yaml', 'user.yaml']);
  });

  it('environment variables override both files, in list and map compose forms', () => {
    for (const environment of [
      '      - COMMON_SECURITY_TLSMODE=2\n      - TLS_SERVERPEMPATH=/milvus/tls/server.pem\n',
      '      COMMON_SECURITY_TLSMODE: 2\n      TLS_SERVERPEMPATH: /milvus/tls/server.pem\n',
    ]) {
      const composeText = `services:\n  standalone:\n    image: milvusdb/milvus:v2.5.4\n    environment:\n${environment}`;
      const service = findMilvusServices(parseComposeFile(composeText, '/ws/docker-compose.yml'))[0]!;
      const effective = effectiveConfig({
        milvusYaml,
        userYaml,
        environment: environmentFromCompose(service, '/ws/docker-compose.yml'),
        version: service.imageVersion,
      });
      const mode = getEffectiveValue(effective, 'common.security.tlsMode')!;
      assert.equal(mode.value, '2');
      assert.equal(describeOrigin(mode.origin), 'environment variable COMMON_SECURITY_TLSMODE (service standalone in docker-compose.yml)');
      assert.deepEqual(mode.overridden.map(describeOrigin), ['user.yaml', 'milvus.yaml']);
      assert.ok(mode.origin.kind === 'environment' && mode.origin.variable.valueRange);
      assert.equal(composeText.slice(mode.origin.variable.valueRange.start, mode.origin.variable.valueRange.end), '2');
      assert.equal(readString(effective, 'tls.serverPemPath').value, '/milvus/tls/server.pem');
      assert.equal(readTlsMode(effective).mode, 2);
    }
  });

  it('accepts a plain variable map, any spelling of the name', () => {
    const effective = effectiveConfig({ milvusYaml, environment: { common_security_tlsMode: '1', PROXY_HTTP_ENABLED: 'false' } });
    assert.equal(readTlsMode(effective).mode, 1);
    assert.equal(readBool(effective, 'proxy.http.enabled', true).value, false);
  });

  it('does not let an environment variable under the wrong parent match', () => {
    const effective = effectiveConfig({ milvusYaml, environment: { COMMON_TLS_SERVERPEMPATH: '/x.pem' } });
    assert.equal(readString(effective, 'tls.serverPemPath').value, 'configs/cert/server.pem');
  });

  it('records pass-through variables whose value is unknown', () => {
    const effective = effectiveConfig({ milvusYaml, environment: [{ name: 'COMMON_SECURITY_TLSMODE', value: undefined }] });
    const mode = getEffectiveValue(effective, 'common.security.tlsMode')!;
    assert.equal(mode.value, '0');
    assert.deepEqual(
      mode.undeterminedEnvironment.map((variable) => variable.name),
      ['COMMON_SECURITY_TLSMODE'],
    );
    assert.equal(effective.passThroughEnvironment.length, 1);
  });

  it('strips the MILVUS_CONF_ prefix only on newest versions', () => {
    const environment = { MILVUS_CONF_COMMON_SECURITY_TLSMODE: '2' };
    assert.equal(readTlsMode(effectiveConfig({ milvusYaml, environment })).mode, 2);
    const old = effectiveConfig({ milvusYaml, environment, version: milvusImageVersion('milvusdb/milvus:v2.6.20') });
    assert.equal(readTlsMode(old).mode, 0);
    // The boundary is exactly 3.0.0.
    assert.equal(readTlsMode(effectiveConfig({ milvusYaml, environment, version: milvusImageVersion('milvusdb/milvus:v3.0.0') })).mode, 2);
    assert.equal(
      readTlsMode(effectiveConfig({ milvusYaml, environment, version: milvusImageVersion('milvusdb/milvus:v2.99.99') })).mode,
      0,
    );
    const custom = effectiveConfig({ milvusYaml, environment: { MILVUS_COMMON_SECURITY_TLSMODE: '1' }, envPrefixes: ['MILVUS_'] });
    const mode = getEffectiveValue(custom, 'common.security.tlsMode')!;
    assert.equal(mode.value, '1');
    assert.equal(mode.origin.kind === 'environment' && mode.origin.strippedPrefix, 'MILVUS_');
  });

  it('reads the files each version reads: 2.3 ignores user.yaml', () => {
    assert.deepEqual(yamlFilesReadBy(milvusImageVersion('milvusdb/milvus:v2.3.21')), ['milvus.yaml']);
    assert.deepEqual(yamlFilesReadBy(milvusImageVersion('milvusdb/milvus:v2.4.23')), ['milvus.yaml', 'default.yaml', 'user.yaml']);
    // The boundaries are exactly 2.4.0 (user.yaml) and 2.5.0 (_test.yaml).
    assert.deepEqual(yamlFilesReadBy(milvusImageVersion('milvusdb/milvus:v2.3.99')), ['milvus.yaml']);
    assert.deepEqual(yamlFilesReadBy(milvusImageVersion('milvusdb/milvus:v2.4.0')), ['milvus.yaml', 'default.yaml', 'user.yaml']);
    assert.deepEqual(yamlFilesReadBy(milvusImageVersion('milvusdb/milvus:v2.4.99')), ['milvus.yaml', 'default.yaml', 'user.yaml']);
    assert.deepEqual(yamlFilesReadBy(milvusImageVersion('milvusdb/milvus:v2.5.0')), [
      'milvus.yaml',
      '_test.yaml',
      'default.yaml',
      'user.yaml',
    ]);
    assert.deepEqual(yamlFilesReadBy(undefined), ['milvus.yaml', '_test.yaml', 'default.yaml', 'user.yaml']);
    const effective = effectiveConfig({ milvusYaml, userYaml, version: milvusImageVersion('milvusdb/milvus:v2.3.21') });
    assert.equal(readTlsMode(effective).mode, 0);
    assert.deepEqual(
      effective.ignoredFiles.map((ignored) => [ignored.source, ignored.reason]),
      [['user.yaml', 'Milvus 2.3 reads only milvus.yaml from /milvus/configs']],
    );
  });

  it('places default.yaml between milvus.yaml and user.yaml', () => {
    const defaultYaml = parseMilvusConfig('common:\n  security:\n    tlsMode: 2\n', '/ws/default.yaml');
    const effective = effectiveConfig({ milvusYaml, userYaml, otherYamls: [defaultYaml] });
    assert.deepEqual(effective.filesRead, ['milvus.yaml', 'default.yaml', 'user.yaml']);
    assert.deepEqual(getEffectiveValue(effective, 'common.security.tlsMode')?.overridden.map(describeOrigin), [
      'default.yaml',
      'milvus.yaml',
    ]);
  });

  it('combines every shipped compose file with the matching milvus.yaml line', () => {
    const yamls = shippedMilvusYamls();
    for (const compose of shippedComposeFiles()) {
      const line = compose.version.split('.').slice(0, 2).join('.');
      const yaml = yamls.find((candidate) => candidate.version.startsWith(line))!;
      const service = findMilvusServices(parseComposeFile(compose.text, `/ws/${compose.fileName}`))[0]!;
      const effective = effectiveConfig({
        milvusYaml: parseMilvusConfig(yaml.text, 'milvus.yaml'),
        environment: environmentFromCompose(service),
        version: service.imageVersion,
      });
      assert.equal(readTlsMode(effective).mode, 0, compose.fileName);
      // The compose file sets ETCD_ENDPOINTS, which overrides etcd.endpoints: localhost:2379.
      const endpoints = getEffectiveValue(effective, 'etcd.endpoints')!;
      assert.equal(endpoints.value, 'etcd:2379');
      assert.deepEqual(endpoints.overridden.map(describeOrigin), ['milvus.yaml']);
    }
  });
});
