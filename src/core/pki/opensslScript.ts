// Exports our certificate profile as an openssl.cnf + gen.sh pair, for people who must (or want to)
// produce the set with openssl 3 themselves. The script mirrors the Milvus docs' gen.sh layout but
// fixes its defects: SANs on the server, clientAuth on the client, a CA with its own subject.
import { isIP } from 'node:net';
import type { CertificateSetOptions, KeyType, SubjectFields } from './types';
import { CERTIFICATE_SET_FILES } from './types';

export interface OpenSslScriptFiles {
  'openssl.cnf': string;
  'gen.sh': string;
}

/** The openssl 3 arguments that generate one private key of the given type. */
const KEY_ALGORITHM_ARGUMENTS: Record<KeyType, string> = {
  rsa2048: '-algorithm RSA -pkeyopt rsa_keygen_bits:2048',
  rsa3072: '-algorithm RSA -pkeyopt rsa_keygen_bits:3072',
  rsa4096: '-algorithm RSA -pkeyopt rsa_keygen_bits:4096',
  'ecdsa-p256': '-algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve',
  'ecdsa-p384': '-algorithm EC -pkeyopt ec_paramgen_curve:P-384 -pkeyopt ec_param_enc:named_curve',
};

/** P-384 pairs with SHA-384 (as TLS 1.3's ecdsa_secp384r1_sha384); everything else signs with SHA-256. */
function digestFor(keyType: KeyType): string {
  return keyType === 'ecdsa-p384' ? 'sha384' : 'sha256';
}

function isRsa(keyType: KeyType): boolean {
  return keyType.startsWith('rsa');
}

/**
 * Wraps any string in single quotes for a POSIX shell. Inside single quotes nothing is special
 * except the quote itself, which is closed, escaped and reopened: `'` becomes `'\''`.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Escapes one attribute value for `openssl req -subj`, which splits on `/` (and `+` for
 * multi-valued RDNs) and treats `\` as its escape character.
 */
export function escapeSubjectValue(value: string): string {
  return value.replace(/[\\/+]/g, (char) => `\\${char}`);
}

const SUBJECT_ATTRIBUTES: [keyof SubjectFields, string][] = [
  ['country', 'C'],
  ['state', 'ST'],
  ['locality', 'L'],
  ['organization', 'O'],
  ['organizationalUnit', 'OU'],
  ['commonName', 'CN'],
];

/** The `-subj` argument (unquoted) for one certificate: the shared fields, then its own CN. */
export function subjectArgument(fields: SubjectFields): string {
  return SUBJECT_ATTRIBUTES.filter(([key]) => (fields[key] ?? '') !== '')
    .map(([key, short]) => `/${short}=${escapeSubjectValue(fields[key] ?? '')}`)
    .join('');
}

// Control characters would survive quoting but corrupt the subject or the script's readability;
// the validators reject them earlier, this keeps the generator safe on its own.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** SANs go into openssl.cnf, whose syntax has `$`, `#`, quotes and `\` as specials: allow only name/IP characters. */
const SAFE_DNS_NAME = /^[A-Za-z0-9*_.-]+$/;

function sanLines(sans: readonly string[]): string[] {
  let dnsCount = 0;
  let ipCount = 0;
  return sans.map((san) => {
    if (isIP(san) !== 0) return `IP.${++ipCount} = ${san}`;
    if (!SAFE_DNS_NAME.test(san)) throw new Error(`Invalid subject alternative name for openssl.cnf: ${JSON.stringify(san)}`);
    return `DNS.${++dnsCount} = ${san}`;
  });
}

function checkOptions(options: CertificateSetOptions): void {
  const texts = [options.caCommonName, options.serverCommonName, options.clientCommonName, ...Object.values(options.subject)];
  for (const text of texts) {
    if (typeof text === 'string' && CONTROL_CHARACTERS.test(text)) {
      throw new Error(`Subject fields must not contain control characters: ${JSON.stringify(text)}`);
    }
  }
  for (const days of [options.caDays, options.leafDays]) {
    if (!Number.isInteger(days) || days < 1) throw new Error(`Validity must be a whole number of days ≥ 1, got ${days}`);
  }
  if (options.serverSans.length === 0) throw new Error('The server certificate needs at least one subject alternative name');
}

function opensslConfig(options: CertificateSetOptions): string {
  const leafKeyUsage = isRsa(options.keyType) ? 'critical, digitalSignature, keyEncipherment' : 'critical, digitalSignature';
  return [
    '# openssl.cnf exported by Milvus TLS: the same profile as "Milvus TLS: Generate Certificates…".',
    '# Used by gen.sh next to it (openssl 3). Subjects are passed on the command line with -subj.',
    '',
    '[ req ]',
    'distinguished_name = req_distinguished_name',
    'prompt = no',
    'string_mask = utf8only',
    '',
    '[ req_distinguished_name ]',
    '# Empty on purpose: gen.sh sets every subject with -subj.',
    '',
    '# The CA: its own subject, may sign leaves only (pathlen 0), never serve TLS itself.',
    '[ ca_ext ]',
    'basicConstraints = critical, CA:TRUE, pathlen:0',
    'keyUsage = critical, keyCertSign, cRLSign',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid:always',
    '',
    '# The server: Go clients ignore the CN and need every name they dial in subjectAltName.',
    '[ server_ext ]',
    'basicConstraints = critical, CA:FALSE',
    `keyUsage = ${leafKeyUsage}`,
    'extendedKeyUsage = serverAuth',
    'subjectAltName = @server_alt_names',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid:always',
    '',
    '# The CSR carries the names too, so it documents what was asked for.',
    '[ server_req_ext ]',
    'subjectAltName = @server_alt_names',
    '',
    '[ server_alt_names ]',
    ...sanLines(options.serverSans),
    '',
    '# The client: the Milvus proxy in tlsMode 2 (Go crypto/tls) requires clientAuth.',
    '[ client_ext ]',
    'basicConstraints = critical, CA:FALSE',
    `keyUsage = ${leafKeyUsage}`,
    'extendedKeyUsage = clientAuth',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid:always',
    '',
  ].join('\n');
}

