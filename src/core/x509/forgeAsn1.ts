// node-forge's ASN.1 module on its own: the one ASN.1 library, for reading (x509/der.ts) and writing
// (pki/der.ts). `import 'node-forge'` would load all of forge (TLS, ciphers, PKCS#12: ~600 KB in the CLI
// bundle, ~30 ms of CPU at every start); the ASN.1 codec is all we use. Certificates themselves are
// parsed by node:crypto's X509Certificate (forge's certificate parser knows RSA keys only).
import asn1Module from 'node-forge/lib/asn1';

export const asn1 = asn1Module;
