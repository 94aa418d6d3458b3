// Enable / Disable TLS on hand-written files: missing files and blocks, quoting, comments, other
// indentation and line endings, duplicate spellings, and layouts that are refused, not corrupted.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { discoverDeployments, resolveContext } from '../../../src/core/deployment';
import { applyTextEdits, EditPlanError, planDisableTls, planEnableTls, type EnableTlsInput } from '../../../src/core/edit';
import { memoryFileSystem } from '../../../src/core/workspace';
import { findMilvusServices, mapContainerPath, parseComposeFile } from '../../../src/core/compose/composeFile';
import { effectiveConfig } from '../../../src/core/config/effectiveConfig';
import { getConfigEntry, parseMilvusConfig } from '../../../src/core/config/milvusConfig';
import { readTlsMode } from '../../../src/core/config/tlsMode';
import { applyYaml, changedLines, FILES } from './helpers';

const base = { mode: 1, certsHostDir: 'tls', files: FILES } as const;
const COMPOSE = `services:
  standalone:
    image: milvusdb/milvus:v2.5.27
    command: ["milvus", "run", "standalone"]
`;

function enableYaml(text: string | undefined, extra: Partial<EnableTlsInput> = {}): { after: string; summary: string[] } {
  const plan = planEnableTls({ ...base, milvusYamlText: text, ...extra });
  return { after: applyYaml(text ?? '', plan), summary: plan.summary };
}

function value(text: string, key: string): string | undefined {
  return getConfigEntry(parseMilvusConfig(text), key)?.value;
}

