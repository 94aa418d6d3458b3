import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { deploymentForConfigFile, resolveContext } from '../../../src/core/deployment';
import type { Deployment } from '../../../src/core/deployment';
import { formatLocation, locateSetting } from '../../../src/core/usecases';
import { memoryFileSystem } from '../../../src/core/workspace';

const YAML = ['proxy:', '  port: 19530', '  http:', '    enabled: true', 'common:', '  security:', '    TLSMode: 1', ''].join('\n');

const COMPOSE = `services:
  standalone:
    image: milvusdb/milvus:v2.5.27
    environment:
      - PROXY_PORT=19531
    volumes:
      - ./milvus.yaml:/milvus/configs/milvus.yaml
`;

async function deploymentOf(files: Record<string, string>): Promise<Deployment> {
  return deploymentForConfigFile('/ws/milvus.yaml', ['/ws'], resolveContext(memoryFileSystem(files)));
}

describe('setting locations', () => {
  it('finds a key in any spelling, 1-based line and column', async () => {
    const location = locateSetting(await deploymentOf({ '/ws/milvus.yaml': YAML }), 'common.security.tlsMode');
    assert.deepEqual(location && { line: location.line, col: location.col, exact: location.exact }, { line: 7, col: 5, exact: true });
    assert.equal(location && formatLocation(location), '/ws/milvus.yaml:7:5');
    assert.equal(location && YAML.slice(location.offset, location.offset + 7), 'TLSMode');
  });

  it('falls back to the section that would hold an unset key', async () => {
    const location = locateSetting(await deploymentOf({ '/ws/milvus.yaml': YAML }), 'proxy.http.port');
    assert.deepEqual(location && { line: location.line, exact: location.exact }, { line: 3, exact: false });
  });

  it('gives nothing when not even a section exists', async () => {
    assert.equal(locateSetting(await deploymentOf({ '/ws/milvus.yaml': YAML }), 'tls.caPemPath'), undefined);
  });

  it('points at the compose environment variable that sets the effective value', async () => {
    const location = locateSetting(await deploymentOf({ '/ws/milvus.yaml': YAML, '/ws/docker-compose.yml': COMPOSE }), 'proxy.port');
    assert.deepEqual(location && { file: location.file, line: location.line, col: location.col }, {
      file: '/ws/docker-compose.yml',
      line: 5,
      col: 9,
    });
  });
});
