// The tree over openssl-made fixtures: a root -> intermediate -> leaves chain (RSA, ECDSA, Ed25519),
// the lint's problem certificates and junk files, as the inspection engine's own tests use them.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { scanFolder } from '../../../../src/core/inspect/scan';
import { inspectFiles } from '../../../../src/core/inspect/workspace';
import type { CertificateTree, TreeNode } from '../../../../src/client/certExplorer/treeModel';
import { buildCertificateTree } from '../../../../src/client/certExplorer/treeModel';
import { soonestExpiring } from '../../../../src/client/certExplorer/statusModel';
import type { InspectFixtures } from '../../../helpers/inspectFixtures';
import { makeInspectFixtures } from '../../../helpers/inspectFixtures';

let fixtures: InspectFixtures;

async function treeOf(folder: string): Promise<CertificateTree> {
  const now = new Date();
  return buildCertificateTree(inspectFiles(await scanFolder(folder), now), { now, warnDaysFor: () => 30 });
}

function labels(tree: CertificateTree, ids: readonly string[]): string[] {
  return ids.map((id) => tree.nodes.get(id)?.label ?? `?${id}`);
}

describe('certificate tree over openssl fixtures', { timeout: 120_000 }, () => {
  before(async () => {
    fixtures = await makeInspectFixtures();
  });
  after(async () => {
    await fixtures.cleanup();
  });

  it('nests root CA -> intermediate CA -> leaves, each with its key', async () => {
    const tree = await treeOf(fixtures.chain);
    const all = [...tree.nodes.values()];
    const parentLabel = (node: TreeNode): string | undefined =>
      node.parentId === undefined ? undefined : tree.nodes.get(node.parentId)?.label;
    // bundle.pem, root.pem and root.der hold copies of the root: each copy is shown, all at the top.
    const roots = all.filter((node) => node.label === 'Test Root CA');
    assert.ok(roots.length >= 2);
    assert.ok(roots.every((node) => node.parentId === undefined));
    const intermediates = all.filter((node) => node.label === 'Test Intermediate CA');
    assert.ok(intermediates.length >= 1);
    assert.ok(intermediates.every((node) => parentLabel(node) === 'Test Root CA'));
    const leaves = all.filter((node) => node.label === 'milvus.local' || node.label === 'milvus-client');
    assert.ok(leaves.length >= 2);
    assert.ok(leaves.every((node) => parentLabel(node) === 'Test Intermediate CA'));
    const server = all.find((node) => node.kind === 'certificate' && node.file?.endsWith('/server.pem'));
    assert.ok(server && labels(tree, server.childIds).includes('server.key'));
    // Every node is reachable from a root, and its parent lists it: reveal() relies on both.
    for (const node of all) {
      const siblings = node.parentId === undefined ? tree.roots : (tree.nodes.get(node.parentId)?.childIds ?? []);
      assert.ok(siblings.includes(node.id), node.id);
    }
    assert.ok(tree.nodes.has('group:orphan-keys'), 'encrypted keys match no certificate');
  });

  it('shows problem certificates with their state and never loses one', async () => {
    const now = new Date();
    const inspection = inspectFiles(await scanFolder(fixtures.problems), now);
    const tree = buildCertificateTree(inspection, { now, warnDaysFor: () => 30 });
    assert.equal(tree.nodeOfCertificate.size, inspection.certificates.length);
    const states = new Set([...tree.nodes.values()].flatMap((node) => (node.kind === 'certificate' ? [node.state] : [])));
    assert.ok(states.has('expired'));
    assert.ok(states.has('problem'));
    assert.ok(soonestExpiring(inspection.certificates, now, () => 30)?.expired);
  });

  it('turns junk into unreadable items with reasons instead of failing', async () => {
    const tree = await treeOf(fixtures.junk);
    const group = tree.nodes.get('group:unreadable');
    assert.ok(group && group.childIds.length > 0);
    for (const id of group.childIds) assert.ok((tree.nodes.get(id)?.description ?? '').length > 0, id);
  });
});
