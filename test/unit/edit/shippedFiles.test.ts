// Enable / Disable TLS on every shipped milvus.yaml and standalone compose file: the values Milvus
// reads afterwards, nothing changed outside the edited lines, and a second run plans nothing.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyTextEdits, planDisableTls, planEnableTls } from '../../../src/core/edit';
import { findMilvusServices, mapContainerPath, parseComposeFile } from '../../../src/core/compose/composeFile';
import { effectiveConfig } from '../../../src/core/config/effectiveConfig';
import { getConfigEntry, parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import { readTlsMode } from '../../../src/core/config/tlsMode';
import { shippedComposeFiles, shippedMilvusYamls } from '../compose/shippedFiles';
import { applyYaml, changedLines, FILES } from './helpers';

const composeFiles = shippedComposeFiles();
const yamls = shippedMilvusYamls();
const referenceCompose = composeFiles.find((file) => file.version === '2.5.27')?.text ?? '';

function tlsModeOf(text: string): number {
  return readTlsMode(effectiveConfig({ milvusYaml: parseMilvusConfig(text) })).mode;
}

describe('Enable TLS on the shipped milvus.yaml files', () => {
  it('has all six Milvus lines and five compose files', () => {
    assert.equal(yamls.length, 6);
    assert.equal(composeFiles.length, 5);
  });
  for (const file of yamls) {
    for (const mode of [1, 2] as const) {
      describe(`${file.fileName}, tlsMode ${mode}`, () => {
        const plan = planEnableTls({ milvusYamlText: file.text, composeText: referenceCompose, mode, certsHostDir: 'tls', files: FILES });
        const after = applyYaml(file.text, plan);

        it('sets the values Milvus reads', () => {
          const config = parseMilvusConfig(after);
          assert.deepEqual(config.problems, []);
          assert.equal(tlsModeOf(after), mode);
          assert.equal(getConfigEntry(config, 'tls.serverPemPath')?.value, '/milvus/tls/server.pem');
          assert.equal(getConfigEntry(config, 'tls.serverKeyPath')?.value, '/milvus/tls/server.key');
          assert.equal(getConfigEntry(config, 'tls.caPemPath')?.value, '/milvus/tls/ca.pem');
          assert.equal(getConfigEntry(config, 'proxy.http.port')?.value, '8080');
          assert.equal(getConfigEntry(config, 'proxy.port')?.value, '19530');
          assert.equal(config.entries.size, parseMilvusConfig(file.text).entries.size + (file.version === '2.3.22' ? 1 : 0));
        });

        it('changes only the edited lines, keeping their comments', () => {
          const { removed, added } = changedLines(file.text, after);
          const expectedRemoved = [
            '  serverPemPath: configs/cert/server.pem',
            '  serverKeyPath: configs/cert/server.key',
            '  caPemPath: configs/cert/ca.pem',
            '    tlsMode: 0',
          ];
          if (file.version !== '2.3.22') expectedRemoved.unshift('    port:  # high-level restful api');
          assert.deepEqual(removed, expectedRemoved);
          const replaced = expectedRemoved.map((line) =>
            line.replace('configs/cert/', '/milvus/tls/').replace('tlsMode: 0', `tlsMode: ${mode}`).replace('port:  #', 'port: 8080  #'),
          );
          assert.deepEqual(added, file.version === '2.3.22' ? ['    port: 8080', ...replaced] : replaced);
          if (file.version === '2.3.22') {
            // 2.3 has no proxy.http.port: it is added as the last key of proxy.http, indented like its siblings.
            assert.match(
              after,
              /\n {2}http:\n {4}enabled: true # Whether to enable the http server\n {4}debug_mode: false # Whether to enable http server debug mode\n {4}port: 8080\n/,
            );
          }
        });

        it('plans nothing the second time', () => {
          const again = planEnableTls({ milvusYamlText: after, composeText: referenceCompose, mode, certsHostDir: 'tls', files: FILES });
          assert.deepEqual(again.milvusYaml, []);
          assert.deepEqual(again.changes, []);
        });

        it('is disabled by changing tlsMode alone', () => {
          const disable = planDisableTls({ milvusYamlText: after });
          const disabled = applyTextEdits(after, disable.milvusYaml);
          assert.equal(tlsModeOf(disabled), 0);
          assert.deepEqual(changedLines(after, disabled), { removed: [`    tlsMode: ${mode}`], added: ['    tlsMode: 0'] });
          assert.deepEqual(planDisableTls({ milvusYamlText: disabled }).milvusYaml, []);
          assert.deepEqual(planDisableTls({ milvusYamlText: file.text }).milvusYaml, []);
        });
      });
    }
  }
});

describe('Enable TLS on the shipped compose files', () => {
  for (const file of composeFiles) {
    for (const mode of [1, 2] as const) {
      it(`${file.fileName}, tlsMode ${mode}: mounts, publishes 8080, changes nothing else, idempotent`, () => {
        const yaml = yamls.find((candidate) => candidate.version === '2.5.27')?.text ?? '';
        const plan = planEnableTls({
          milvusYamlText: yaml,
          composeText: file.text,
          composeLabel: 'docker-compose.yml',
          mode,
          certsHostDir: 'tls',
          files: FILES,
        });
        const after = applyTextEdits(file.text, plan.compose);
        const compose = parseComposeFile(after, '/project/docker-compose.yml');
        assert.deepEqual(compose.errors, []);
        const [milvus] = findMilvusServices(compose);
        assert.equal(milvus?.name, 'standalone');
        assert.equal(mapContainerPath('/milvus/tls/server.pem', milvus, '/project')?.hostPath, '/project/tls/server.pem');
        assert.equal(mapContainerPath('/milvus/configs/milvus.yaml', milvus, '/project')?.hostPath, '/project/milvus.yaml');
        assert.ok(milvus.ports.some((port) => port.publishedPort === 8080 && port.targetPort === 8080));
        assert.deepEqual(changedLines(file.text, after), {
          removed: [],
          added: [
            '      - ${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls',
            '      - ${DOCKER_VOLUME_DIRECTORY:-.}/milvus.yaml:/milvus/configs/milvus.yaml',
            '      - "8080:8080"',
          ],
        });
        const again = planEnableTls({ milvusYamlText: applyYaml(yaml, plan), composeText: after, mode, certsHostDir: 'tls', files: FILES });
        assert.deepEqual([again.compose, again.milvusYaml, again.summary], [[], [], []]);
      });
    }
  }
});
