/**
 * Markdown for hovers: what a key means to Milvus and, for paths, the file behind it. Our own texts
 * are Markdown; every value from a file (compose values, paths, volume strings, certificate names)
 * goes through escapeMarkdown or markdownCode, so a repository cannot put links or images in a hover.
 */
import path from 'node:path';
import type { ConfigEntry } from '../config';
import { describeOrigin, normaliseKey, tlsKeyInfo } from '../config';
import type { MountInfo } from '../deployment';
import type { CertificateInfo, PrivateKeyInfo } from '../inspect';
import { daysLeftLabel, sanEntries } from '../inspect';
import { escapeMarkdown, markdownCode } from '../markdown';
import type { Analysis } from './index';
import { PATH_SLOTS } from '../config';
import { resolvePathReference, displayHostPath } from './pathReferences';
import type { PathReference } from './pathReferences';
import { locate } from './lookup';

export interface HoverInfo {
  markdown: string;
  range: { start: number; end: number };
}

export function hoverInfo(analysis: Analysis, offset: number): HoverInfo | undefined {
  const ctx = analysis.context;
  const located = locate(ctx.config, offset);
  if (!located || located.kind === 'block-key') return undefined;
  const entry = located.entry;
  const info = tlsKeyInfo(entry.key);
  if (!info) return undefined;
  const parts = [`**${info.key}**${info.since ? ` (since ${info.since})` : ''}`, info.description];
  if (info.allowedValues) parts.push(info.allowedValues.map((allowed) => `- \`${allowed.value}\`: ${allowed.meaning}`).join('\n'));
  if (info.codeDefault !== undefined) parts.push(`Default when absent: \`${info.codeDefault === '' ? '""' : info.codeDefault}\``);
  const effective = ctx.effective.values.get(entry.key);
  if (effective && effective.origin.kind === 'environment') {
    parts.push(`Milvus uses ${markdownCode(effective.value)} from the ${escapeMarkdown(describeOrigin(effective.origin))}.`);
  }
  const slot = PATH_SLOTS.find((candidate) => normaliseKey(candidate.key) === entry.key);
  const reference = slot ? resolvePathReference(ctx, slot) : undefined;
  if (reference) parts.push(pathSummary(analysis, reference));
  const range = located.kind === 'entry-key' ? entry.keyRange : entry.valueRange;
  return { markdown: parts.filter((part) => part !== '').join('\n\n'), range };
}

function pathSummary(analysis: Analysis, reference: PathReference): string {
  const ctx = analysis.context;
  const lines = [`Container path ${markdownCode(reference.containerPath)}`];
  lines[0] += locationSummary(ctx, reference);
  const objects = reference.file?.read?.objects ?? [];
  for (const object of objects) {
    if (object.kind === 'certificate') lines.push(certificateSummary(object, ctx.now));
    if (object.kind === 'private-key') lines.push(keySummary(object));
  }
  if (reference.file && !reference.file.stat) lines.push('The file does not exist.');
  return lines.join('\n\n');
}

function locationSummary(ctx: Analysis['context'], reference: PathReference): string {
  const location = reference.location;
  switch (location.kind) {
    case 'host': {
      // Outside the project folder (trusted workspaces read there) it is no workspace file: say so.
      const shown = displayHostPath(ctx, location.hostPath);
      return ` → ${shown.startsWith('./') ? 'workspace file' : 'file outside the project folder'} ${markdownCode(shown)}${location.mount ? ` (mount ${markdownCode(location.mount.raw)}, ${escapeMarkdown(location.mount.from.text)})` : ''}`;
    }
    case 'manifest':
      return ` → ${markdownCode(location.label)} (${escapeMarkdown(location.mount.from.text)})`;
    case 'image':
      return ": the Milvus image's bundled test file";
    case 'placeholder':
      return ': a placeholder';
    case 'outside-workspace':
      return `: \`${location.hostPath}\`, outside the workspace folders, not read${mountSummary(location.mount)}`;
    case 'opaque':
    case 'foreign-host':
      return `: not checkable here (${location.reason})${mountSummary(location.mount)}`;
    case 'unmapped':
      return `: not checkable here (${escapeMarkdown(location.reason)})`;
  }
}

/** `; mount \`./tls:/milvus/tls\`, docker-compose.override.yml:4`: which compose line leads there. */
function mountSummary(mount: MountInfo | undefined): string {
  return mount ? `; mount \`${mount.raw}\`, ${mount.from.text}` : '';
}

export function certificateSummary(cert: CertificateInfo, now: Date): string {
  const sans = sanEntries(cert.sans, ['dns', 'ip']).join(', ') || 'none';
  return [
    `**Certificate** ${escapeMarkdown(cert.commonName ?? cert.subject)}`,
    `- SANs: ${escapeMarkdown(sans)}`,
    `- Issuer: ${cert.selfSigned ? 'self-signed' : escapeMarkdown(cert.issuer)}`,
    `- Valid: ${cert.notBefore.slice(0, 10)} to ${cert.notAfter.slice(0, 10)} (${daysLeftLabel(new Date(cert.notAfter), now)})`,
    `- Key: ${escapeMarkdown(cert.publicKey.description)}; role: ${cert.role}`,
    `- SHA-256: ${markdownCode(cert.fingerprintSha256)}`,
  ].join('\n');
}

function keySummary(key: PrivateKeyInfo): string {
  return `**Private key** ${key.encrypted ? '(encrypted)' : escapeMarkdown(key.publicKey?.description ?? '')} in ${escapeMarkdown(path.posix.basename(key.file))}`;
}

/** The entry a path key's value refers to, for document links. */
export function linkTargets(analysis: Analysis): { entry: ConfigEntry; hostPath: string }[] {
  const ctx = analysis.context;
  const targets: { entry: ConfigEntry; hostPath: string }[] = [];
  for (const slot of PATH_SLOTS) {
    const entry = ctx.config.entries.get(normaliseKey(slot.key));
    if (!entry || entry.valueRange.start === entry.valueRange.end) continue;
    const reference = resolvePathReference(ctx, slot);
    if (reference?.location.kind === 'host' && reference.hostPath !== undefined && reference.file?.stat) {
      targets.push({ entry, hostPath: reference.hostPath });
    }
  }
  return targets;
}
