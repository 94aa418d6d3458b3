// Certificates inside Secret manifests, as the one certificate engine sees them: `file#secret/key`
// inputs, in the Certificates view (with the Secret and key, a click on the key's line, no Renew),
// the status bar, and `milvus-tls inspect`.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { soonestExpiring } from '../../../src/client/certExplorer/statusModel';
import { buildCertificateTree } from '../../../src/client/certExplorer/treeModel';
import { inspectionToJson } from '../../../src/cli/inspect';
import { inspectFiles } from '../../../src/core/inspect';
import { manifestCertificateEntries, manifestEntryBytes, parseManifestEntryPath, secretManifestText } from '../../../src/core/kubernetes';
import { certificateSet, DAY_MS, input } from '../client/certExplorer/fixtures';
import { k8sFile } from './corpus';

function block(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

describe('certificates inside Secret manifests', () => {
  let set: Map<string, string>;
  let manifest = '';
  before(async () => {
    set = await certificateSet();
    // Two Secrets in one file: a kubectl-style one (data, base64) and one with stringData.
    manifest =
      `${secretManifestText({
        name: 'milvus-tls',
        entries: [
          { key: 'server.pem', contents: set.get('server.pem') ?? '' },
          { key: 'server.key', contents: set.get('server.key') ?? '' },
        ],
      })}---\n` +
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ca\nstringData:\n  note: not a certificate\n  ca.pem: |\n${block(set.get('ca.pem') ?? '')}\n`;
  });

  it('every Secret key holding PEM is an input named file#secret/key, with the line of its key', () => {
    const entries = manifestCertificateEntries('/w/k8s/secrets.yaml', manifest);
    assert.deepEqual(
      entries.map((entry) => entry.input.path),
      ['/w/k8s/secrets.yaml#milvus-tls/server.key', '/w/k8s/secrets.yaml#milvus-tls/server.pem', '/w/k8s/secrets.yaml#ca/ca.pem'],
    );
    assert.equal(manifest.split('\n')[entries[2]?.line ?? 0], '  ca.pem: |');
    assert.deepEqual(parseManifestEntryPath('/w/k8s/secrets.yaml#ca/ca.pem'), { file: '/w/k8s/secrets.yaml', secret: 'ca', key: 'ca.pem' });
    assert.equal(parseManifestEntryPath('/w/tls/server.pem'), undefined);
    assert.equal(
      manifestEntryBytes(manifest, { file: '/w/k8s/secrets.yaml', secret: 'ca', key: 'ca.pem' })?.toString(),
      `${(set.get('ca.pem') ?? '').trimEnd()}\n`,
    );
    assert.deepEqual(
      manifestCertificateEntries('/w/x.yaml', k8sFile('operator-1.3.8/external_tls.yaml')).map((entry) => entry.input.path),
      ['/w/x.yaml#certs/server.pem'],
      'the folded PEMs are left to the diagnostics',
    );
  });

  it('in the Certificates view: under their CA, named by Secret and key, a click opens the manifest at the key, never Renew', () => {
    const entries = manifestCertificateEntries('/w/k8s/secrets.yaml', manifest);
    const inspection = inspectFiles(
      [...entries.map((entry) => entry.input), input('/w/tls/client.pem', set.get('client.pem') ?? '')],
      new Date(),
    );
    const lines = new Map(entries.map((entry) => [entry.input.path, entry.line]));
    const tree = buildCertificateTree(inspection, { now: new Date(), warnDaysFor: () => 30, manifestLine: (path) => lines.get(path) });
    const nodes = [...tree.nodes.values()];
    const server = nodes.find(
      (node) =>
        node.kind === 'certificate' &&
        node.file === '/w/k8s/secrets.yaml' &&
        /^Secret milvus-tls\/server\.pem · /.test(node.description ?? ''),
    );
    assert.ok(server, JSON.stringify(nodes.map((node) => [node.label, node.description, node.file])));
    assert.equal(server.kind === 'certificate' ? server.renewFrom : 'x', undefined);
    assert.match(manifest.split('\n')[server.line ?? 0] ?? '', /^ {2}server\.pem: /);
    const ca = nodes.find((node) => node.id === server.parentId);
    assert.match(ca?.description ?? '', /^Secret ca\/ca\.pem/, 'the CA in the other Secret issued it');
    assert.ok(
      nodes.some(
        (node) =>
          node.kind === 'key' &&
          node.parentId === server.id &&
          /^Secret milvus-tls\/server\.key · private key/.test(node.description ?? ''),
      ),
    );
  });

  it('in the status bar, and in milvus-tls inspect', () => {
    const entries = manifestCertificateEntries('/w/k8s/secrets.yaml', manifest);
    const inspection = inspectFiles(
      entries.map((entry) => entry.input),
      new Date(),
    );
    const status = soonestExpiring(inspection.certificates, new Date(Date.now() + 88 * DAY_MS), () => 30);
    assert.match(status?.text ?? '', /^\$\(warning\) milvus-tls\/server\.pem expires in/);
    const json = inspectionToJson(inspection) as { type: string; file: string }[];
    assert.ok(json.some((item) => item.type === 'certificate' && item.file === '/w/k8s/secrets.yaml#milvus-tls/server.pem'));
  });
});
