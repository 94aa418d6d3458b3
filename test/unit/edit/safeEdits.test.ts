// Edits that cannot corrupt: what the planners insert is escaped for compose (`$` interpolates),
// refused when YAML or the short volume syntax cannot carry it (`:`, newlines and other control
// characters), and every planned result is parsed back before anyone writes it.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findMilvusServices, parseComposeFile } from '../../../src/core/compose/composeFile';
import { getConfigEntry, parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import {
  applyTextEdits,
  EditPlanError,
  planConfigValues,
  planDisableTls,
  planEnableTls,
  type EnableTlsInput,
} from '../../../src/core/edit';
import { formatScalar } from '../../../src/core/edit/yamlText';
import { composeFixesFor } from '../../../src/core/rules/fixes';
import { fixesFor } from '../../../src/core/rules/fixes';
import { FILES } from './helpers';

/** The list already uses single quotes, so an appended entry is single-quoted too. */
const COMPOSE = `services:
  standalone:
    image: milvusdb/milvus:v2.5.27
    volumes:
      - '\${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus'
`;

function enable(extra: Partial<EnableTlsInput>): { compose: string; yaml: string } {
  const plan = planEnableTls({ mode: 1, certsHostDir: 'tls', files: FILES, milvusYamlText: 'a: 1\n', composeText: COMPOSE, ...extra });
  return {
    compose: applyTextEdits(COMPOSE, plan.compose),
    yaml: Array.isArray(plan.milvusYaml) ? applyTextEdits('a: 1\n', plan.milvusYaml) : plan.milvusYaml.create,
  };
}

/** The mounts compose will make, sources as compose reads them (after interpolation). */
function mounts(composeText: string): string[] {
  const service = findMilvusServices(parseComposeFile(composeText, '/c/docker-compose.yml'))[0];
  return (service?.volumes ?? []).map((mount) => `${mount.hostPath ?? mount.source ?? ''} -> ${mount.target}`);
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof EditPlanError, `not an EditPlanError: ${String(error)}`);
    return error.message;
  }
  return assert.fail('the edit was planned instead of refused');
}

