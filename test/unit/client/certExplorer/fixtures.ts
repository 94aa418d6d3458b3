// One generated certificate set (fast EC keys), shared by the cert explorer's model tests.
import { generateCertificateSet } from '../../../../src/core/pki/generate';
import { defaultCertificateSetOptions } from '../../../../src/core/pki/defaults';
import type { InputFile } from '../../../../src/core/inspect/types';

let cached: Promise<Map<string, string>> | undefined;

/** ca.pem, ca.key, server.pem, server.key, client.pem, client.key... by name. */
export function certificateSet(): Promise<Map<string, string>> {
  cached ??= generateCertificateSet(
    defaultCertificateSetOptions({ keyType: 'ecdsa-p256', serverCommonName: 'milvus.local', leafDays: 100 }),
  ).then((files) => new Map(files.map((file) => [file.name, file.contents])));
  return cached;
}

export function input(path: string, contents: string | Error): InputFile {
  return { path, bytes: contents instanceof Error ? contents : Buffer.from(contents), mode: 0o600 };
}

export const DAY_MS = 86_400_000;