describe('Enable TLS on hand-written milvus.yaml files', () => {
  it('creates a minimal milvus.yaml that parses, mounted as user.yaml for 2.4+ and milvus.yaml for 2.3', () => {
    const plan = planEnableTls({ ...base, mode: 2, composeText: COMPOSE });
    assert.ok(!Array.isArray(plan.milvusYaml));
    const created = plan.milvusYaml.create;
    const config = parseMilvusConfig(created);
    assert.deepEqual(config.problems, []);
    assert.equal(readTlsMode(effectiveConfig({ milvusYaml: config })).mode, 2);
    assert.equal(value(created, 'tls.caPemPath'), '/milvus/tls/ca.pem');
    assert.equal(value(created, 'proxy.http.port'), '8080');
    assert.match(
      applyTextEdits(COMPOSE, plan.compose),
      /- \$\{DOCKER_VOLUME_DIRECTORY:-\.\}\/milvus\.yaml:\/milvus\/configs\/user\.yaml\n/,
    );
    const old = planEnableTls({ ...base, composeText: COMPOSE.replace('v2.5.27', 'v2.3.21') });
    assert.match(applyTextEdits(COMPOSE, old.compose), /milvus\.yaml:\/milvus\/configs\/milvus\.yaml\n/);
  });

  it("adds missing blocks and keys in the right places, with the file's indentation", () => {
    const text =
      'proxy:\n    port: 19530 # gRPC\n    http:\n        enabled: true\ncommon:\n    security:\n        authorizationEnabled: false\n';
    const { after } = enableYaml(text);
    assert.equal(
      after,
      'proxy:\n    port: 19530 # gRPC\n    http:\n        enabled: true\n        port: 8080\ncommon:\n    security:\n' +
        '        authorizationEnabled: false\n        tlsMode: 1\n\ntls:\n    serverPemPath: /milvus/tls/server.pem\n' +
        '    serverKeyPath: /milvus/tls/server.key\n    caPemPath: /milvus/tls/ca.pem\n',
    );
    assert.deepEqual(enableYaml(after).summary, []);
  });

  it('keeps quotes, comments and CRLF line endings', () => {
    const text = 'common:\r\n  security:\r\n    tlsMode: "0" # off for now\r\ntls:\r\n  serverPemPath: \'certs/server.pem\'\r\n';
    const { after } = enableYaml(text);
    assert.equal(
      after,
      'common:\r\n  security:\r\n    tlsMode: "1" # off for now\r\ntls:\r\n  serverPemPath: \'/milvus/tls/server.pem\'\r\n' +
        '  serverKeyPath: /milvus/tls/server.key\r\n  caPemPath: /milvus/tls/ca.pem\r\n\r\nproxy:\r\n  http:\r\n    port: 8080\r\n',
    );
  });

  it('treats a relative path that resolves to the same container file as already set', () => {
    const text =
      'tls:\n  serverPemPath: tls/server.pem\n  serverKeyPath: /milvus/tls/server.key\n  caPemPath: ./tls/ca.pem\ncommon:\n  security:\n    tlsMode: 1\nproxy:\n  http:\n    port: 8080\n';
    assert.equal(enableYaml(text).after, text);
  });

  it('updates every spelling Milvus treats as the same key, and leaves shadowed duplicates alone', () => {
    const text = 'common:\n  security:\n    tlsMode: 0\n    TLSMode: 0\ncommon.security:\n  tlsmode: 0\n';
    const { after } = enableYaml(text);
    assert.deepEqual(changedLines(text, after).removed, ['    tlsMode: 0', '    TLSMode: 0', '  tlsmode: 0']);
    const shadowed = 'common:\n  security:\n    tlsMode: 0\ncommon:\n  security:\n    tlsMode: 0\n';
    const result = enableYaml(shadowed).after;
    assert.ok(result.startsWith('common:\n  security:\n    tlsMode: 0\ncommon:\n  security:\n    tlsMode: 1\n'));
  });

  it('keeps a separate proxy.http.port and replaces one equal to proxy.port', () => {
    const kept = planEnableTls({ ...base, milvusYamlText: 'proxy:\n  http:\n    port: 8443\n', composeText: COMPOSE, httpPort: 9000 });
    assert.equal(kept.httpPort, 8443);
    assert.match(applyTextEdits(COMPOSE, kept.compose), /- "8443:8443"/);
    assert.equal(value(enableYaml('proxy:\n  port: 19530\n  http:\n    port: 19530\n').after, 'proxy.http.port'), '8080');
    assert.throws(() => planEnableTls({ ...base, milvusYamlText: '', httpPort: 19530 }), /differ from proxy.port/);
  });

  it('adds top-level tls when a tls block sits under the wrong parent, and says so', () => {
    const text = 'common:\n  tls:\n    serverPemPath: /x/server.pem\n';
    const { after, summary } = enableYaml(text);
    assert.ok(after.startsWith(text));
    assert.equal(value(after, 'tls.serverPemPath'), '/milvus/tls/server.pem');
    assert.equal(value(after, 'common.tls.serverPemPath'), '/x/server.pem');
    assert.ok(summary.some((line) => line.includes('"common.tls" is not read by Milvus')));
  });

  it('edits scalars inside a flow mapping but refuses to insert into one', () => {
    const full = 'tls: {serverPemPath: a, serverKeyPath: b, caPemPath: c}\ncommon: {security: {tlsMode: 0}}\nproxy: {http: {port: 8080}}\n';
    const { after } = enableYaml(full);
    assert.equal(
      after,
      'tls: {serverPemPath: /milvus/tls/server.pem, serverKeyPath: /milvus/tls/server.key, caPemPath: /milvus/tls/ca.pem}\n' +
        'common: {security: {tlsMode: 1}}\nproxy: {http: {port: 8080}}\n',
    );
    assert.throws(
      () => enableYaml('tls: {serverPemPath: a}\n'),
      (error: unknown) => error instanceof EditPlanError && /flow mapping/.test(error.message),
    );
    assert.throws(() => enableYaml('{common: {security: {tlsMode: 0}}}\n'), /block mapping/);
  });

  it('refuses broken YAML, a section written as a value, aliases and block scalars', () => {
    assert.throws(() => enableYaml('common:\n  security: [\n'), /Fix the YAML first/);
    assert.throws(() => enableYaml('tls: none\n'), /holds a value, not a section/);
    assert.throws(() => enableYaml('x: &zero 0\ncommon:\n  security:\n    tlsMode: *zero\n'), /alias/);
    assert.throws(() => enableYaml('common:\n  security:\n    tlsMode: |\n      0\n'), /block scalar/);
  });

  it('disables by setting tlsMode alone, and leaves an absent tlsMode absent', () => {
    const text = 'common:\n  security:\n    tlsMode: 2 # mutual\n';
    assert.equal(
      applyTextEdits(text, planDisableTls({ milvusYamlText: text }).milvusYaml),
      'common:\n  security:\n    tlsMode: 0 # mutual\n',
    );
    assert.deepEqual(planDisableTls({ milvusYamlText: 'proxy:\n  port: 19530\n' }).milvusYaml, []);
  });
});

