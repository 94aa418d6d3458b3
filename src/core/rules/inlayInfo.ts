/** Inline facts: the tlsMode Milvus runs with, and days left of each referenced certificate. */
import { normaliseKey } from '../config';
import type { CertificateInfo } from '../inspect';
import { daysLeftLabel, expiryPhrase } from '../inspect';
import { originNote } from './context';
import type { Analysis } from './index';
import { documentPathReferences } from './pathReferences';

export interface InlayInfo {
  offset: number;
  label: string;
  tooltip?: string;
}

const MODE_LABEL: Record<number, string> = { 0: 'TLS off', 1: 'one-way TLS', 2: 'mutual TLS' };

export function inlayInfo(analysis: Analysis): InlayInfo[] {
  const ctx = analysis.context;
  const hints: InlayInfo[] = [];
  const tlsMode = ctx.config.entries.get(normaliseKey('common.security.tlsMode'));
  if (tlsMode) {
    const mode = ctx.tlsMode;
    const label = mode.known ? (MODE_LABEL[mode.mode] ?? '') : `mode ${mode.mode}: not 0, 1 or 2`;
    hints.push({
      offset: tlsMode.valueRange.end,
      label: `→ ${mode.valid ? '' : 'read as 0: '}${label}${originNote(ctx, mode.entry)}`,
      tooltip: 'The tlsMode Milvus runs with, after user.yaml and the compose environment.',
    });
  }
  for (const reference of documentPathReferences(ctx)) {
    const entry = ctx.config.entries.get(normaliseKey(reference.slot.key));
    const certificates = (reference.file?.read?.objects ?? []).filter((object): object is CertificateInfo => object.kind === 'certificate');
    const [certificate] = certificates;
    if (!entry || !certificate) continue;
    if (reference.slot.expect === 'ca' && certificates.length > 1) {
      // A bundle (a CA rotation trusts two CAs): the one that ends first is the one to watch.
      const soonest = [...certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter))[0] ?? certificate;
      hints.push({
        offset: entry.valueRange.end,
        label: `${certificates.length} CAs: ${soonest.commonName ?? soonest.subject} ${expiryPhrase(new Date(soonest.notAfter), ctx.now)}`,
        tooltip: certificates.map((ca) => `${ca.commonName ?? ca.subject}, valid until ${ca.notAfter.slice(0, 10)}`).join('\n'),
      });
      continue;
    }
    hints.push({
      offset: entry.valueRange.end,
      label: daysLeftLabel(new Date(certificate.notAfter), ctx.now),
      tooltip: `${certificate.commonName ?? certificate.subject}, valid until ${certificate.notAfter.slice(0, 10)}`,
    });
  }
  return hints;
}
