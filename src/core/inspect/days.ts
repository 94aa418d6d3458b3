// The one rule for "days left", used by every front: the Certificates view, the status bar, CodeLens,
// hovers and inlay hints, the connection test, `milvus-tls inspect` (table and --json) and renew.
//
//   daysLeft = ceil((notAfter - now) / 86 400 000 ms)
//
// So a certificate issued for N days reads N during its first 24 hours (our generator sets notAfter =
// issue time + N days; notBefore is backdated 5 minutes for clock skew, which does not move notAfter),
// N-1 during the next 24, and 1 during its last 24 hours. It is expired once now > notAfter (Go's rule:
// notAfter itself is still valid); daysLeft is then 0 during the first 24 hours after expiry and -k
// after k whole days. "Expiring within W days" means daysLeft <= W, i.e. at most W*24 hours remain.
import { plural } from './plural';

export const DAY_MS = 86_400_000;

export function daysLeft(notAfter: Date, now: Date): number {
  // `+ 0` turns the -0 of ceil(-0.5) into 0, so it prints as "0".
  return Math.ceil((notAfter.getTime() - now.getTime()) / DAY_MS) + 0;
}

export function isExpired(notAfter: Date, now: Date): boolean {
  return now.getTime() > notAfter.getTime();
}

/** Expired, or at most warnDays * 24 hours left: the window every warning uses. */
export function isWithinWarning(notAfter: Date, now: Date, warnDays: number): boolean {
  return daysLeft(notAfter, now) <= warnDays;
}

/** Whole days between notBefore and notAfter: N for an N-day certificate however far notBefore was backdated. */
export function lifetimeDays(notBefore: Date, notAfter: Date): number {
  return Math.max(1, Math.round((notAfter.getTime() - notBefore.getTime()) / DAY_MS));
}

/** "expires in 42 days", "expires in 1 day", "expires today" (only at notAfter itself), "expired today", "expired 3 days ago". */
export function expiryPhrase(notAfter: Date, now: Date): string {
  const days = daysLeft(notAfter, now);
  if (isExpired(notAfter, now)) return days === 0 ? 'expired today' : `expired ${plural(-days, 'day')} ago`;
  return days === 0 ? 'expires today' : `expires in ${plural(days, 'day')}`;
}

/** "42 days left", "1 day left", "expired today", "expired 3 days ago": for hints beside a path. */
export function daysLeftLabel(notAfter: Date, now: Date): string {
  const days = daysLeft(notAfter, now);
  if (isExpired(notAfter, now)) return expiryPhrase(notAfter, now);
  return `${plural(days, 'day')} left`;
}