describe('Enable TLS on hand-written compose files', () => {
  const yaml = 'common:\n  security:\n    tlsMode: 0\n';

  it('reuses an existing mount of the certificate folder and of the config', () => {
    const compose = `${COMPOSE}    volumes:\n      - ./certs:/etc/milvus/certs:ro\n      - ./milvus.yaml:/milvus/configs/user.yaml\n    ports:\n      - 19530:19530\n      - 8080:8080\n`;
    const plan = planEnableTls({ ...base, milvusYamlText: yaml, composeText: compose, certsHostDir: 'certs' });
    assert.deepEqual(plan.compose, []);
    assert.equal(plan.certsContainerDir, '/etc/milvus/certs');
    assert.equal(value(applyYaml(yaml, plan), 'tls.serverPemPath'), '/etc/milvus/certs/server.pem');
  });

  it("adds volumes and ports keys to a service that has none, in the file's list style", () => {
    const compose = `${COMPOSE}    depends_on:\n    - etcd\n  etcd:\n    image: quay.io/coreos/etcd:v3.5.18\n`;
    const after = applyTextEdits(compose, planEnableTls({ ...base, milvusYamlText: yaml, composeText: compose }).compose);
    assert.equal(
      after,
      `${COMPOSE}    depends_on:\n    - etcd\n    volumes:\n    - \${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls\n` +
        '    - ${DOCKER_VOLUME_DIRECTORY:-.}/milvus.yaml:/milvus/configs/milvus.yaml\n    ports:\n    - "8080:8080"\n' +
        '  etcd:\n    image: quay.io/coreos/etcd:v3.5.18\n',
    );
    const [service] = findMilvusServices(parseComposeFile(after, '/p/compose.yaml'));
    assert.equal(mapContainerPath('/milvus/tls/ca.pem', service!, '/p')?.hostPath, '/p/tls/ca.pem');
  });

  it('puts new list items before a new key when both go at the end of the service', () => {
    const compose = `${COMPOSE}    ports:\n      - "19530:19530"\n`;
    const after = applyTextEdits(compose, planEnableTls({ ...base, milvusYamlText: yaml, composeText: compose }).compose);
    assert.equal(
      after,
      `${COMPOSE}    ports:\n      - "19530:19530"\n      - "8080:8080"\n    volumes:\n` +
        '      - ${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls\n      - ${DOCKER_VOLUME_DIRECTORY:-.}/milvus.yaml:/milvus/configs/milvus.yaml\n',
    );
  });

  it('refuses flow lists, a container path taken by another file, and files without Milvus', () => {
    assert.throws(
      () => planEnableTls({ ...base, milvusYamlText: yaml, composeText: `${COMPOSE}    volumes: [./data:/var/lib/milvus]\n` }),
      /flow list/,
    );
    assert.throws(
      () => planEnableTls({ ...base, milvusYamlText: yaml, composeText: `${COMPOSE}    volumes:\n      - ./other:/milvus/tls\n` }),
      /already mounts/,
    );
    assert.throws(
      () => planEnableTls({ ...base, milvusYamlText: yaml, composeText: 'services:\n  web:\n    image: nginx\n' }),
      /no Milvus service/,
    );
  });

  it('warns about environment variables that override milvus.yaml', () => {
    const compose = `${COMPOSE}    environment:\n      COMMON_SECURITY_TLSMODE: "0"\n`;
    const plan = planEnableTls({ ...base, milvusYamlText: yaml, composeText: compose });
    assert.ok(plan.summary.some((line) => line.startsWith('warning:') && line.includes('COMMON_SECURITY_TLSMODE')));
  });

  it('edits the config files the deployment mounts into Milvus (the model decides which; see test/unit/deployment)', async () => {
    const mounted = async (compose: string): Promise<(string | undefined)[]> => {
      const files = {
        '/ws/docker-compose.yml': compose,
        '/ws/configs/milvus.yaml': yaml,
        '/ws/configs/user.yaml': 'common: {}\n',
        '/etc/milvus/milvus.yaml': yaml,
      };
      const [deployment] = (await discoverDeployments('/ws', resolveContext(memoryFileSystem(files)))).deployments;
      return deployment?.configFiles.map((file) => file.hostPath ?? 'image') ?? [];
    };
    assert.deepEqual(
      await mounted(
        `${COMPOSE}    volumes:\n      - ./configs/user.yaml:/milvus/configs/user.yaml\n      - ./configs:/milvus/configs\n      - /etc/milvus/milvus.yaml:/milvus/configs/milvus.yaml\n`,
      ),
      ['/etc/milvus/milvus.yaml', '/ws/configs/user.yaml'],
    );
    assert.deepEqual(await mounted(`${COMPOSE}    volumes:\n      - ./configs:/milvus/configs\n`), [
      '/ws/configs/milvus.yaml',
      '/ws/configs/user.yaml',
    ]);
    assert.deepEqual(await mounted(COMPOSE), ['image']);
  });
});
