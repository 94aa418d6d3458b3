// The Certificates view's tooltips are Markdown, and certificate names, SANs and file names come
// from the workspace: a certificate naming tracking URLs and a key file named like a link
// reference must show as text, not as links or images.
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCertificateTree } from '../../../../src/client/certExplorer/treeModel';
import { inspectFiles } from '../../../../src/core/inspect/workspace';
import { openssl } from '../../../helpers/inspectFixtures';
import { activeMarkup, renderMarkdown, visibleText } from '../../../helpers/renderMarkdown';
import { input } from './fixtures';
import { requestArgs, selfSignedArgs } from '../../../helpers/opensslArgs';

describe('certificate tooltips with hostile names', () => {
  let dir = '';
  let leafPem = '';
  let leafKey = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'milvus-tls-tooltips-'));
    await openssl(
      dir,
      ...selfSignedArgs('ca', '/CN=https:\\/\\/tracker.example\\/issuer.png', '30', [
        'basicConstraints=critical,CA:TRUE',
        'keyUsage=critical,keyCertSign',
      ]),
    );
    await openssl(dir, ...requestArgs('leaf', '/CN=www.tracker.example\\/cn'));
    await writeFile(join(dir, 'leaf.ext'), 'subjectAltName=URI:https://tracker.example/pixel,DNS:localhost\n');
    await openssl(
      dir,
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'leaf.pem',
      '-days',
      '20',
      '-extfile',
      'leaf.ext',
    );
    leafPem = await readFile(join(dir, 'leaf.pem'), 'utf8');
    leafKey = await readFile(join(dir, 'leaf.key'), 'utf8');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('renders every tooltip as inert text', () => {
    // The issuer is not in the workspace: its name becomes a group with its own tooltip.
    const files = [input('/w/leaf.pem', leafPem), input('/w/x\n\n[r]: https://tracker.example/key\n\n[r].key', leafKey)];
    const now = new Date();
    const tree = buildCertificateTree(inspectFiles(files, now), { now, warnDaysFor: () => 30 });
    const tooltips = [...tree.nodes.values()].map((node) => node.tooltip);
    assert.ok(tooltips.length >= 3);
    for (const tooltip of tooltips) {
      const html = renderMarkdown(tooltip);
      assert.deepEqual(activeMarkup(html), [], html);
    }
    const shown = tooltips.map((tooltip) => visibleText(renderMarkdown(tooltip))).join('\n');
    for (const text of [
      'https://tracker.example/issuer.png',
      'www.tracker.example/cn',
      'URI:https://tracker.example/pixel',
      '[r]: https://tracker.example/key',
    ]) {
      assert.ok(shown.includes(text), `${text} is not shown`);
    }
  });
});
