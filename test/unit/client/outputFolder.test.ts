import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { outputFolderLabel, resolveOutputDir } from '../../../src/client/generate/outputFolder';
import { stepTitle } from '../../../src/client/quickInput/steps';

describe('output folder', () => {
  it('resolves relative to the workspace folder, absolute as is', () => {
    assert.equal(resolveOutputDir('/ws', 'tls'), '/ws/tls');
    assert.equal(resolveOutputDir('/ws', ' deploy/certs/ '), '/ws/deploy/certs');
    assert.equal(resolveOutputDir('/ws', '/etc/milvus'), '/etc/milvus');
  });
  it('labels folders as the user reads them', () => {
    assert.equal(outputFolderLabel('/ws', '/ws/tls'), 'tls/');
    assert.equal(outputFolderLabel('/ws', '/ws/deploy/certs'), 'deploy/certs/');
    assert.equal(outputFolderLabel('/ws', '/ws'), './');
    assert.equal(outputFolderLabel('/ws', '/etc/milvus'), '/etc/milvus');
  });
});

describe('step title', () => {
  it('shows the counter', () => {
    assert.equal(stepTitle('Generate Certificates', 1, 6, 'Server CommonName'), 'Generate Certificates — Step 2/6: Server CommonName');
  });
});
