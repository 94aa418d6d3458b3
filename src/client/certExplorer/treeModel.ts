// The Certificates view as plain data: nodes with ids, parents and children, built from one
// workspace inspection. The provider only maps these to TreeItems, so this is where the view's
// behaviour lives and is tested.
import { basename } from 'node:path';
import { parseManifestEntryPath } from '../../core/kubernetes';
import type { ReadErrorInfo, WorkspaceCertificate, WorkspaceInspection, WorkspaceKey } from '../../core/inspect/types';
import type { CertificateContext } from './details';
import { certificateTooltip } from './details';
import { escapeMarkdown } from '../../core/markdown';
import { certificateLabel, describeValidity, plural } from './format';
import type { CertificateState, IconSpec } from './state';
import {
  certificateIcon,
  certificateState,
  ISSUER_GROUP_ICON,
  KEY_ICON,
  ORPHAN_KEYS_ICON,
  SKIPPED_ICON,
  UNREADABLE_GROUP_ICON,
  UNREADABLE_ICON,
} from './state';

export type Collapse = 'none' | 'collapsed' | 'expanded';

interface NodeBase {
  id: string;
  parentId: string | undefined;
  childIds: string[];
  label: string;
  description: string | undefined;
  /** Markdown. */
  tooltip: string;
  icon: IconSpec;
  /** Space-separated tokens matched by the menus' `viewItem =~ /\btoken\b/` clauses. */
  contextValue: string;
  collapse: Collapse;
  /** What a click opens, when anything. */
  file: string | undefined;
  line: number | undefined;
}

export interface CertificateNode extends NodeBase {
  kind: 'certificate';
  certificateId: string;
  fingerprint: string;
  state: CertificateState;
  /** Set when the issuing CA and its unencrypted key are both in the workspace. */
  renewFrom: { caCertificateId: string; caKeyId: string } | undefined;
}

export interface OtherNode extends NodeBase {
  kind: 'key' | 'issuer-group' | 'orphan-keys' | 'unreadable-group' | 'unreadable';
}

export type TreeNode = CertificateNode | OtherNode;

export interface CertificateTree {
  roots: string[];
  nodes: Map<string, TreeNode>;
  /** Inspection certificate id → node id, for reveal and CodeLens. */
  nodeOfCertificate: Map<string, string>;
}

export interface TreeOptions {
  now: Date;
  /** The expiry warning window; a function because the setting is per resource. */
  warnDaysFor: (file: string) => number;
  /** The line of a Secret key in its manifest (`file#secret/key` inputs), where a click lands. */
  manifestLine?: (path: string) => number | undefined;
}

/** Where a click on an object of `path` goes: the manifest and the key's line for a Secret entry. */
function clickTarget(path: string, line: number | undefined, options: TreeOptions): { file: string; line: number | undefined } {
  const entry = parseManifestEntryPath(path);
  return entry ? { file: entry.file, line: options.manifestLine?.(path) } : { file: path, line };
}

/** `Secret certs/server.pem` for an object inside a Secret manifest (short: the view is narrow). */
function manifestNote(path: string): string | undefined {
  const entry = parseManifestEntryPath(path);
  return entry ? `Secret ${entry.secret}/${entry.key}` : undefined;
}

const RENEWABLE_ROLES = new Set(['server', 'client']);

function compareCertificates(a: WorkspaceCertificate, b: WorkspaceCertificate): number {
  const caFirst = Number(b.role === 'ca') - Number(a.role === 'ca');
  return caFirst || certificateLabel(a).localeCompare(certificateLabel(b)) || a.id.localeCompare(b.id);
}

class TreeBuilder {
  readonly tree: CertificateTree = { roots: [], nodes: new Map(), nodeOfCertificate: new Map() };
  readonly #certificates: Map<string, WorkspaceCertificate>;
  readonly #keys: Map<string, WorkspaceKey>;

  readonly duplicateLabels = new Set<string>();
  readonly #objectsInFile = new Map<string, number>();

  constructor(
    readonly inspection: WorkspaceInspection,
    readonly options: TreeOptions,
  ) {
    this.#certificates = new Map(inspection.certificates.map((cert) => [cert.id, cert]));
    const seen = new Set<string>();
    for (const cert of inspection.certificates) {
      const label = certificateLabel(cert);
      if (seen.has(label)) this.duplicateLabels.add(label);
      seen.add(label);
    }
    this.#keys = new Map(inspection.keys.map((key) => [key.id, key]));
    for (const { file } of [...inspection.certificates, ...inspection.keys, ...inspection.csrs, ...inspection.errors]) {
      this.#objectsInFile.set(file, (this.#objectsInFile.get(file) ?? 0) + 1);
    }
  }

  add(node: TreeNode): TreeNode {
    if (node.parentId === undefined) this.tree.roots.push(node.id);
    else this.tree.nodes.get(node.parentId)?.childIds.push(node.id);
    this.tree.nodes.set(node.id, node);
    return node;
  }

