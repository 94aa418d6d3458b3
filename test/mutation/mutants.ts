// The mutation table: one plausible bug per critical spot. `find` must occur exactly once in `file`.
import { readdirSync } from 'node:fs';
export interface Mutant {
  id: string;
  file: string;
  find: string;
  replace: string;
  description: string;
  /** The unit tests of the area, which must fail. */
  tests: string[];
}

const CONFIG_TESTS = ['test/unit/config', 'test/unit/rules/configRules.test.ts', 'test/unit/rules/shippedConfigs.test.ts'].flatMap(expand);
const RULE_TESTS = ['test/unit/rules'].flatMap(expand);
const PKI_TESTS = ['test/unit/pki', 'test/unit/usecases/generateSet.test.ts'].flatMap(expand);

/** A folder's test files (Node 20's --test takes no globs). */
function expand(entry: string): string[] {
  if (entry.endsWith('.ts')) return [entry];
  return readdirSync(entry)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `${entry}/${name}`);
}

export const MUTANTS: Mutant[] = [
  // config: keys and values as Milvus reads them
  {
    id: 'config-normalise-dots',
    file: 'src/core/config/keyNormalisation.ts',
    find: "return key.toLowerCase().replace(/[/_.]/g, '');",
    replace: "return key.toLowerCase().replace(/[/_]/g, '');",
    description: 'dots kept in normalised keys',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-normalise-case',
    file: 'src/core/config/keyNormalisation.ts',
    find: "return key.toLowerCase().replace(/[/_.]/g, '');",
    replace: "return key.replace(/[/_.]/g, '');",
    description: 'keys matched case-sensitively',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-yaml11-yes',
    file: 'src/core/config/goValues.ts',
    find: "'y', 'Y', 'yes', 'Yes', 'YES', ",
    replace: "'y', 'Y', ",
    description: 'YAML 1.1 yes not read as true',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-quoted-typed',
    file: 'src/core/config/goValues.ts',
    find: 'if (!plain) return text;',
    replace: 'if (!plain && text === "") return text;',
    description: 'quoted scalars get YAML 1.1 type resolution',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-user-yaml-2.4',
    file: 'src/core/config/effectiveConfig.ts',
    find: "minor: 4, patch: 0, suffix: '' }) < 0) return ['milvus.yaml'];",
    replace: "minor: 4, patch: 0, suffix: '' }) <= 0) return ['milvus.yaml'];",
    description: '2.4.0 treated as reading only milvus.yaml',
    tests: [...CONFIG_TESTS, 'test/integration/deployment/agreement.test.ts'],
  },
  {
    id: 'config-env-prefix-3',
    file: 'src/core/config/effectiveConfig.ts',
    find: 'version.major >= 3',
    replace: 'version.major > 3',
    description: 'MILVUS_CONF_ prefix not read on 3.0',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-mode-known',
    file: 'src/core/config/tlsMode.ts',
    find: 'known: [0, 1, 2].includes(read.value)',
    replace: 'known: [0, 1, 2, 3].includes(read.value)',
    description: 'tlsMode 3 counted as known',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-int-default',
    file: 'src/core/config/typedValues.ts',
    find: '  if (!entry) return { value: codeDefault, raw: undefined, valid: true, defaulted: true, entry };\n  const converted = goAtoi(entry.value);',
    replace:
      '  if (!entry) return { value: 1, raw: undefined, valid: true, defaulted: true, entry };\n  const converted = goAtoi(entry.value);',
    description: 'absent integer keys take 1, not the code default',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-last-duplicate-wins',
    file: 'src/core/config/milvusConfig.ts',
    find: 'const isShadowed = shadowed || lastIndexByKey.get(goKey) !== index;',
    replace: 'const isShadowed = shadowed || lastIndexByKey.get(goKey) === index;',
    description: 'the first of two equal keys wins',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-workdir',
    file: 'src/core/config/containerPaths.ts',
    find: 'path.posix.join(MILVUS_CONTAINER_WORKDIR, trimmed)',
    replace: "path.posix.join('/', trimmed)",
    description: 'relative paths resolved against / instead of /milvus',
    tests: [...CONFIG_TESTS, ...RULE_TESTS],
  },
  {
    id: 'config-placeholder',
    file: 'src/core/config/containerPaths.ts',
    find: "return value.trim().startsWith('/path/to/');",
    replace: "return value.trim().startsWith('/path/to/x');",
    description: 'placeholders not recognised',
    tests: [...CONFIG_TESTS, ...RULE_TESTS],
  },

  // config read again in parts (the language server's keystroke): exactly the model read whole
  {
    id: 'config-parts-alias',
    file: 'src/core/config/segmentedConfig.ts',
    find: 'if (problems.length > 0 || resolvedAnyAlias(document)) return WHOLE_ONLY;',
    replace: 'if (problems.length > 0) return WHOLE_ONLY;',
    description: 'a part with an alias read alone (the alias may point into another part)',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-parts-repeated-key',
    file: 'src/core/config/segmentedConfig.ts',
    find: 'if (keys.size !== readings.length) return undefined;',
    replace: '',
    description: 'a repeated top-level key read in parts (the first is not shadowed by the last)',
    tests: CONFIG_TESTS,
  },
  {
    id: 'config-parts-offsets',
    file: 'src/core/config/segmentedConfig.ts',
    find: 'return { start: range.start + base, end: range.end + base };',
    replace: 'return { start: range.start + base, end: range.end };',
    description: 'a reused part keeps the end offsets of where it stood before',
    tests: CONFIG_TESTS,
  },
  // rules: what Milvus does with the effective config
  {
    id: 'rules-rest-boundary',
    file: 'src/core/rules/restPort.ts',
    find: "isAtLeastVersion(ctx.version, '2.4.13')",
    replace: "isAtLeastVersion(ctx.version, '2.4.14')",
    description: 'REST refusal from 2.4.14',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-rest-equal-port',
    file: 'src/core/rules/restPort.ts',
    find: "if (httpPort !== '' && httpPort !== grpcPort) return [];",
    replace: "if (httpPort !== '') return [];",
    description: 'proxy.http.port equal to proxy.port accepted',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-rest-enabled-default',
    file: 'src/core/rules/restPort.ts',
    find: "readBool(ctx.effective, 'proxy.http.enabled', true)",
    replace: "readBool(ctx.effective, 'proxy.http.enabled', false)",
    description: 'REST taken as off by default',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-mode-boundary',
    file: 'src/core/rules/tlsMode.ts',
    find: "isAtLeastVersion(ctx.version, '2.4.13')",
    replace: "isAtLeastVersion(ctx.version, '2.4.12')",
    description: 'tlsMode 3 refusal from 2.4.12',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-required-optional',
    file: 'src/core/rules/requiredFiles.ts',
    find: '    if (!slot.required) continue;\n',
    replace: '',
    description: 'optional paths reported as missing',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-ca-mode-2',
    file: 'src/core/rules/pathReferences.ts',
    find: "!(slot.key === 'tls.caPemPath' && mode !== 2)",
    replace: "!(slot.key === 'tls.caPemPath' && mode !== 1)",
    description: 'caPemPath loaded in mode 1, not 2',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-tls-on-mode-2',
    file: 'src/core/rules/pathReferences.ts',
    find: 'tls: mode === 1 || mode === 2,',
    replace: 'tls: mode === 1,',
    description: 'mode 2 loads no TLS files',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-key-mismatch',
    file: 'src/core/rules/pairs.ts',
    find: 'privateKey.publicKey.spkiSha256 !== leaf.publicKey.spkiSha256',
    replace: 'privateKey.publicKey.spkiSha256 === leaf.publicKey.spkiSha256',
    description: 'a matching key reported as mismatched',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-chain-default',
    file: 'src/core/rules/pairs.ts',
    find: '  if (!leafFile || !caFile) return true;\n  return ctx.cache.derive',
    replace: '  if (!leafFile || !caFile) return true;\n  return !ctx.cache.derive',
    description: 'chain check inverted',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-env-only-tls',
    file: 'src/core/rules/environment.ts',
    find: '    if (!tlsKeyInfoOfNormalised(entry.key)) continue;\n',
    replace: '',
    description: 'every environment override reported, not only TLS keys',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-not-mounted',
    file: 'src/core/rules/mounting.ts',
    find: 'ctx.deployment.hypothetical === undefined ||',
    replace: 'ctx.deployment.hypothetical !== undefined ||',
    description: 'config-not-mounted on mounted files',
    tests: RULE_TESTS,
  },
  {
    id: 'rules-rest-fix-port',
    file: 'src/core/rules/fixes.ts',
    find: "[{ key: data.httpPortKey, value: '8080' }]",
    replace: "[{ key: data.httpPortKey, value: '19530' }]",
    description: 'the REST quick fix sets the gRPC port',
    tests: RULE_TESTS,
  },
  // pki: the profile Go's crypto/tls needs, and the limits of a set
  {
    id: 'pki-ca-pathlen',
    file: 'src/core/pki/extensions.ts',
    find: 'sequence([booleanTrue(), smallInteger(0)])',
    replace: 'sequence([booleanTrue()])',
    description: 'the CA without pathLen 0',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-ca-critical',
    file: 'src/core/pki/extensions.ts',
    find: 'return extension(OID.basicConstraints, true, value);',
    replace: 'return extension(OID.basicConstraints, false, value);',
    description: 'basicConstraints not critical',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-ca-keycertsign',
    file: 'src/core/pki/profile.ts',
    find: "keyUsage(['keyCertSign', 'cRLSign'])",
    replace: "keyUsage(['cRLSign'])",
    description: 'the CA cannot sign certificates',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-server-eku',
    file: 'src/core/pki/profile.ts',
    find: "extensions.push(extendedKeyUsage(['serverAuth']), subjectAltName(sans));",
    replace: "extensions.push(extendedKeyUsage(['clientAuth']), subjectAltName(sans));",
    description: 'server certificate without serverAuth',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-server-san',
    file: 'src/core/pki/profile.ts',
    find: "extensions.push(extendedKeyUsage(['serverAuth']), subjectAltName(sans));",
    replace: "extensions.push(extendedKeyUsage(['serverAuth']));",
    description: 'server certificate without SANs (Go: legacy Common Name)',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-client-eku',
    file: 'src/core/pki/profile.ts',
    find: "    extensions.push(extendedKeyUsage(['clientAuth']));",
    replace: "    extensions.push(extendedKeyUsage(['serverAuth']));",
    description: "client certificate with the docs' serverAuth",
    tests: PKI_TESTS,
  },
  {
    id: 'pki-rsa-keyencipherment',
    file: 'src/core/pki/profile.ts',
    find: "isRsaKey(leafKey) ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature']",
    replace: "['digitalSignature']",
    description: 'RSA leaves without keyEncipherment',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-default-sans',
    file: 'src/core/pki/defaults.ts',
    find: "[commonName, 'localhost', '127.0.0.1', '::1', ...extraNames]",
    replace: '[commonName, ...extraNames]',
    description: 'no loopback SANs by default',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-leaf-days',
    file: 'src/core/pki/defaults.ts',
    find: 'export const DEFAULT_LEAF_DAYS = 825;',
    replace: 'export const DEFAULT_LEAF_DAYS = 826;',
    description: 'leaves longer than Apple accepts',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-max-days',
    file: 'src/core/pki/validate.ts',
    find: 'days < 1 || days > MAX_DAYS',
    replace: 'days < 0 || days > MAX_DAYS',
    description: 'zero-day certificates accepted',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-leaf-outlives-ca',
    file: 'src/core/pki/validate.ts',
    find: 'options.leafDays > options.caDays',
    replace: 'options.leafDays > options.caDays + 1',
    description: 'a leaf may outlive its CA by a day',
    tests: PKI_TESTS,
  },
  {
    id: 'pki-clock-skew',
    file: 'src/core/pki/generate.ts',
    find: 'const CLOCK_SKEW_MS = 5 * 60 * 1000;',
    replace: 'const CLOCK_SKEW_MS = 0;',
    description: 'certificates valid only from the second they are made',
    tests: PKI_TESTS,
  },
  {
    id: 'rules-syntax-stops',
    file: 'src/core/rules/index.ts',
    find: "finding.code === 'yaml-syntax' || finding.code === 'yaml-not-a-mapping'",
    replace: "finding.code === 'yaml-not-a-mapping'",
    description: 'TLS rules run on unparsable YAML',
    tests: RULE_TESTS,
  },
];
