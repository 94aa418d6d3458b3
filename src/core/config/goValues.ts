/**
 * Values as the Go side of Milvus sees them.
 *
 * YAML → string: Milvus reads each file with gopkg.in/yaml.v2 `Unmarshal` into
 * `map[string]interface{}` and turns every leaf into a string with `cast.ToStringE`
 * (pkg/config/file_source.go loadFromFile, pkg/config/config.go flattenAndMergeMap). yaml.v2 is
 * YAML 1.1: a plain `yes`/`on`/`y` is the bool true (→ "true"), `017` is octal 15 (→ "15"), `1.0` is
 * the float 1 (→ "1"), `1_000` is 1000; a quoted scalar stays the string as written; an empty value
 * or `~` is nil (→ "").
 *
 * string → int/bool: ParamItem.GetAsInt uses `strconv.Atoi`, GetAsBool `strconv.ParseBool`, and a
 * value that does not convert silently becomes 0 / false (pkg/util/paramtable/param_item.go,
 * getAndConvert).
 */

const YAML_V2_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const YAML_V2_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const YAML_V2_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** 0, or up to 18 digits without a leading zero: always below 2^63, so Go prints it back unchanged. */
const CANONICAL_DECIMAL = /^(?:0|[1-9][0-9]{0,17})$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * The string Milvus stores for a scalar: `plain` is whether it was written without quotes (only
 * plain scalars get YAML type resolution).
 */
export function goYamlScalarToString(text: string, plain: boolean): string {
  if (!plain) return text;
  // Fast path: most values are words or paths, which no YAML 1.1 rule below can change.
  if (text.length > 5 && !/^[-+.0-9]/.test(text)) return text;
  // And a decimal written the way Go prints it (no sign, no leading zero, within int64) is itself.
  if (CANONICAL_DECIMAL.test(text)) return text;
  if (YAML_V2_NULL.has(text)) return '';
  if (YAML_V2_TRUE.has(text)) return 'true';
  if (YAML_V2_FALSE.has(text)) return 'false';
  if (['.nan', '.NaN', '.NAN'].includes(text)) return 'NaN';
  if (['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].includes(text)) return '+Inf';
  if (['-.inf', '-.Inf', '-.INF'].includes(text)) return '-Inf';
  const withoutUnderscores = text.replace(/_/g, '');
  const integer = parseGoIntBase0(withoutUnderscores);
  if (integer !== undefined && integer >= INT64_MIN && integer <= UINT64_MAX) return integer.toString();
  if (YAML_STYLE_FLOAT.test(withoutUnderscores)) return formatGoFloat(Number(withoutUnderscores));
  return text;
}

/** Go `strconv.ParseInt(s, 0, 64)`-style syntax: sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
function parseGoIntBase0(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1n : 1n;
  let digits = match[2] ?? '';
  // A bare leading 0 means octal in Go's base-0 parsing; BigInt wants 0o.
  if (/^0[0-7]+$/.test(digits)) digits = `0o${digits.slice(1)}`;
  return sign * BigInt(digits.toLowerCase().replace(/^0([xob])/, '0$1'));
}

/** Go `strconv.FormatFloat(f, 'f', -1, 64)`: shortest round-trip digits, never exponent notation. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return Object.is(value, -0) ? '-0' : shortest;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  const pointAt = 1 + exponent;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

export interface GoConversion<T> {
  value: T;
  /** False when Go's conversion fails; `value` is then the silent fallback Milvus uses. */
  valid: boolean;
}

/** Go `strconv.Atoi` on a 64-bit platform; invalid input gives Milvus's fallback 0. */
export function goAtoi(text: string): GoConversion<number> {
  if (!/^[+-]?[0-9]+$/.test(text)) return { value: 0, valid: false };
  const parsed = BigInt(text);
  if (parsed < INT64_MIN || parsed > INT64_MAX) return { value: 0, valid: false };
  return { value: Number(parsed), valid: true };
}

/** Go `strconv.ParseBool`; invalid input gives Milvus's fallback false. */
export function goParseBool(text: string): GoConversion<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return { value: true, valid: true };
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return { value: false, valid: true };
  return { value: false, valid: false };
}
