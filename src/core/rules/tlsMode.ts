/**
 * common.security.tlsMode: strconv.Atoi turns anything that is not a plain integer into 0 without
 * a word (TLS off), and 2.4.13+ refuse to start on an integer other than 0, 1 or 2 while REST is on
 * (listener_manager.go). Older versions and REST-off setups run it as plaintext.
 */
import { isAtLeastVersion } from '../compose';
import { readBool } from '../config';
import type { RuleContext } from './context';
import { isFromDocument, originNote, valueAnchorFor } from './context';
import type { RuleFinding } from './types';

export const TLS_MODE_KEY = 'common.security.tlsMode';
export const TLS_MODE_STARTUP_ERROR = 'tls mode must be 0: no authentication, 1: one way authentication or 2: two way authentication';

export function tlsModeRules(ctx: RuleContext): RuleFinding[] {
  const mode = ctx.tlsMode;
  if (mode.raw === undefined || !mode.entry) return [];
  // Reported where it is written: a bad value in another file or the environment gets its own check there.
  if (!isFromDocument(ctx, mode.entry) && mode.entry.origin.kind !== 'environment') return [];
  const range = valueAnchorFor(ctx, TLS_MODE_KEY);
  const where = originNote(ctx, mode.entry);
  if (!mode.valid) {
    return [
      {
        code: 'tls-mode-not-integer',
        severity: 'error',
        message: `tlsMode "${mode.raw}"${where} is not an integer to Milvus (strconv.Atoi), so it silently uses 0: TLS stays off. Write 0, 1 or 2 without quotes or decimals.`,
        range,
        data: { fix: 'set-value', key: TLS_MODE_KEY, values: suggestedModes(mode.raw) },
      },
    ];
  }
  if (mode.known) return [];
  const restOn = readBool(ctx.effective, 'proxy.http.enabled', true).value;
  const refuses = restOn && isAtLeastVersion(ctx.version, '2.4.13');
  return [
    {
      code: 'tls-mode-unknown',
      severity: 'error',
      message: refuses
        ? `tlsMode ${mode.raw}${where}: Milvus refuses to start with "${TLS_MODE_STARTUP_ERROR}". Use 0, 1 or 2.`
        : `tlsMode ${mode.raw}${where} is not 0, 1 or 2: Milvus serves gRPC without TLS ("${TLS_MODE_STARTUP_ERROR}" on 2.4.13+ with REST on). Use 0, 1 or 2.`,
      range,
      data: { fix: 'set-value', key: TLS_MODE_KEY, values: ['0', '1', '2'] },
    },
  ];
}

/** "1.0" → 1 first, "true" → 1 first: the mode the author most likely meant leads. */
function suggestedModes(raw: string): string[] {
  const trimmed = raw.trim().toLowerCase();
  const numeric = Number.parseFloat(trimmed);
  let first: string | undefined;
  if (['1', '2', '0'].includes(String(numeric))) first = String(numeric);
  else if (['true', 'yes', 'on'].includes(trimmed)) first = '1';
  else if (['false', 'no', 'off'].includes(trimmed)) first = '0';
  return first === undefined ? ['0', '1', '2'] : [first, ...['0', '1', '2'].filter((value) => value !== first)];
}
