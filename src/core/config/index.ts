/**
 * The Milvus config model: milvus.yaml / user.yaml and the container environment read the way
 * Milvus reads them (sources: ../shared/docs/milvus-tls-facts.md §1.0, upstream file:line below).
 *
 * Normalisation. Every key is looked up lowercased with `.`, `_` and `/` deleted
 * (pkg/config/config.go:98: `strings.NewReplacer("/", "", "_", "", ".", "").Replace(strings.ToLower(key))`),
 * so `common.security.tlsMode` = `common.security.TLSMode` = env `COMMON_SECURITY_TLSMODE`. A key
 * under the wrong parent never matches: `common.tls.serverPemPath` is `commontlsserverpempath`,
 * not `tlsserverpempath`. Environment variable names are lowercased, a leading `milvus.` is
 * stripped, and `/`, `_`, `.` deleted (pkg/util/paramtable/base_table.go:133-140).
 *
 * Values. Each YAML file goes through Go's yaml.v2 `Unmarshal` and `cast.ToStringE`
 * (pkg/config/file_source.go, config.go flattenAndMergeMap): YAML 1.1 scalars, so plain `yes` is
 * "true" and plain `1.0` is "1"; quoted values stay as written; the last of two equal keys wins.
 * Typed reads use strconv.Atoi / ParseBool and fall back to 0 / false on failure
 * (pkg/util/paramtable/param_item.go getAndConvert): a tlsMode of "1.0" (quoted) or `true` is 0.
 *
 * Precedence (a lower priority number wins; pkg/config/source.go:21-23, manager.go:463):
 *   1. etcd remote config (HighPriority 1; not modelled),
 *   2. environment variables of the Milvus container (NormalPriority 11),
 *   3. YAML files (LowPriority 21), in the order of base_table.go:70, later wins:
 *      2.5+: milvus.yaml, _test.yaml, default.yaml, user.yaml; 2.4: milvus.yaml, default.yaml,
 *      user.yaml; 2.3: milvus.yaml only.
 * Absent keys take the ParamItem default (tlsKeys.ts `codeDefault`). Relative paths are relative
 * to /milvus, the image's WORKDIR (containerPaths.ts).
 */
export type { OffsetRange, SourceProblem, ProblemSeverity, MapEntry, ParsedYaml } from './yamlSource';
export { parseYamlWithRanges, mapEntries, getEntry, rangeOfNode, scalarText, isPlainScalar } from './yamlSource';
export { normaliseKey, normaliseKeyPath, normaliseEnvName, envNameForKey } from './keyNormalisation';
export { goYamlScalarToString, formatGoFloat, goAtoi, goParseBool } from './goValues';
export type { GoConversion } from './goValues';
export { parseMilvusConfig, getConfigEntry, findBlocksNamed } from './milvusConfig';
export type { ConfigEntry, ConfigBlock, DuplicateKey, MilvusConfigFile } from './milvusConfig';
export {
  effectiveConfig,
  getEffectiveValue,
  environmentFromCompose,
  describeOrigin,
  defaultEnvPrefixes,
  yamlFilesReadBy,
} from './effectiveConfig';
export type { EffectiveConfig, EffectiveConfigInput, EffectiveValue, EnvironmentVariableInput, ValueOrigin } from './effectiveConfig';
export { readInt, readBool, readString } from './typedValues';
export type { TypedRead } from './typedValues';
export { readTlsMode, TLS_MODE_KEY } from './tlsMode';
export type { TlsModeRead } from './tlsMode';
export { TLS_KEYS, tlsKeyInfo, tlsKeyInfoOfNormalised, KNOWN_CHILD_KEYS, knownChildKeys, OBSOLETE_KEYS } from './tlsKeys';
export type { TlsKeyInfo, TlsKeyType, TlsKeyGroup, AllowedValue, ObsoleteKey } from './tlsKeys';
export {
  resolveConfigPath,
  isBundledTestCertificatePath,
  isPlaceholderPath,
  MILVUS_CONTAINER_WORKDIR,
  BUNDLED_TEST_CERTIFICATE_DIR,
  BUNDLED_TEST_CERTIFICATE_FILES,
} from './containerPaths';
export { PATH_SLOTS } from './pathSettings';
export type { PathSlot, PathGroup, PathExpectation } from './pathSettings';
