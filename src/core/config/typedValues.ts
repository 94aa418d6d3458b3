/**
 * Typed reads of the effective configuration with Milvus's conversions and fallbacks: a present
 * value converts with Go's strconv (invalid → 0 / false, silently); an absent key takes the
 * ParamItem default.
 */
import type { EffectiveConfig, EffectiveValue } from './effectiveConfig';
import { getEffectiveValue } from './effectiveConfig';
import { goAtoi, goParseBool } from './goValues';

export interface TypedRead<T> {
  /** What Milvus uses. */
  value: T;
  /** The string Milvus converted; undefined when the key is absent everywhere. */
  raw: string | undefined;
  /** False when a present value failed Go's conversion (Milvus then uses the fallback). */
  valid: boolean;
  /** True when the key is absent and the code default applies. */
  defaulted: boolean;
  entry: EffectiveValue | undefined;
}

export function readInt(effective: EffectiveConfig, key: string, codeDefault: number): TypedRead<number> {
  const entry = getEffectiveValue(effective, key);
  if (!entry) return { value: codeDefault, raw: undefined, valid: true, defaulted: true, entry };
  const converted = goAtoi(entry.value);
  return { value: converted.value, raw: entry.value, valid: converted.valid, defaulted: false, entry };
}

export function readBool(effective: EffectiveConfig, key: string, codeDefault: boolean): TypedRead<boolean> {
  const entry = getEffectiveValue(effective, key);
  if (!entry) return { value: codeDefault, raw: undefined, valid: true, defaulted: true, entry };
  const converted = goParseBool(entry.value);
  return { value: converted.value, raw: entry.value, valid: converted.valid, defaulted: false, entry };
}

/** A string key; '' when absent (Milvus's default for keys without one). */
export function readString(effective: EffectiveConfig, key: string, codeDefault = ''): TypedRead<string> {
  const entry = getEffectiveValue(effective, key);
  if (!entry) return { value: codeDefault, raw: undefined, valid: true, defaulted: true, entry };
  return { value: entry.value, raw: entry.value, valid: true, defaulted: false, entry };
}
