import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findMilvusServices, mapContainerPath, parseComposeFile, splitCommandLine } from '../../../src/core/compose/composeFile';
import type { ComposeService } from '../../../src/core/compose/composeFile';
import { shippedComposeFiles } from './shippedFiles';

function onlyMilvusService(text: string, fileName = '/work/app/docker-compose.yml'): ComposeService {
  const compose = parseComposeFile(text, fileName);
  const services = findMilvusServices(compose);
  assert.equal(services.length, 1, `expected one Milvus service, got ${services.map((s) => s.name).join(', ')}`);
  return services[0]!;
}

describe('shipped standalone docker-compose files', () => {
  const files = shippedComposeFiles();
  it('finds all five release lines', () => {
    assert.deepEqual(
      files.map((file) => file.version),
      ['2.3.21', '2.4.23', '2.5.27', '2.6.20', '3.0.0'],
    );
  });
  for (const file of files) {
    describe(file.fileName, () => {
      const compose = parseComposeFile(file.text, `/work/app/${file.fileName}`);
      it('parses without errors into etcd, minio and standalone', () => {
        assert.deepEqual(compose.errors, []);
        assert.deepEqual(
          compose.services.map((service) => service.name),
          ['etcd', 'minio', 'standalone'],
        );
      });
      it('finds only the standalone service as Milvus, with its role and image version', () => {
        const [milvus, ...others] = findMilvusServices(compose);
        assert.equal(others.length, 0);
        assert.equal(milvus?.name, 'standalone');
        assert.equal(milvus?.containerName, 'milvus-standalone');
        assert.equal(milvus?.milvusRole, 'standalone');
        assert.equal(milvus?.image, `milvusdb/milvus:v${file.version}`);
        const [major, minor, patch] = file.version.split('.').map(Number);
        assert.deepEqual(milvus?.imageVersion, { major, minor, patch, suffix: '' });
        assert.deepEqual(milvus?.command, ['milvus', 'run', 'standalone']);
      });
      it('maps /var/lib/milvus to ./volumes/milvus with the default DOCKER_VOLUME_DIRECTORY', () => {
        const milvus = findMilvusServices(compose)[0]!;
        assert.equal(milvus.volumes.length, 1);
        assert.equal(milvus.volumes[0]?.source, './volumes/milvus');
        assert.equal(milvus.volumes[0]?.type, 'bind');
        const mapped = mapContainerPath('/var/lib/milvus/data/x', milvus, '/work/app');
        assert.equal(mapped?.hostPath, '/work/app/volumes/milvus/data/x');
        assert.equal(mapped?.readOnly, false);
        // The shipped files mount no config and no certificates: the image's own files are used.
        assert.equal(mapContainerPath('configs/cert/server.pem', milvus, '/work/app'), undefined);
      });
      it('reads the map-form environment with value ranges', () => {
        const milvus = findMilvusServices(compose)[0]!;
        const etcd = milvus.environment.find((variable) => variable.name === 'ETCD_ENDPOINTS');
        assert.equal(etcd?.value, 'etcd:2379');
        assert.equal(etcd?.form, 'map');
        assert.equal(file.text.slice(etcd.valueRange!.start, etcd.valueRange!.end), 'etcd:2379');
        assert.equal(file.text.slice(etcd.nameRange.start, etcd.nameRange.end), 'ETCD_ENDPOINTS');
      });
      it('reads the list-form environment of etcd', () => {
        const etcd = compose.services.find((service) => service.name === 'etcd')!;
        const mode = etcd.environment.find((variable) => variable.name === 'ETCD_AUTO_COMPACTION_MODE');
        assert.equal(mode?.value, 'revision');
        assert.equal(mode?.form, 'list');
        assert.equal(file.text.slice(mode.valueRange!.start, mode.valueRange!.end), 'revision');
      });
      it('reads the published ports and the volumes key range', () => {
        const milvus = findMilvusServices(compose)[0]!;
        assert.deepEqual(
          milvus.ports.map((port) => [port.publishedPort, port.targetPort]),
          [
            [19530, 19530],
            [9091, 9091],
          ],
        );
        assert.equal(file.text.slice(milvus.volumesKeyRange!.start, milvus.volumesKeyRange!.end), 'volumes');
        assert.equal(file.text.slice(milvus.keyRange.start, milvus.keyRange.end), 'standalone');
      });
      it('honours DOCKER_VOLUME_DIRECTORY when it is set', () => {
        const withVariable = parseComposeFile(file.text, '/work/app/docker-compose.yml', {
          variables: { DOCKER_VOLUME_DIRECTORY: '/srv/milvus' },
        });
        const milvus = findMilvusServices(withVariable)[0]!;
        assert.equal(mapContainerPath('/var/lib/milvus', milvus, '/work/app')?.hostPath, '/srv/milvus/volumes/milvus');
      });
    });
  }
});

