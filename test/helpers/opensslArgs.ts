// Arguments of the openssl commands the tests use to make certificates the way users do with the
// docs' gen.sh (a P-256 key per certificate): one spelling of each, whatever runs them.

/** A new unencrypted P-256 key written to `<name>.key`. */
function newP256Key(name: string): string[] {
  return ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`];
}

/** `openssl req -x509`: a self-signed `<name>.pem` (and its key), each extension line as `-addext`. */
export function selfSignedArgs(name: string, subject: string, days: string, extensions: readonly string[]): string[] {
  return [
    'req',
    '-x509',
    '-new',
    ...newP256Key(name),
    '-out',
    `${name}.pem`,
    '-days',
    days,
    '-subj',
    subject,
    ...extensions.flatMap((extension) => ['-addext', extension]),
  ];
}

/** `openssl req -new`: a key and a CSR `<name>.csr` for `subject`. */
export function requestArgs(name: string, subject: string): string[] {
  return ['req', '-new', ...newP256Key(name), '-out', `${name}.csr`, '-subj', subject];
}

/** `openssl x509 -req`: `<name>.csr` signed by `<ca>.pem`/`<ca>.key` into `<name>.pem`, with an -extfile. */
export function signRequestArgs(name: string, ca: string, days: string, extensionFile: string): string[] {
  return [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-days',
    days,
    '-extfile',
    extensionFile,
    '-out',
    `${name}.pem`,
  ];
}
