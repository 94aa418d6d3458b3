import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatLocation, locateConfigKey } from '../../../../src/client/connection/configLink';
import { parseMilvusConfig } from '../../../../src/core/config';

const YAML = [
  'proxy:',
  '  port: 19530',
  '  http:',
  '    enabled: true',
  'common:',
  '  security:',
  '    TLSMode: 1',
  '',
].join('\n');

describe('milvus.yaml key locations', () => {
  const config = parseMilvusConfig(YAML, '/ws/milvus.yaml');

  it('finds a key in any spelling, 1-based line and column', () => {
    const location = locateConfigKey(config, '/ws/milvus.yaml', 'common.security.tlsMode');
    assert.deepEqual(location && { line: location.line, col: location.col, exact: location.exact }, { line: 7, col: 5, exact: true });
    assert.equal(location && formatLocation(location), '/ws/milvus.yaml:7:5');
    assert.equal(location && YAML.slice(location.offset, location.offset + 7), 'TLSMode');
  });

  it('falls back to the section that would hold an unset key', () => {
    const location = locateConfigKey(config, '/ws/milvus.yaml', 'proxy.http.port');
    assert.deepEqual(location && { line: location.line, exact: location.exact }, { line: 3, exact: false });
  });

  it('gives nothing when not even a section exists', () => {
    assert.equal(locateConfigKey(config, '/ws/milvus.yaml', 'tls.caPemPath'), undefined);
  });
});