function shellScript(options: CertificateSetOptions): string {
  const subjectOf = (commonName: string): string => shellQuote(subjectArgument({ ...options.subject, commonName }));
  const keyArguments = KEY_ALGORITHM_ARGUMENTS[options.keyType];
  const digest = digestFor(options.keyType);
  const privateKeys = CERTIFICATE_SET_FILES.filter((name) => name.endsWith('.key'));
  const publicFiles = CERTIFICATE_SET_FILES.filter((name) => !name.endsWith('.key'));
  return [
    '#!/bin/sh',
    '# gen.sh exported by Milvus TLS: writes ca.*, server.* and client.* with openssl 3, using openssl.cnf',
    '# from the same folder. The same nine files as the Milvus docs, without their defects.',
    '# Run: sh gen.sh (from any folder; the files are written next to this script).',
    'set -eu',
    '',
    '# Your variables (values are single-quoted: edit them inside the quotes).',
    `CA_SUBJECT=${subjectOf(options.caCommonName)}`,
    `SERVER_SUBJECT=${subjectOf(options.serverCommonName)}`,
    `CLIENT_SUBJECT=${subjectOf(options.clientCommonName)}`,
    `CA_DAYS=${options.caDays}`,
    `DAYS=${options.leafDays}`,
    `KEY_ALGORITHM=${shellQuote(keyArguments)}`,
    `DIGEST=${digest}`,
    '',
    'cd "$(dirname "$0")"',
    '',
    '# Never replace an existing set by accident: FORCE=1 sh gen.sh overwrites.',
    `for file in ${CERTIFICATE_SET_FILES.join(' ')}; do`,
    '  if [ -e "$file" ] && [ "${FORCE:-0}" != 1 ]; then',
    '    echo "gen.sh: $file exists; run FORCE=1 sh gen.sh to overwrite the set" >&2',
    '    exit 2',
    '  fi',
    'done',
    `rm -f ${CERTIFICATE_SET_FILES.join(' ')}`,
    '',
    '# Private keys are created readable by their owner only.',
    'new_key() {',
    '  # KEY_ALGORITHM holds several arguments: word splitting is wanted here.',
    '  # shellcheck disable=SC2086',
    '  (umask 077 && openssl genpkey -quiet $KEY_ALGORITHM -out "$1")',
    '  chmod 600 "$1"',
    '}',
    '',
    'echo "generate ca.key and ca.pem"',
    'new_key ca.key',
    'openssl req -new -x509 -utf8 -config ./openssl.cnf -extensions ca_ext -key ca.key -out ca.pem \\',
    '  -days "$CA_DAYS" -"$DIGEST" -subj "$CA_SUBJECT"',
    '',
    'echo "generate server.key, server.csr and server.pem"',
    'new_key server.key',
    'openssl req -new -utf8 -config ./openssl.cnf -reqexts server_req_ext -key server.key -out server.csr \\',
    '  -"$DIGEST" -subj "$SERVER_SUBJECT"',
    'openssl x509 -req -in server.csr -out server.pem -CA ca.pem -CAkey ca.key -CAserial ca.srl -CAcreateserial \\',
    '  -days "$DAYS" -"$DIGEST" -extfile ./openssl.cnf -extensions server_ext',
    '',
    'echo "generate client.key, client.csr and client.pem"',
    'new_key client.key',
    'openssl req -new -utf8 -config ./openssl.cnf -key client.key -out client.csr -"$DIGEST" -subj "$CLIENT_SUBJECT"',
    'openssl x509 -req -in client.csr -out client.pem -CA ca.pem -CAkey ca.key -CAserial ca.srl \\',
    '  -days "$DAYS" -"$DIGEST" -extfile ./openssl.cnf -extensions client_ext',
    '',
    `chmod 600 ${privateKeys.join(' ')}`,
    `chmod 644 ${publicFiles.join(' ')}`,
    'echo "done: ca.pem, server.pem/server.key and client.pem/client.key; check with:"',
    'echo "  openssl verify -CAfile ca.pem server.pem client.pem"',
    '',
  ].join('\n');
}

/** The openssl.cnf and gen.sh that reproduce a certificate set with the given options. Throws on unsafe input. */
export function exportOpenSslScript(options: CertificateSetOptions): OpenSslScriptFiles {
  checkOptions(options);
  return { 'openssl.cnf': opensslConfig(options), 'gen.sh': shellScript(options) };
}