describe('the docs TLS layout', () => {
  const text = [
    'services:',
    '  standalone:',
    '    image: milvusdb/milvus:v2.5.4',
    '    command: milvus run standalone',
    '    environment:',
    '      - COMMON_SECURITY_TLSMODE=2',
    '      - "TLS_SERVERPEMPATH=/milvus/tls/server.pem"',
    '      - PASSED_THROUGH',
    '    volumes:',
    '      - ${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus',
    '      - ${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls:ro',
    '      - ${DOCKER_VOLUME_DIRECTORY:-.}/milvus.yaml:/milvus/configs/milvus.yaml',
    '      - type: bind',
    '        source: ./certs/ca.pem',
    '        target: /milvus/tls/ca.pem',
    '        read_only: false',
    '      - milvus-data:/data',
    '      - /anonymous',
    'volumes:',
    '  milvus-data:',
    '',
  ].join('\n');
  const service = onlyMilvusService(text);

  it('reads list-form environment, quoted entries and pass-through variables', () => {
    const [mode, serverPem, passed] = service.environment;
    assert.deepEqual([mode?.name, mode?.value, mode?.form], ['COMMON_SECURITY_TLSMODE', '2', 'list']);
    assert.equal(text.slice(mode!.valueRange!.start, mode!.valueRange!.end), '2');
    assert.equal(text.slice(mode!.nameRange.start, mode!.nameRange.end), 'COMMON_SECURITY_TLSMODE');
    assert.equal(serverPem?.value, '/milvus/tls/server.pem');
    assert.equal(text.slice(serverPem.valueRange!.start, serverPem.valueRange!.end), '/milvus/tls/server.pem');
    assert.equal(passed?.name, 'PASSED_THROUGH');
    assert.equal(passed?.value, undefined);
  });

  it('splits a string command into the Milvus role', () => {
    assert.deepEqual(service.command, ['milvus', 'run', 'standalone']);
    assert.equal(service.milvusRole, 'standalone');
  });

  it('classifies binds, named and anonymous volumes and read-only flags', () => {
    assert.deepEqual(
      service.volumes.map((mount) => [mount.type, mount.syntax, mount.target, mount.readOnly]),
      [
        ['bind', 'short', '/var/lib/milvus', false],
        ['bind', 'short', '/milvus/tls', true],
        ['bind', 'short', '/milvus/configs/milvus.yaml', false],
        ['bind', 'long', '/milvus/tls/ca.pem', false],
        ['volume', 'short', '/data', false],
        ['anonymous', 'short', '/anonymous', false],
      ],
    );
    assert.equal(service.volumes[1]?.hostPath, '/work/app/tls');
  });

  it('maps a folder mount, honouring its read-only flag', () => {
    const mapped = mapContainerPath('/milvus/tls/server.pem', service, '/work/app');
    assert.equal(mapped?.hostPath, '/work/app/tls/server.pem');
    assert.equal(mapped?.readOnly, true);
    assert.equal(mapped?.pathInMount, 'server.pem');
  });

  it('maps a file mount of milvus.yaml', () => {
    const mapped = mapContainerPath('/milvus/configs/milvus.yaml', service, '/work/app');
    assert.equal(mapped?.hostPath, '/work/app/milvus.yaml');
    assert.equal(mapped?.pathInMount, '');
    assert.equal(mapContainerPath('/milvus/configs/user.yaml', service, '/work/app'), undefined);
  });

  it('lets the longest target win (a long-syntax file inside a folder mount)', () => {
    const mapped = mapContainerPath('/milvus/tls/ca.pem', service, '/work/app');
    assert.equal(mapped?.hostPath, '/work/app/certs/ca.pem');
    assert.equal(mapped?.mount.syntax, 'long');
    assert.equal(mapped?.readOnly, false);
  });

  it('resolves relative container paths against /milvus', () => {
    assert.equal(mapContainerPath('tls/server.pem', service, '/work/app')?.hostPath, '/work/app/tls/server.pem');
    assert.equal(mapContainerPath('./configs/../tls/server.pem', service, '/work/app')?.containerPath, '/milvus/tls/server.pem');
  });

  it('gives named volumes no host path', () => {
    const mapped = mapContainerPath('/data/file', service, '/work/app');
    assert.equal(mapped?.mount.source, 'milvus-data');
    assert.equal(mapped?.hostPath, undefined);
  });

  it('does not confuse a sibling prefix with a mount', () => {
    assert.equal(mapContainerPath('/milvus/tlsx/server.pem', service, '/work/app'), undefined);
  });
});

