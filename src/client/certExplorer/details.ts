// Every field of a certificate as label/value rows, rendered two ways: a Markdown tooltip for the
// tree and a plain-text dump for "Show Details". One list, so neither can forget a field.
import { basename } from 'node:path';
import { sanEntries } from '../../core/inspect/describe';
import type { CertificateInfo, Finding, WorkspaceCertificate } from '../../core/inspect/types';
import { escapeMarkdown } from '../../core/markdown';
import { certificateLabel, describeValidity } from './format';

export type Row = readonly [label: string, value: string];

/** What the workspace adds to a certificate; absent when it was read on its own (CodeLens). */
export interface CertificateContext {
  issuerStatus?: WorkspaceCertificate['issuerStatus'];
  /** File of the certificate that verifiably signed it, when in the workspace. */
  issuerFile?: string;
  keyFiles?: string[];
  issuedCount?: number;
  findings?: readonly Finding[];
}

const ROLE_NAMES: Record<CertificateInfo['role'], string> = {
  ca: 'CA',
  server: 'server',
  client: 'client',
  'server+client': 'server and client',
  unknown: 'unknown',
};

function orNone(values: readonly string[] | undefined, absent: string): string {
  if (values === undefined) return absent;
  return values.length === 0 ? '(empty)' : values.join(', ');
}

function issuerRow(cert: CertificateInfo, context: CertificateContext): string {
  switch (context.issuerStatus) {
    case 'self-signed':
      return `${cert.issuer} (self-signed)`;
    case 'in-workspace':
      return `${cert.issuer} (${context.issuerFile ?? 'in the workspace'}, signature verified)`;
    case 'not-found':
      return `${cert.issuer} (not in the workspace)`;
    default:
      return cert.issuer;
  }
}

export function certificateRows(cert: CertificateInfo, context: CertificateContext, now: Date): Row[] {
  const constraints = cert.basicConstraints;
  const rows: Row[] = [
    ['Subject', cert.subject || '(empty)'],
    ['Issuer', issuerRow(cert, context)],
    ['Role', `${ROLE_NAMES[cert.role]}${cert.roleSource === 'none' ? '' : ` (from ${cert.roleSource.replace(/-/g, ' ')})`}`],
    ['Valid from', cert.notBefore],
    ['Valid until', `${cert.notAfter} (${describeValidity(cert, now)})`],
    ['Subject alt names', sanEntries(cert.sans).join(', ') || (cert.hasSanExtension ? '(empty)' : '(none)')],
    ['Public key', cert.publicKey.description],
    ['Signature', cert.signatureAlgorithm.name],
    [
      'Basic constraints',
      constraints
        ? `CA:${constraints.ca ? 'TRUE' : 'FALSE'}${constraints.pathLength === undefined ? '' : `, pathlen:${constraints.pathLength}`}${constraints.critical ? ' (critical)' : ''}`
        : '(none)',
    ],
    ['Key usage', orNone(cert.keyUsage, '(none: any)')],
    ['Extended key usage', orNone(cert.extendedKeyUsage, '(none: any)')],
    ['Serial', cert.serialNumber],
    ['Version', String(cert.version)],
    ['SHA-256', cert.fingerprintSha256],
    ['File', cert.range ? `${cert.file} (line ${cert.range.startLine + 1})` : cert.file],
  ];
  if (context.keyFiles !== undefined) {
    rows.push(['Private key', context.keyFiles.length > 0 ? context.keyFiles.join(', ') : '(not in the workspace)']);
  }
  if (context.issuedCount !== undefined && context.issuedCount > 0) rows.push(['Issued', `${context.issuedCount} in the workspace`]);
  return rows;
}

const SEVERITY_ICONS: Record<Finding['severity'], string> = { error: '$(error)', warning: '$(warning)', info: '$(info)' };

/** Markdown for a tree tooltip; codicons in it need `supportThemeIcons`. */
export function certificateTooltip(cert: CertificateInfo, context: CertificateContext, now: Date): string {
  const lines = [`**${escapeMarkdown(certificateLabel(cert))}**`, '', '| | |', '|---|---|'];
  for (const [label, value] of certificateRows(cert, context, now)) {
    lines.push(`| ${label} | ${escapeMarkdown(value)} |`);
  }
  const findings = context.findings ?? [];
  if (findings.length > 0) {
    lines.push(
      '',
      ...findings.map((finding) => `- ${SEVERITY_ICONS[finding.severity]} ${escapeMarkdown(finding.message)} \`${finding.code}\``),
    );
  }
  return lines.join('\n');
}

/** The read-only "Show Details" document: aligned rows, findings, then the PEM itself. */
export function certificateDump(cert: CertificateInfo, context: CertificateContext, now: Date): string {
  const rows = certificateRows(cert, context, now);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const findings = context.findings ?? [];
  const out = [
    `Certificate: ${certificateLabel(cert)}  (${basename(cert.file)})`,
    '',
    ...rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`),
    '',
    findings.length === 0 ? 'Findings: none' : 'Findings:',
    ...findings.map((finding) => `  [${finding.severity}] ${finding.code}: ${finding.message}`),
    '',
    cert.pem.trimEnd(),
    '',
  ];
  return out.join('\n');
}
