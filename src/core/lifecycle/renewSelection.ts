// Which leaves of an inspected folder (or workspace) `renew` reissues: those within the window (or all
// with --force) whose CA and its key are at hand. Pure: the CLI, the editor command and the tests
// share it; each leaf that cannot be renewed comes back with the reason.
import { basename } from 'node:path';
import { isWithinWarning } from '../inspect';
import type { PemRange, WorkspaceCertificate, WorkspaceInspection, WorkspaceKey } from '../inspect/types';
import { planLeafRenewal, type LeafRenewalPlan } from './leafRenewal';

export interface RenewCandidate {
  plan: LeafRenewalPlan;
  /** The CA's private key: the file and, for a file with several blocks, which one. */
  issuerKey: WorkspaceKey;
}

export interface RenewSelection {
  due: RenewCandidate[];
  /** Leaves outside the window (left alone). */
  notDue: WorkspaceCertificate[];
  /** Leaves in the window that cannot be renewed here, with why. */
  blocked: { certificate: WorkspaceCertificate; reason: string }[];
}

export interface RenewWindow {
  /** Renew leaves with at most this many days left (core/inspect/days.ts). */
  withinDays: number;
  /** Renew every leaf, due or not. */
  all?: boolean;
  now: Date;
}

function isLeaf(cert: WorkspaceCertificate): boolean {
  return cert.role === 'server' || cert.role === 'client' || cert.role === 'server+client';
}

export function selectRenewals(inspection: WorkspaceInspection, window: RenewWindow): RenewSelection {
  const byId = new Map(inspection.certificates.map((cert) => [cert.id, cert]));
  const keysById = new Map(inspection.keys.map((key) => [key.id, key]));
  const selection: RenewSelection = { due: [], notDue: [], blocked: [] };
  for (const cert of inspection.certificates.filter(isLeaf)) {
    if (!window.all && !isWithinWarning(new Date(cert.notAfter), window.now, window.withinDays)) {
      selection.notDue.push(cert);
      continue;
    }
    const issuer = cert.issuerId === undefined || cert.issuerId === cert.id ? undefined : byId.get(cert.issuerId);
    const issuerKey = issuer?.keyIds.map((id) => keysById.get(id)).find((key) => key !== undefined && !key.encrypted);
    const reason = !issuer
      ? `its CA (${cert.issuerCommonName ?? cert.issuer}) is not here`
      : !issuerKey
        ? `the key of its CA (${basename(issuer.file)}) is not here, or is encrypted`
        : undefined;
    const plan = reason ?? planLeafRenewal(cert, issuer as WorkspaceCertificate, cert.keyFile, window.now);
    if (typeof plan === 'string') selection.blocked.push({ certificate: cert, reason: plan });
    else selection.due.push({ plan, issuerKey: issuerKey as WorkspaceKey });
  }
  return selection;
}

/** The PEM text of one block of a file (a key may share its file with other blocks). */
export function pemBlockText(fileText: string, range: PemRange | undefined): string {
  if (!range) throw new Error('the CA key is DER; it must be PEM to sign with it');
  return `${fileText
    .split(/\r?\n/)
    .slice(range.startLine, range.endLine + 1)
    .join('\n')}\n`;
}