  /** The certificate it hangs under: its verified issuer, unless that is itself or unknown. */
  parentCertificateOf(cert: WorkspaceCertificate): WorkspaceCertificate | undefined {
    if (cert.issuerStatus !== 'in-workspace' || cert.issuerId === undefined || cert.issuerId === cert.id) return undefined;
    return this.#certificates.get(cert.issuerId);
  }

  renewSource(cert: WorkspaceCertificate): CertificateNode['renewFrom'] {
    if (!RENEWABLE_ROLES.has(cert.role)) return undefined;
    // A Secret key is not a file of its own: Renew rewrites files (regenerate the Secret instead).
    if (parseManifestEntryPath(cert.file) !== undefined) return undefined;
    // Renewing rewrites whole files: a bundle or a cert+key file would lose its other blocks.
    const alone = (file: string | undefined): boolean => file === undefined || this.#objectsInFile.get(file) === 1;
    if (!alone(cert.file) || !alone(cert.keyFile)) return undefined;
    const ca = this.parentCertificateOf(cert);
    const caKey = ca?.keyIds.map((id) => this.#keys.get(id)).find((key) => key !== undefined && !key.encrypted);
    return ca && caKey ? { caCertificateId: ca.id, caKeyId: caKey.id } : undefined;
  }

  addCertificate(cert: WorkspaceCertificate, parentId: string | undefined, hasIssued: boolean): string {
    const { now, warnDaysFor } = this.options;
    // VS Code keeps an item's first collapsible state for as long as its id lives. A CA seen before
    // the certificates it issued (the scan reports in batches) would stay collapsed: as an issuer it
    // is a new item, shown expanded.
    const id = hasIssued ? `cert:${cert.id}:issuer` : `cert:${cert.id}`;
    const state = certificateState(cert, now, warnDaysFor(cert.file));
    const renewFrom = this.renewSource(cert);
    const key = cert.keyIds.length > 0 ? this.#keys.get(cert.keyIds[0] ?? '') : undefined;
    const inManifest = manifestNote(cert.file);
    const target = clickTarget(cert.file, cert.range?.startLine, this.options);
    this.add({
      kind: 'certificate',
      id,
      parentId,
      childIds: [],
      label: certificateLabel(cert),
      // Copies of one certificate (ca.pem and a chain.pem) would look identical: name the file (or the Secret key).
      description:
        inManifest !== undefined
          ? `${inManifest} · ${describeValidity(cert, now)}`
          : this.duplicateLabels.has(certificateLabel(cert))
            ? `${describeValidity(cert, now)} · ${basename(cert.file)}`
            : describeValidity(cert, now),
      tooltip: certificateTooltip(cert, workspaceContext(this.inspection, cert), now),
      icon: certificateIcon(state, cert.role === 'ca'),
      contextValue: ['certificate', 'file', renewFrom ? 'renewable' : ''].filter(Boolean).join(' '),
      collapse: hasIssued ? 'expanded' : key ? 'collapsed' : 'none',
      file: target.file,
      line: target.line,
      certificateId: cert.id,
      fingerprint: cert.fingerprintSha256,
      state,
      renewFrom,
    });
    this.tree.nodeOfCertificate.set(cert.id, id);
    if (key) this.addKey(key, id, `${id}/key:${key.id}`, 'private key');
    return id;
  }

  addKey(key: WorkspaceKey, parentId: string, id: string, what: string): void {
    const findings = key.findings.map((finding) => `- ${escapeMarkdown(finding.message)} \`${finding.code}\``);
    const summary = key.encrypted ? 'encrypted' : (key.publicKey?.description ?? key.label);
    const inManifest = manifestNote(key.file);
    const target = clickTarget(key.file, key.range?.startLine, this.options);
    this.add({
      kind: 'key',
      id,
      parentId,
      childIds: [],
      label: basename(key.file),
      description: inManifest !== undefined ? `${inManifest} · ${what}, ${summary}` : `${what}, ${summary}`,
      tooltip: [
        `**${escapeMarkdown(basename(key.file))}**`,
        '',
        escapeMarkdown(`${key.file} (${key.label}, ${summary})`),
        '',
        ...findings,
      ].join('\n'),
      icon: parentId === 'group:orphan-keys' ? ORPHAN_KEYS_ICON : KEY_ICON,
      contextValue: 'key file',
      collapse: 'none',
      file: target.file,
      line: target.line,
    });
  }

  addError(error: ReadErrorInfo, index: number): void {
    const skipped = error.code === 'file-too-large';
    const target = clickTarget(error.file, error.range?.startLine, this.options);
    this.add({
      kind: 'unreadable',
      id: `error:${error.file}#${error.range?.startLine ?? 'file'}:${error.code}:${index}`,
      parentId: 'group:unreadable',
      childIds: [],
      label: basename(error.file),
      description: error.message,
      tooltip: [
        `**${escapeMarkdown(basename(error.file))}**`,
        '',
        escapeMarkdown(error.file),
        '',
        `${escapeMarkdown(error.message)} \`${error.code}\``,
      ].join('\n'),
      icon: skipped ? SKIPPED_ICON : UNREADABLE_ICON,
      contextValue: 'unreadable file',
      collapse: 'none',
      file: target.file,
      line: target.line,
    });
  }

  group(kind: OtherNode['kind'], id: string, label: string, description: string, tooltip: string, icon: IconSpec): string {
    this.add({
      kind,
      id,
      parentId: undefined,
      childIds: [],
      label,
      description,
      tooltip,
      icon,
      contextValue: 'group',
      collapse: 'expanded',
      file: undefined,
      line: undefined,
    });
    return id;
  }
}

/** Issuer, keys and findings of a certificate, for its tooltip and its details document. */
export function workspaceContext(inspection: WorkspaceInspection, cert: WorkspaceCertificate): CertificateContext {
  const issuer = cert.issuerStatus === 'in-workspace' ? inspection.certificates.find((other) => other.id === cert.issuerId) : undefined;
  return {
    issuerStatus: cert.issuerStatus,
    issuerFile: issuer ? `${certificateLabel(issuer)}, ${basename(issuer.file)}` : undefined,
    keyFiles: cert.keyIds
      .map((id) => inspection.keys.find((key) => key.id === id)?.file)
      .filter((file): file is string => file !== undefined),
    issuedCount: cert.issuedIds.length,
    findings: cert.findings,
  };
}

/** Builds the view from one inspection; `extraErrors` are files the scanner skipped itself (too large). */
export function buildCertificateTree(
  inspection: WorkspaceInspection,
  options: TreeOptions,
  extraErrors: readonly ReadErrorInfo[] = [],
): CertificateTree {
  const builder = new TreeBuilder(inspection, options);
  const certificates = [...inspection.certificates].sort(compareCertificates);
  const children = new Map<string, WorkspaceCertificate[]>();
  const roots: WorkspaceCertificate[] = [];
  for (const cert of certificates) {
    const parent = builder.parentCertificateOf(cert);
    if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), cert]);
    else roots.push(cert);
  }
  const placed = new Set<string>();
  const place = (cert: WorkspaceCertificate, parentId: string | undefined): void => {
    placed.add(cert.id);
    const issued = (children.get(cert.id) ?? []).filter((child) => !placed.has(child.id));
    const id = builder.addCertificate(cert, parentId, issued.length > 0);
    for (const child of issued) if (!placed.has(child.id)) place(child, id);
  };
  const groups = new Map<string, string>();
  for (const cert of roots) {
    if (cert.issuerStatus !== 'not-found') {
      place(cert, undefined);
      continue;
    }
    // Certificates from an issuer we do not have are grouped under that issuer's name.
    let groupId = groups.get(cert.issuer);
    if (groupId === undefined) {
      const count = roots.filter((other) => other.issuerStatus === 'not-found' && other.issuer === cert.issuer).length;
      groupId = builder.group(
        'issuer-group',
        `issuer:${cert.issuer}`,
        cert.issuerCommonName ?? (cert.issuer || '(empty issuer)'),
        'issuer not in the workspace',
        `**${escapeMarkdown(cert.issuer || '(empty issuer)')}**\n\nThis issuer's certificate is not in the workspace: ${plural(count, 'certificate')} could not be verified.`,
        ISSUER_GROUP_ICON,
      );
      groups.set(cert.issuer, groupId);
    }
    place(cert, groupId);
  }
  // Certificates that issued each other in a loop (cross-signing) have no root: show them anyway.
  for (const cert of certificates) if (!placed.has(cert.id)) place(cert, undefined);

  const orphanKeys = inspection.keys.filter((key) => key.certificateIds.length === 0);
  if (orphanKeys.length > 0) {
    const groupId = builder.group(
      'orphan-keys',
      'group:orphan-keys',
      'Keys without a certificate',
      plural(orphanKeys.length, 'key'),
      'Private keys whose public key matches no certificate in the workspace.',
      ORPHAN_KEYS_ICON,
    );
    for (const key of orphanKeys) builder.addKey(key, groupId, `key:${key.id}`, 'no certificate');
  }
  const errors = [...inspection.errors, ...extraErrors];
  if (errors.length > 0) {
    builder.group(
      'unreadable-group',
      'group:unreadable',
      'Unreadable files',
      plural(errors.length, 'problem'),
      'Files, or blocks in them, that could not be read, with the reason.',
      UNREADABLE_GROUP_ICON,
    );
    errors.forEach((error, index) => builder.addError(error, index));
  }
  return builder.tree;
}

export function isEmptyTree(tree: CertificateTree): boolean {
  return tree.roots.length === 0;
}
