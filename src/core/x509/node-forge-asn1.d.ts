// Types for the deep import in forgeAsn1.ts: the module is forge.asn1, which @types/node-forge describes,
// except that its fromDer takes an options object (forge 1.x: lib/asn1.js) where the types say boolean.
declare module 'node-forge/lib/asn1' {
  import type { asn1 } from 'node-forge';
  interface FromDerOptions {
    strict?: boolean;
    parseAllBytes?: boolean;
    decodeBitStrings?: boolean;
    maxDepth?: number;
  }
  const asn1Module: Omit<typeof asn1, 'fromDer'> & { fromDer(bytes: string, options: FromDerOptions): asn1.Asn1 };
  export = asn1Module;
}
