/**
 * How Milvus matches keys. Every lookup goes through `formatKey`: lowercase, then delete `/`, `_`
 * and `.` (pkg/config/config.go:98 on master: `strings.NewReplacer("/", "", "_", "", ".", "")
 * .Replace(strings.ToLower(key))`), except keys under `knowhere.`, which are used as written.
 * So `common.security.tlsMode`, `common.security.TLSMode` and `COMMON_SECURITY_TLSMODE` are one
 * key, while `common.tls.serverPemPath` (→ `commontlsserverpempath`) is not `tls.serverPemPath`.
 *
 * Environment variable names go through the env formatter of BaseTable.init
 * (pkg/util/paramtable/base_table.go:133-140): lowercase, strip a leading `milvus.`, then delete
 * `/`, `_` and `.`. Newer builds also read variables with a prefix and strip it first
 * (pkg/config/env_source.go): see DEFAULT_ENV_PREFIXES.
 */

const NOT_FORMATTED_PREFIX = 'knowhere.';

/** The key as Milvus looks it up: `common.security.tlsMode` → `commonsecuritytlsmode`. */
export function normaliseKey(key: string): string {
  if (key.startsWith(NOT_FORMATTED_PREFIX)) return key;
  return key.toLowerCase().replace(/[/_.]/g, '');
}

/**
 * normaliseKeyPath(path) from the parent's normalised key and the full path, normalising only the
 * last segment: the same result, without re-joining and re-scanning the whole path for every key.
 */
export function normaliseChildKey(parentKey: string, path: readonly string[]): string {
  const segment = path[path.length - 1] ?? '';
  // Under knowhere. the whole dotted key is used as written.
  const head = path[0] ?? '';
  if (head === 'knowhere' ? path.length > 1 : head.startsWith(NOT_FORMATTED_PREFIX)) return path.join('.');
  return parentKey + segment.toLowerCase().replace(/[/_.]/g, '');
}

/** The normalised key of a path of YAML segments: ['common', 'security', 'tlsMode']. */
export function normaliseKeyPath(segments: readonly string[]): string {
  return normaliseKey(segments.join('.'));
}

/** The normalised key an environment variable name sets (`TLS_SERVERPEMPATH` → `tlsserverpempath`). */
export function normaliseEnvName(name: string): string {
  let key = name.toLowerCase();
  if (key.startsWith('milvus.')) key = key.slice('milvus.'.length);
  return key.replace(/[/_.]/g, '');
}

/**
 * The conventional environment variable name for a key: `common.security.tlsMode` →
 * `COMMON_SECURITY_TLSMODE` (any spelling that normalises the same works; this is the one the docs use).
 */
export function envNameForKey(dottedKey: string): string {
  return dottedKey.replace(/[./]/g, '_').toUpperCase();
}