describe('compose edge cases', () => {
  it('reads map-form environment values as written, null values as pass-through', () => {
    const text =
      'services:\n  m:\n    image: milvusdb/milvus:latest\n    environment:\n      COMMON_SECURITY_TLSMODE: 1.0\n      PROXY_HTTP_ENABLED: "false"\n      FROM_SHELL:\n';
    const service = onlyMilvusService(text);
    assert.deepEqual(
      service.environment.map((variable) => [variable.name, variable.value]),
      [
        ['COMMON_SECURITY_TLSMODE', '1.0'],
        ['PROXY_HTTP_ENABLED', 'false'],
        ['FROM_SHELL', undefined],
      ],
    );
    assert.equal(service.imageVersion, undefined);
  });

  it('interpolates environment values and the image', () => {
    const text =
      'services:\n  m:\n    image: milvusdb/milvus:${MILVUS_TAG:-v2.4.13}\n    environment:\n      - TLS_SERVERPEMPATH=${CERTS:-/certs}/server.pem\n';
    const service = onlyMilvusService(text);
    assert.deepEqual(service.imageVersion, { major: 2, minor: 4, patch: 13, suffix: '' });
    assert.equal(service.environment[0]?.value, '/certs/server.pem');
    assert.equal(service.environment[0]?.rawValue, '${CERTS:-/certs}/server.pem');
    const overridden = findMilvusServices(parseComposeFile(text, undefined, { variables: { MILVUS_TAG: 'v2.6.1', CERTS: '/tls' } }))[0]!;
    assert.equal(overridden.imageVersion?.minor, 6);
    assert.equal(overridden.environment[0]?.value, '/tls/server.pem');
  });

  it('finds Milvus by command when the image is a private mirror build', () => {
    const text =
      'services:\n  proxy:\n    image: registry.local/team/vector-db:1\n    command: ["/tini", "--", "milvus", "run", "proxy"]\n  backup:\n    image: milvusdb/milvus-backup:v0.5\n';
    const compose = parseComposeFile(text);
    assert.deepEqual(
      findMilvusServices(compose).map((service) => [service.name, service.milvusRole]),
      [['proxy', 'proxy']],
    );
  });

  it('finds Milvus behind a registry and a digest', () => {
    const compose = parseComposeFile(
      'services:\n  a:\n    image: docker.io/milvusdb/milvus@sha256:abc\n  b:\n    image: harbor.milvus.io/milvus/milvus:v2.5.0-gpu\n',
    );
    const services = findMilvusServices(compose);
    assert.equal(services.length, 2);
    assert.equal(services[0]?.imageVersion, undefined);
    assert.deepEqual(services[1]?.imageVersion, { major: 2, minor: 5, patch: 0, suffix: '-gpu' });
  });

  it('expands YAML merge keys and anchors in services', () => {
    const text = [
      'x-milvus: &milvus',
      '  image: milvusdb/milvus:v2.6.0',
      '  volumes:',
      '    - ./tls:/milvus/tls:ro',
      'services:',
      '  proxy:',
      '    <<: *milvus',
      '    command: milvus run proxy',
      '',
    ].join('\n');
    const service = onlyMilvusService(text);
    assert.equal(service.imageVersion?.minor, 6);
    assert.equal(mapContainerPath('/milvus/tls/ca.pem', service, '/w')?.hostPath, '/w/tls/ca.pem');
  });

  it('reports broken YAML with ranges instead of throwing', () => {
    const text = 'services:\n  m:\n    image: [milvusdb/milvus\n    environment:\n';
    const compose = parseComposeFile(text);
    assert.ok(compose.errors.length > 0);
    for (const error of compose.errors) {
      assert.equal(typeof error.message, 'string');
      assert.ok(error.offset >= 0 && error.offset <= text.length);
      assert.ok(error.end >= error.offset);
    }
  });

  it('survives non-mapping documents and empty files', () => {
    assert.deepEqual(parseComposeFile('').services, []);
    assert.equal(parseComposeFile('- a\n- b\n').errors.length, 1);
    assert.deepEqual(parseComposeFile('services:\n  m:\n').services, []);
  });

  it('reports a relative container path in a volume', () => {
    const compose = parseComposeFile('services:\n  m:\n    image: milvusdb/milvus:v2.5.0\n    volumes:\n      - ./a:relative\n');
    assert.equal(compose.errors.length, 1);
    assert.match(compose.errors[0]!.message, /absolute/);
  });

  it('reads env_file entries and long-syntax ports', () => {
    const text =
      'services:\n  m:\n    image: milvusdb/milvus:v2.5.0\n    env_file: [.env.milvus, {path: tls.env, required: false}]\n    ports:\n      - target: 19530\n        published: "29530"\n      - "127.0.0.1:8080:8080/tcp"\n';
    const service = onlyMilvusService(text);
    assert.deepEqual(service.envFiles, ['.env.milvus', 'tls.env']);
    assert.deepEqual(
      service.ports.map((port) => [port.hostIp, port.publishedPort, port.targetPort, port.protocol]),
      [
        [undefined, 29530, 19530, 'tcp'],
        ['127.0.0.1', 8080, 8080, 'tcp'],
      ],
    );
  });

  it('reads long-syntax volumes and ports written with anchors and merge keys', () => {
    const text = [
      'x-tls: &tls {type: bind, read_only: true}',
      'x-port: &grpc {target: 19530}',
      'services:',
      '  m:',
      '    image: milvusdb/milvus:v2.5.0',
      '    volumes:',
      '      - <<: *tls',
      '        source: ./tls',
      '        target: /milvus/tls',
      '    ports:',
      '      - <<: *grpc',
      '        published: 29530',
      '',
    ].join('\n');
    const service = onlyMilvusService(text);
    assert.deepEqual(
      service.volumes.map((volume) => [volume.type, volume.target, volume.readOnly]),
      [['bind', '/milvus/tls', true]],
    );
    assert.deepEqual(
      service.ports.map((port) => [port.publishedPort, port.targetPort]),
      [[29530, 19530]],
    );
  });

  it('splits command lines with quotes', () => {
    assert.deepEqual(splitCommandLine(`sh -c "milvus run standalone" 'a b'`), ['sh', '-c', 'milvus run standalone', 'a b']);
  });
});
