// Types for the deep import in forgeAsn1.ts: the module is forge.asn1, which @types/node-forge describes.
declare module 'node-forge/lib/asn1' {
  import type { asn1 } from 'node-forge';
  const asn1Module: typeof asn1;
  export = asn1Module;
}
