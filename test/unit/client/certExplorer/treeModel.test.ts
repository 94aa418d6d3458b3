import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { inspectFiles } from '../../../../src/core/inspect/workspace';
import type { InputFile } from '../../../../src/core/inspect/types';
import type { CertificateTree, TreeNode } from '../../../../src/client/certExplorer/treeModel';
import { buildCertificateTree, isEmptyTree } from '../../../../src/client/certExplorer/treeModel';
import { renderMarkdown, visibleText } from '../../../helpers/renderMarkdown';
import { certificateSet, DAY_MS, input } from './fixtures';

let set: Map<string, string>;
const file = (name: string): string => set.get(name) ?? '';

function build(files: InputFile[], now = new Date(), warnDays = 30): CertificateTree {
  return buildCertificateTree(inspectFiles(files, now, { warnDays }), { now, warnDaysFor: () => warnDays });
}

function node(tree: CertificateTree, id: string | undefined): TreeNode {
  const found = id === undefined ? undefined : tree.nodes.get(id);
  assert.ok(found, `no node ${id}`);
  return found;
}

function children(tree: CertificateTree, parent: TreeNode): TreeNode[] {
  return parent.childIds.map((id) => node(tree, id));
}

function fullSet(): InputFile[] {
  return ['ca.pem', 'ca.key', 'server.pem', 'server.key', 'client.pem', 'client.key'].map((name) => input(`/w/certs/${name}`, file(name)));
}