describe('edits that cannot corrupt', () => {
  it('writes $ in a host path as $$, which compose reads back as $', () => {
    const { compose } = enable({ certsHostDir: 'tl$s', configHostPath: 'conf$DIR/milvus.yaml' });
    assert.match(compose, /tl\$\$s:\/milvus\/tls/);
    assert.deepEqual(mounts(compose).slice(1), ['/c/tl$s -> /milvus/tls', '/c/conf$DIR/milvus.yaml -> /milvus/configs/milvus.yaml']);
  });

  for (const [name, character] of [
    ['a newline', '\n'],
    ['a carriage return', '\r'],
    ['a tab', '\t'],
    ['a NUL', '\u0000'],
    ['a DEL', '\u007f'],
  ] as const) {
    it(`refuses ${name} in a path it would insert, saying why`, () => {
      assert.match(
        refusal(() => enable({ certsHostDir: `tl${character}s` })),
        /control character/,
      );
      assert.match(
        refusal(() => enable({ configHostPath: `m${character}.yaml` })),
        /control character/,
      );
    });
  }

  it('refuses ":" in a host path: the short volume syntax splits on it', () => {
    assert.match(
      refusal(() => enable({ certsHostDir: 'a:b' })),
      /":"/,
    );
    assert.match(
      refusal(() => enable({ configHostPath: 'c:onf/milvus.yaml' })),
      /":"/,
    );
  });

  it('never leaves a newline raw in a single-quoted scalar (YAML folds it into a space)', () => {
    const written = formatScalar('a\nb', "'");
    assert.equal(parseMilvusConfig(`k: ${written}\n`).entries.get('k')?.value, 'a\nb');
  });

  it("adds a key to the service it belongs to when a comment follows the service's last list", () => {
    const text =
      'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    volumes:\n      - ./a:/a\n      # - ./b:/b\n  etcd:\n    image: quay.io/coreos/etcd\n';
    const plan = planEnableTls({ mode: 1, certsHostDir: 'tls', files: FILES, milvusYamlText: 'a: 1\n', composeText: text });
    const result = parseComposeFile(applyTextEdits(text, plan.compose), '/c/docker-compose.yml');
    assert.deepEqual(
      result.services.find((service) => service.name === 'standalone')?.ports.map((port) => port.targetPort),
      [8080],
    );
    assert.deepEqual(result.services.find((service) => service.name === 'etcd')?.ports, []);
  });

  it('refuses to edit a file whose aliases it could not follow (a loop or a bomb)', () => {
    assert.match(
      refusal(() => planDisableTls({ milvusYamlText: 'common: &c\n  security:\n    tlsMode: 1\n    x: *c\n' })),
      /cannot be edited safely/,
    );
    assert.match(
      refusal(() => enable({ composeText: `${COMPOSE}    <<: &s {x: *s}\n` })),
      /cannot be edited safely/,
    );
  });

  it('mounts a folder for the quick fix with $ escaped and refuses what it cannot write', () => {
    const compose = 'services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    volumes:\n      - ./a:/a\n';
    const added = applyTextEdits(
      compose,
      composeFixesFor(compose, {
        fix: 'add-volume',
        composeFile: 'docker-compose.yml',
        service: 'standalone',
        hostPath: './t$ls',
        containerPath: '/t$ls',
        readOnly: true,
      }),
    );
    assert.deepEqual(mounts(added), ['/c/a -> /a', '/c/t$ls -> /t$ls']);
    // A container path from milvus.yaml with a newline would add a second, attacker-chosen mount.
    assert.deepEqual(
      composeFixesFor(compose, {
        fix: 'add-volume',
        composeFile: 'docker-compose.yml',
        service: 'standalone',
        hostPath: './x',
        containerPath: '/x\n      - /:/host',
        readOnly: true,
      }),
      [],
    );
    assert.deepEqual(
      composeFixesFor(compose, {
        fix: 'add-volume',
        composeFile: 'docker-compose.yml',
        service: 'standalone',
        hostPath: './x',
        containerPath: '/x:/y',
        readOnly: true,
      }),
      [],
    );
  });
});

describe('planned results are parsed back before they are written', () => {
  it('the value each key ends up with is the one planned, in milvus.yaml and in compose', () => {
    const { compose, yaml } = enable({ mode: 2 });
    const config = parseMilvusConfig(yaml);
    assert.equal(getConfigEntry(config, 'tls.serverPemPath')?.value, '/milvus/tls/server.pem');
    assert.deepEqual(mounts(compose).slice(1), ['/c/tls -> /milvus/tls', '/c/milvus.yaml -> /milvus/configs/milvus.yaml']);
  });

  it('refuses a plan whose result does not give the value wanted', () => {
    // What the planner writes ("8080") is not what the caller accepts: the read-back says so.
    const message = refusal(() =>
      planConfigValues(
        'proxy:\n  http:\n    port: 1\n',
        [{ path: ['proxy', 'http', 'port'], value: '8080', satisfiedBy: (current) => current === '9090' }],
        'milvus.yaml',
      ),
    );
    assert.match(message, /^milvus\.yaml: the planned change does not read back as intended \(proxy\.http\.port does not read as "8080"\)/);
  });

  it('quick fixes write values from certificates quoted, and offer nothing for a value with a line break', () => {
    // internaltls.sni takes the server certificate's DNS names: the certificate file decides them.
    const text = 'internaltls:\n  sni: wrong\n';
    const range = { start: text.indexOf('wrong'), end: text.indexOf('wrong') + 5 };
    const fixes = fixesFor(
      text,
      { fix: 'set-value', key: 'internaltls.sni', values: ['a\n  serverPemPath: /evil.pem', 'a: b', 'milvus.local'] },
      range,
    );
    const results = fixes.map((fix) => parseMilvusConfig(applyTextEdits(text, fix.edits)));
    assert.deepEqual(
      results.map((config) => config.problems),
      [[], []],
    );
    assert.deepEqual(
      results.map((config) => getConfigEntry(config, 'internaltls.sni')?.value),
      ['a: b', 'milvus.local'],
    );
  });
});
