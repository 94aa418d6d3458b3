// node-forge's ASN.1 module on its own: the one ASN.1 library, for reading (x509/der.ts) and writing
// (pki/der.ts). `import 'node-forge'` would load all of forge (TLS, ciphers, PKCS#12: ~600 KB in the CLI
// bundle, ~30 ms of CPU at every start); the ASN.1 codec is all we use. Certificates themselves are
// parsed by node:crypto's X509Certificate (forge's certificate parser knows RSA keys only).
//
// Loaded on first use, not at import: its module code (forge's util and OID tables with it) takes
// ~3 ms, which `milvus-tls generate` spends while its keys are made instead of before
// (preloadForgeAsn1), and which commands that never read or write DER do not spend at all.
import type asn1Module from 'node-forge/lib/asn1';

export type ForgeAsn1 = typeof asn1Module;

let loaded: ForgeAsn1 | undefined;

export function forgeAsn1(): ForgeAsn1 {
  // A require() in a function is bundled as a module that runs on the first call (esbuild), and so
  // is the one way to defer it: a static import runs when the bundle loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('node-forge/lib/asn1') as ForgeAsn1;
  return loaded;
}

/** Loads the codec now: a caller about to wait (for keys being made) lets it load meanwhile. */
export function preloadForgeAsn1(): void {
  forgeAsn1();
}
