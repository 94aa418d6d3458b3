/**
 * `common.security.tlsMode` as Milvus reads it: ParamItem.GetAsInt → strconv.Atoi, and a failure
 * becomes 0 without a word (param_item.go getAndConvert), so `"1.0"` in quotes, `true` or `" 1"`
 * mean TLS off. A plain `1.0` is different: yaml.v2 reads the float 1 and Milvus sees "1".
 */
import type { EffectiveConfig, EffectiveValue } from './effectiveConfig';
import { readInt } from './typedValues';

export const TLS_MODE_KEY = 'common.security.tlsMode';

export interface TlsModeRead {
  /** The mode Milvus runs with: 0, 1, 2, or another integer (which 2.4.13+ reject at startup when REST is on). */
  mode: number;
  /** The string Milvus converted; undefined when tlsMode is set nowhere (code default "0"). */
  raw: string | undefined;
  /** False when `raw` is not an integer to Go (Milvus then uses 0). */
  valid: boolean;
  /** Whether `mode` is one Milvus implements (0, 1 or 2). */
  known: boolean;
  entry: EffectiveValue | undefined;
}

export function readTlsMode(effective: EffectiveConfig): TlsModeRead {
  const read = readInt(effective, TLS_MODE_KEY, 0);
  return { mode: read.value, raw: read.raw, valid: read.valid, known: [0, 1, 2].includes(read.value), entry: read.entry };
}
