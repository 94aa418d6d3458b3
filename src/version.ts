// The version of milvus-tls, written once, in package.json. The bundles get it from esbuild's
// define (.ci/build.mjs); the sources, run under tsx by the tests, read package.json when asked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare const MILVUS_TLS_VERSION: string | undefined;

export function milvusTlsVersion(): string {
  if (typeof MILVUS_TLS_VERSION === 'string') return MILVUS_TLS_VERSION;
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