describe('certificate tree model', () => {
  before(async () => {
    set = await certificateSet();
  });

  it('puts the CA at the root with its key and the certificates it issued beneath it', () => {
    const tree = build(fullSet());
    assert.equal(tree.roots.length, 1);
    const ca = node(tree, tree.roots[0]);
    assert.equal(ca.label, 'Milvus TLS CA');
    assert.equal(ca.collapse, 'expanded');
    assert.deepEqual(
      children(tree, ca).map((child) => [child.kind, child.label]),
      [
        ['key', 'ca.key'],
        ['certificate', 'milvus-client'],
        ['certificate', 'milvus.local'],
      ],
    );
    const server = children(tree, ca)[2] as TreeNode;
    assert.equal(server.parentId, ca.id);
    // Issued for 100 days a moment ago: 100 days left (core/inspect/days.ts), not 99.
    assert.equal(server.description, 'expires in 100 days');
    assert.deepEqual(
      children(tree, server).map((child) => child.label),
      ['server.key'],
    );
    assert.equal(server.file, '/w/certs/server.pem');
    assert.equal(server.line, 0);
  });

  it('gives every node a stable id, so reveal works across rescans', () => {
    const first = build(fullSet());
    const second = build(fullSet());
    assert.deepEqual([...first.nodes.keys()], [...second.nodes.keys()]);
    const serverId = [...first.nodeOfCertificate.entries()].find(([id]) => id.startsWith('/w/certs/server.pem'))?.[1];
    assert.equal(serverId, 'cert:/w/certs/server.pem#0');
  });

  it('offers Renew only when the issuing CA and its key are in the workspace', () => {
    const renewable = build(fullSet());
    const server = node(renewable, renewable.nodeOfCertificate.get('/w/certs/server.pem#0'));
    assert.equal(server.contextValue, 'certificate file renewable');
    assert.ok(server.kind === 'certificate' && server.renewFrom?.caKeyId === '/w/certs/ca.key#0');
    const ca = node(renewable, renewable.nodeOfCertificate.get('/w/certs/ca.pem#0'));
    assert.equal(ca.contextValue, 'certificate file');
    const bundle = build([...fullSet(), input('/w/chain.pem', `${file('server.pem')}${file('ca.pem')}`)]);
    assert.equal(
      node(bundle, bundle.nodeOfCertificate.get('/w/chain.pem#0')).contextValue,
      'certificate file',
      'a bundle is not rewritten',
    );
    const combined = build([
      input('/w/ca.pem', file('ca.pem')),
      input('/w/ca.key', file('ca.key')),
      input('/w/server.pem', `${file('server.pem')}${file('server.key')}`),
    ]);
    assert.equal(
      node(combined, combined.nodeOfCertificate.get('/w/server.pem#0')).contextValue,
      'certificate file',
      'a cert+key file is not rewritten',
    );
    const withoutCaKey = build(fullSet().filter((entry) => !entry.path.endsWith('ca.key')));
    assert.equal(node(withoutCaKey, withoutCaKey.nodeOfCertificate.get('/w/certs/server.pem#0')).contextValue, 'certificate file');
  });

  it("groups certificates whose issuer is not in the workspace under the issuer's name", () => {
    const tree = build([input('/w/server.pem', file('server.pem')), input('/w/client.pem', file('client.pem'))]);
    assert.equal(tree.roots.length, 1);
    const group = node(tree, tree.roots[0]);
    assert.equal(group.kind, 'issuer-group');
    assert.equal(group.label, 'Milvus TLS CA');
    assert.equal(group.description, 'issuer not in the workspace');
    assert.deepEqual(
      children(tree, group).map((child) => child.label),
      ['milvus-client', 'milvus.local'],
    );
  });

  it('shows the state of each certificate: fine, expiring, expired', () => {
    const stateOf = (now: Date): [string, string, string] => {
      const tree = build(fullSet(), now);
      const server = node(tree, tree.nodeOfCertificate.get('/w/certs/server.pem#0'));
      assert.ok(server.kind === 'certificate');
      return [server.state, server.icon.id, server.description ?? ''];
    };
    const now = Date.now();
    assert.deepEqual(stateOf(new Date(now)).slice(0, 2), ['fine', 'pass']);
    assert.deepEqual(stateOf(new Date(now + 80 * DAY_MS)).slice(0, 2), ['expiring', 'warning']);
    const [state, icon, description] = stateOf(new Date(now + 103.5 * DAY_MS));
    assert.deepEqual([state, icon], ['expired', 'error']);
    assert.equal(description, 'expired 3 days ago', '3.5 days after notAfter: 3 whole days');
  });

  it('puts the fields and the findings in the tooltip', () => {
    const tree = build(fullSet(), new Date(Date.now() + 80 * DAY_MS));
    const server = node(tree, tree.nodeOfCertificate.get('/w/certs/server.pem#0'));
    assert.ok(server.kind === 'certificate');
    for (const label of ['Subject', 'Issuer', 'SHA-256', 'Subject alt names', 'Extended key usage', 'Private key']) {
      assert.ok(server.tooltip.includes(`| ${label} |`), label);
    }
    // Values are escaped Markdown (a fingerprint's colons included): compare what a reader sees.
    assert.ok(visibleText(renderMarkdown(server.tooltip)).includes(server.fingerprint));
    assert.ok(server.tooltip.includes('`cert-expiring`'));
  });

  it('lists keys without a certificate and unreadable files with the reason', () => {
    const tooLarge = Object.assign(new Error('2000000 bytes, over the limit'), { code: 'EFBIG' });
    const tree = build([
      input('/w/ca.pem', file('ca.pem')),
      input('/w/lonely.key', file('client.key')),
      input('/w/junk.pem', 'hello'),
      input('/w/big.pem', tooLarge),
    ]);
    assert.deepEqual(tree.roots, ['cert:/w/ca.pem#0', 'group:orphan-keys', 'group:unreadable']);
    const orphans = node(tree, 'group:orphan-keys');
    assert.deepEqual(
      children(tree, orphans).map((child) => [child.label, child.description]),
      [['lonely.key', 'no certificate, EC P-256']],
    );
    const unreadable = children(tree, node(tree, 'group:unreadable'));
    assert.deepEqual(unreadable.map((child) => child.label).sort(), ['big.pem', 'junk.pem']);
    const big = unreadable.find((child) => child.label === 'big.pem');
    assert.match(big?.description ?? '', /skipped/);
    assert.equal(big?.icon.id, 'info');
    assert.ok(unreadable.every((child) => child.contextValue === 'unreadable file'));
  });

  it('names the file when two certificates would look the same (ca.pem and a chain holding it)', () => {
    const tree = build([input('/w/ca.pem', file('ca.pem')), input('/w/chain.pem', `${file('server.pem')}${file('ca.pem')}`)]);
    const descriptions = tree.roots.map((id) => node(tree, id).description ?? '');
    assert.equal(descriptions.length, 2);
    assert.match(descriptions[0] ?? '', /^expires in \d+ days · ca\.pem$/);
    assert.match(descriptions[1] ?? '', /^expires in \d+ days · chain\.pem$/);
  });

  it('is empty when there is nothing, so the welcome view shows', () => {
    assert.ok(isEmptyTree(build([])));
  });
});
