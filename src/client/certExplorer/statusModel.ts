// What the status bar says: the one certificate that needs attention first, or nothing.
import { basename } from 'node:path';
import { isExpired, isWithinWarning } from '../../core/inspect/days';
import { parseManifestEntryPath } from '../../core/kubernetes';
import type { WorkspaceCertificate } from '../../core/inspect/types';
import { certificateLabel, describeValidity } from './format';

export interface StatusEntry {
  certificateId: string;
  /** With a leading codicon: "$(warning) server.pem expires in 12 days". */
  text: string;
  tooltip: string;
  expired: boolean;
}

/** `server.pem`, or `certs/server.pem` for a key of the Secret `certs` in a manifest. */
function shortName(path: string): string {
  const entry = parseManifestEntryPath(path);
  return entry ? `${entry.secret}/${entry.key}` : basename(path);
}

/**
 * The soonest-expiring certificate that is expired or within its warning window; undefined when
 * all is well (the item is then hidden, not shown green: silence is the good news).
 */
export function soonestExpiring(
  certificates: readonly WorkspaceCertificate[],
  now: Date,
  warnDaysFor: (file: string) => number,
): StatusEntry | undefined {
  let best: WorkspaceCertificate | undefined;
  for (const cert of certificates) {
    if (!isWithinWarning(new Date(cert.notAfter), now, warnDaysFor(cert.file))) continue;
    if (!best || Date.parse(cert.notAfter) < Date.parse(best.notAfter)) best = cert;
  }
  if (!best) return undefined;
  const expired = isExpired(new Date(best.notAfter), now);
  const validity = describeValidity(best, now);
  return {
    certificateId: best.id,
    text: `$(${expired ? 'error' : 'warning'}) ${shortName(best.file)} ${validity}`,
    tooltip: `${certificateLabel(best)} (${best.file}) ${validity}. Click to show it in the Certificates view.`,
    expired,
  };
}
