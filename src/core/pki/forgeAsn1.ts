// node-forge's ASN.1 module on its own. `import 'node-forge'` loads all of forge (TLS, ciphers,
// PKCS#12: ~600 KB in the CLI bundle, ~30 ms of CPU at every start); the encoder is all we use.
import asn1Module from 'node-forge/lib/asn1';

export const asn1 = asn1Module;
