// A certificate's one-word health, and the icon that shows it. Codicon and theme colour ids are
// plain strings here so that this stays testable without VS Code.
import { isExpired, isWithinWarning } from '../../core/inspect/days';
import type { Finding } from '../../core/inspect/types';

export type CertificateState = 'fine' | 'expiring' | 'expired' | 'problem';

export interface IconSpec {
  /** Codicon id, e.g. "pass". */
  id: string;
  /** Theme colour id, e.g. "problemsWarningIcon.foreground". */
  color: string | undefined;
}

const EXPIRY_CODES = new Set(['cert-expired', 'cert-expiring']);

/**
 * Expired wins; then errors (a client certificate without clientAuth is as dead as an expired one);
 * then the expiry window, because it is the only problem with a deadline; then other warnings.
 */
export function certificateState(cert: { notAfter: string; findings: readonly Finding[] }, now: Date, warnDays: number): CertificateState {
  const notAfter = new Date(cert.notAfter);
  if (isExpired(notAfter, now)) return 'expired';
  const others = cert.findings.filter((finding) => !EXPIRY_CODES.has(finding.code));
  if (others.some((finding) => finding.severity === 'error')) return 'problem';
  if (isWithinWarning(notAfter, now, warnDays)) return 'expiring';
  if (others.some((finding) => finding.severity === 'warning')) return 'problem';
  return 'fine';
}

export function certificateIcon(state: CertificateState, isCa: boolean): IconSpec {
  switch (state) {
    case 'fine':
      return { id: isCa ? 'workspace-trusted' : 'pass', color: 'testing.iconPassed' };
    case 'expiring':
      return { id: 'warning', color: 'problemsWarningIcon.foreground' };
    case 'expired':
      return { id: 'error', color: 'problemsErrorIcon.foreground' };
    case 'problem':
      return { id: 'alert', color: 'problemsWarningIcon.foreground' };
  }
}

export const KEY_ICON: IconSpec = { id: 'key', color: undefined };
export const ISSUER_GROUP_ICON: IconSpec = { id: 'organization', color: undefined };
export const ORPHAN_KEYS_ICON: IconSpec = { id: 'key', color: 'problemsWarningIcon.foreground' };
export const UNREADABLE_GROUP_ICON: IconSpec = { id: 'circle-slash', color: undefined };
export const UNREADABLE_ICON: IconSpec = { id: 'circle-slash', color: 'problemsErrorIcon.foreground' };
export const SKIPPED_ICON: IconSpec = { id: 'info', color: undefined };
