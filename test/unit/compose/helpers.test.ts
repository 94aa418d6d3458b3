import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  containerPathsOfHostPath,
  findMilvusServices,
  interpolate,
  isAtLeastVersion,
  milvusImageVersion,
  parseComposeFile,
  parseDotEnv,
} from '../../../src/core/compose/composeFile';
import { loadComposeProjectIn, resolveContext } from '../../../src/core/deployment';
import { nodeFileSystem } from '../../../src/core/workspace';

describe('interpolate', () => {
  const variables = { SET: 'value', EMPTY: '' };
  const cases: [string, string][] = [
    ['${SET}', 'value'],
    ['$SET/x', 'value/x'],
    ['${UNSET:-default}', 'default'],
    ['${EMPTY:-default}', 'default'],
    ['${EMPTY-default}', ''],
    ['${UNSET-default}', 'default'],
    ['${SET:-default}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET:-${SET}/nested}', 'value/nested'],
    ['$$SET', '$SET'],
    ['cost: 5$', 'cost: 5$'],
  ];
  for (const [template, expected] of cases) {
    it(`${template} → ${expected}`, () => assert.equal(interpolate(template, variables).value, expected));
  }
  it('reports unset variables without defaults and required-variable errors', () => {
    assert.deepEqual(interpolate('${A}/${B:-x}/$C', {}).unsetVariables, ['A', 'C']);
    assert.equal(interpolate('${A:?must be set}', {}).errors.length, 1);
    assert.equal(interpolate('${A?must be set}', { A: '' }).errors.length, 0);
    assert.equal(interpolate('${A', {}).errors.length, 1);
  });
});

describe('parseDotEnv', () => {
  it('reads the forms compose accepts', () => {
    const text = [
      '# comment',
      '',
      'DOCKER_VOLUME_DIRECTORY=/srv/milvus',
      'export TAG=v2.5.1',
      'QUOTED="a b # not a comment"',
      "SINGLE='$literal'",
      'TRAILING=value # comment',
      'ESCAPED="line\\nnext"',
      'SPACED = padded ',
      'ONLY_NAME',
      'WINDOWS=crlf\r',
    ].join('\n');
    assert.deepEqual(parseDotEnv(text), {
      DOCKER_VOLUME_DIRECTORY: '/srv/milvus',
      TAG: 'v2.5.1',
      QUOTED: 'a b # not a comment',
      SINGLE: '$literal',
      TRAILING: 'value',
      ESCAPED: 'line\nnext',
      SPACED: 'padded',
      WINDOWS: 'crlf',
    });
  });
  it('feeds interpolation of a compose file', () => {
    const variables = parseDotEnv('DOCKER_VOLUME_DIRECTORY=/data\n');
    const compose = parseComposeFile(
      'services:\n  m:\n    image: milvusdb/milvus:v2.5.0\n    volumes:\n      - ${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls\n',
      '/w/compose.yaml',
      { variables },
    );
    assert.equal(findMilvusServices(compose)[0]?.volumes[0]?.hostPath, '/data/tls');
  });
});

describe('milvusImageVersion', () => {
  it('reads release tags', () => {
    assert.deepEqual(milvusImageVersion('milvusdb/milvus:v2.4.23'), { major: 2, minor: 4, patch: 23, suffix: '' });
    assert.deepEqual(milvusImageVersion('milvusdb/milvus:2.5.1'), { major: 2, minor: 5, patch: 1, suffix: '' });
    assert.deepEqual(milvusImageVersion('localhost:5000/milvusdb/milvus:v2.6.0-gpu'), { major: 2, minor: 6, patch: 0, suffix: '-gpu' });
  });
  it('gives undefined (newest) for latest, master builds, digests and no tag', () => {
    for (const image of [
      'milvusdb/milvus:latest',
      'milvusdb/milvus:master-20260807-954c4e7b',
      'milvusdb/milvus@sha256:0123',
      'milvusdb/milvus',
      'localhost:5000/milvus',
    ]) {
      assert.equal(milvusImageVersion(image), undefined, image);
    }
  });
  it('compares with unknown as newest', () => {
    assert.equal(isAtLeastVersion(milvusImageVersion('milvusdb/milvus:v2.4.12'), '2.4.13'), false);
    assert.equal(isAtLeastVersion(milvusImageVersion('milvusdb/milvus:v2.4.13'), '2.4.13'), true);
    assert.equal(isAtLeastVersion(undefined, '2.4.13'), true);
  });
});

describe('containerPathsOfHostPath', () => {
  it('tells which container path a workspace file becomes', () => {
    const compose = parseComposeFile(
      [
        'services:',
        '  m:',
        '    image: milvusdb/milvus:v2.5.0',
        '    volumes:',
        '      - ./user.yaml:/milvus/configs/user.yaml:ro',
        '      - ./tls:/milvus/tls',
        '',
      ].join('\n'),
      '/w/docker-compose.yml',
    );
    const service = findMilvusServices(compose)[0]!;
    assert.deepEqual(
      containerPathsOfHostPath('/w/user.yaml', service, '/w').map((hit) => [hit.containerPath, hit.readOnly]),
      [['/milvus/configs/user.yaml', true]],
    );
    assert.deepEqual(
      containerPathsOfHostPath('/w/tls/server.pem', service, '/w').map((hit) => hit.containerPath),
      ['/milvus/tls/server.pem'],
    );
    assert.deepEqual(containerPathsOfHostPath('/w/other.yaml', service, '/w'), []);
  });
});

describe('compose project on disk', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'milvus-tls-compose-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  it('reads a compose file with the .env beside it, shell variables winning', async () => {
    writeFileSync(
      path.join(root, 'compose.yaml'),
      'services:\n  m:\n    image: milvusdb/milvus:${TAG:-v2.4.0}\n    volumes:\n      - ${CERTS:-./tls}:/milvus/tls\n',
    );
    writeFileSync(path.join(root, '.env'), 'TAG=v2.6.3\nCERTS=./from-dotenv\n');
    const load = async (shellEnvironment: Record<string, string>) => {
      const project = await loadComposeProjectIn(root, resolveContext(nodeFileSystem(), { shellEnvironment }));
      return findMilvusServices(project!.compose)[0]!;
    };
    const fromShell = await load({ CERTS: '/abs/certs' });
    assert.equal(fromShell.imageVersion?.minor, 6);
    assert.deepEqual(fromShell.volumes[0]?.host, { kind: 'local', path: '/abs/certs' });
    assert.deepEqual((await load({})).volumes[0]?.host, { kind: 'local', path: path.join(root, 'from-dotenv') });
  });
});
